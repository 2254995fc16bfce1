import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LineWriter } from "../src/reports/lineWriter.js";

/** The chunked writer under every export: what is written is the file's content, byte for byte, at any size. */

const file = () => join(mkdtempSync(join(tmpdir(), "event-impact-lines-")), "out.txt");

describe("LineWriter", () => {
  it("writes small pieces in order and replaces an existing file", () => {
    const path = file();
    writeFileSync(path, "an older and longer content");
    const out = LineWriter.toFile(path);
    out.write("a,b\n");
    out.write("");
    out.write("1,2\n");
    out.close();
    expect(readFileSync(path, "utf8")).toBe("a,b\n1,2\n");
  });

  it("keeps every byte of pieces of three-byte characters that fill the 1 MiB chunk several times", () => {
    const path = file();
    const out = LineWriter.toFile(path);
    const piece = "€".repeat(999) + "\n";
    for (let k = 0; k < 1200; k++) out.write(piece);
    out.close();
    const text = readFileSync(path, "utf8");
    expect(text.length).toBe(1200 * 1000);
    expect(text).toBe(piece.repeat(1200));
  });

  it("writes a piece of more than a chunk's bytes directly, after what came before it", () => {
    const path = file();
    const out = LineWriter.toFile(path);
    const big = "€".repeat(400_000);
    out.write("head\n");
    out.write(big);
    out.write("\ntail");
    out.close();
    expect(readFileSync(path, "utf8")).toBe(`head\n${big}\ntail`);
  });

  it("writes to a descriptor it is given and flushes on demand", () => {
    const path = file();
    const fd = openSync(path, "w");
    const out = new LineWriter(fd);
    out.write("first\n");
    expect(readFileSync(path, "utf8")).toBe("");
    out.flush();
    expect(readFileSync(path, "utf8")).toBe("first\n");
    out.write("second\n");
    out.flush();
    closeSync(fd);
    expect(readFileSync(path, "utf8")).toBe("first\nsecond\n");
  });

  it("closes its file", () => {
    const out = LineWriter.toFile(file());
    out.close();
    expect(() => out.close()).toThrow(expect.objectContaining({ code: "EBADF" }));
  });
});
