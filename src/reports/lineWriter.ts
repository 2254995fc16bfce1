import { closeSync, openSync, writeSync } from "node:fs";
import { sleepSync } from "../io/sleepSync.js";

/** Bytes gathered before one write to the file. */
const CHUNK = 1 << 20;

/**
 * Writes text to a file descriptor in chunks of about a megabyte, synchronously, so that outputs of any
 * size stream in bounded memory. Text is encoded into the chunk as it is written (no string outlives its
 * `write`, so the many small strings of a large export die young). A descriptor that is not ready
 * (EAGAIN: a full non-blocking pipe) is retried after a short wait.
 */
export class LineWriter {
  private readonly chunk = Buffer.allocUnsafe(CHUNK);
  private size = 0;

  constructor(private readonly fd: number) {}

  /** A writer to a new file (replaced if it exists); `close` closes it. */
  static toFile(file: string): LineWriter {
    return new LineWriter(openSync(file, "w"));
  }

  write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    if (this.size + text.length * 3 > CHUNK) {
      this.flush();
      if (text.length * 3 > CHUNK) {
        this.writeAll(Buffer.from(text, "utf8"));
        return;
      }
    }
    this.size += this.chunk.write(text, this.size, "utf8");
  }

  flush(): void {
    this.writeAll(this.chunk.subarray(0, this.size));
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private writeAll(bytes: Buffer): void {
    while (bytes.length > 0) {
      try {
        bytes = bytes.subarray(writeSync(this.fd, bytes));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
        sleepSync(5);
      }
    }
  }
}
