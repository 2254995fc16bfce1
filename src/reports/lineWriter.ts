import { closeSync, openSync, writeSync } from "node:fs";

/** Bytes gathered before one write to the file. */
const CHUNK = 1 << 20;

/**
 * Writes text to a file descriptor in chunks of about a megabyte, synchronously, so that outputs of any
 * size stream in bounded memory. A descriptor that is not ready (EAGAIN: a full non-blocking pipe) is
 * retried after a short wait.
 */
export class LineWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly fd: number) {}

  /** A writer to a new file (replaced if it exists); `close` closes it. */
  static toFile(file: string): LineWriter {
    return new LineWriter(openSync(file, "w"));
  }

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    let bytes = Buffer.from(this.parts.join(""), "utf8");
    this.parts = [];
    this.size = 0;
    while (bytes.length > 0) {
      try {
        bytes = bytes.subarray(writeSync(this.fd, bytes));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      }
    }
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
