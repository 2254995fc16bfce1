import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledDataDir, readPriceSeries } from "../src/sources/localFiles.js";
import { MAX_CELL_LENGTH, MAX_LINE_LENGTH, decimalAt, readPriceColumns } from "../src/sources/priceCsv.js";
import { hasHkUniverse, hkUniverseDir } from "./helpers/hkUniverse.js";
import { thrownInputError } from "./helpers/inputError.js";

const FILE = "prices/TEST.HK.csv";
const HEADER = "date,open,high,low,close,adj_close,volume";
const csv = (...rows: string[]) => [HEADER, ...rows].join("\n");

/** A decimal as `decimalAt` reads it; any other cell (`null`, empty) is NaN, where `Number` would give 0 for an empty one. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Every cell of a price file read by `decimalAt` from the file's bytes against `Number` of the cell's text,
 * and the columns `readPriceColumns` makes against the same split + `Number` of the text.
 */
function expectFileReadAsNumberReadsIt(file: string): number {
  const bytes = readFileSync(file);
  const text = bytes.toString("latin1");
  const lines = text.split("\n");
  let cells = 0;
  let offset = 0;
  const mismatches: string[] = [];
  const rows: string[][] = [];
  for (const [index, line] of lines.entries()) {
    const row = line.replace(/\r$/, "").split(",");
    if (index > 0 && line.trim() !== "") rows.push(row);
    let start = offset;
    for (const [k, cell] of row.entries()) {
      if (index > 0 && k > 0) {
        const expected = DECIMAL.test(cell) ? Number(cell) : Number.NaN;
        if (!Object.is(decimalAt(bytes, start, start + cell.length), expected)) mismatches.push(`line ${index + 1}: ${cell}`);
        cells++;
      }
      start += cell.length + 1;
    }
    offset += line.length + 1;
  }
  expect(mismatches, file).toEqual([]);
  const header = lines[0]!.replace(/^\uFEFF|^\xEF\xBB\xBF/, "").toLowerCase().split(",").map((name) => name.trim().replace(/ /g, "_"));
  const column = (name: string) => rows.map((row) => Number(row[header.indexOf(name)]));
  const { columns } = readPriceColumns(bytes, file);
  expect(columns.dates, file).toEqual(rows.map((row) => row[0]!.slice(0, 10)));
  expect([...columns.close], file).toEqual(column("close"));
  expect([...columns.adjClose], file).toEqual(column(header.includes("adj_close") ? "adj_close" : "close"));
  expect([...columns.open], file).toEqual(column("open"));
  expect([...columns.volume], file).toEqual(column("volume"));
  return cells;
}

const csvFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".csv") && name !== "constituents.csv")
    .map((name) => join(dir, name));

describe("the byte reader gives what Number gives for every cell of real price files", () => {
  it("every bundled price file", () => {
    const cells = csvFiles(join(bundledDataDir, "prices")).reduce((sum, file) => sum + expectFileReadAsNumberReadsIt(file), 0);
    expect(cells).toBeGreaterThan(80_000);
  });

  it.skipIf(!hasHkUniverse || process.env.SKIP_SLOW === "1")("every file of the hk-universe (slow: 6 MB)", () => {
    const cells = csvFiles(hkUniverseDir).reduce((sum, file) => sum + expectFileReadAsNumberReadsIt(file), 0);
    expect(cells).toBeGreaterThan(600_000);
  });
});

describe("decimalAt: hand cases", () => {
  const at = (cell: string) => decimalAt(Buffer.from(`,${cell},`, "latin1"), 1, cell.length + 1);

  it.each([
    ["-0", -0],
    [".5", 0.5],
    ["5.", 5],
    ["1E-3", 0.001],
    ["+33.55", 33.55],
    ["0.1", 0.1],
    ["2147483648", 2147483648],
    ["123456789012345", 123456789012345],
    ["0.30000000000000004", 0.30000000000000004],
    ["1e308", 1e308],
  ])("%s is %d", (cell, value) => {
    expect(Object.is(at(cell), value)).toBe(true);
  });

  it.each(["3\u00a05", "3.5\u00e9", "\u00bd", "1e", "--1", "+", "1,5"])("%j (a byte that is no digit, sign, point or exponent) is NaN", (cell) => {
    expect(at(cell)).toBeNaN();
  });
});

describe("readPriceColumns on bytes", () => {
  const text = `\uFEFF${csv("2021-01-13, 33.55 ,\t34,32.4,33,33,120265263", "2021-01-14,33.3,33.65,32.3,32.65,32.65,122585978")}\r\n`;

  it("reads a Buffer, a Uint8Array view inside a larger buffer and a string alike (BOM, CRLF, blanks around cells)", () => {
    const fromString = readPriceColumns(text, FILE);
    const bytes = Buffer.from(text, "utf8");
    const padded = new Uint8Array(bytes.length + 20);
    padded.set(bytes, 10);
    expect(readPriceColumns(bytes, FILE)).toEqual(fromString);
    expect(readPriceColumns(padded.subarray(10, 10 + bytes.length), FILE)).toEqual(fromString);
    expect([...fromString.columns.open]).toEqual([33.55, 33.3]);
  });

  it("rejects a non-ASCII character inside a number cell, echoing it whole", () => {
    const error = thrownInputError(() => readPriceColumns(Buffer.from(csv("2021-01-13,33.5€,34,32.4,33,33,1")), FILE));
    expect(error.message).toBe(`${FILE} line 2: open: expected a number, found "33.5€" (row: 2021-01-13,33.5€,34,32.4,33,33,1)`);
  });

  it("rejects a quoted number with blanks inside the quotes, as before", () => {
    expect(thrownInputError(() => readPriceColumns(csv('2021-01-13," 33.55",34,32.4,33,33,1'), FILE)).message).toMatch(/line 2: open: expected a number, found " 33.55"/);
  });

  it("reads quoted cells with an escaped quote in the header and commas inside quotes", () => {
    const { columns } = readPriceColumns('"Date","Open","High","Low","Close","Adj Close","Volume","Note ""x"""\n2021-01-13,33.55,34,32.4,33,32.5,1,"a, b"\n', FILE);
    expect([...columns.adjClose]).toEqual([32.5]);
  });

  it("counts line and cell limits in characters, not bytes, and echoes multi-byte characters whole", () => {
    // 400 three-byte characters: 1,200 bytes but 400 characters, within the line limit; over the cell limit.
    const wide = "€".repeat(400);
    const cell = thrownInputError(() => readPriceColumns(csv(`2021-01-13,${wide},34,32.4,33,33,1`), FILE));
    expect(cell.message).toBe(`${FILE} line 2: field 2 is longer than ${MAX_CELL_LENGTH} characters: ${"€".repeat(80)}... (400 characters)`);
    const line = thrownInputError(() => readPriceColumns(csv(`2021-01-13,1,1,1,1,1,1,${"é".repeat(MAX_LINE_LENGTH)}`), FILE));
    expect(line.message).toBe(`${FILE} line 2: the line is longer than ${MAX_LINE_LENGTH} characters: 2021-01-13,1,1,1,1,1,1,${"é".repeat(80 - 23)}...`);
  });

  it("keeps a malformed UTF-8 byte in an echo as U+FFFD, as a UTF-8 read of the file did", () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\n2021-01-13,3`), Buffer.from([0xff]), Buffer.from(",34,32.4,33,33,1\n")]);
    expect(thrownInputError(() => readPriceColumns(bytes, FILE)).message).toMatch(/open: expected a number, found "3\uFFFD"/);
  });
});

describe("readPriceSeries hashes the bytes of the file", () => {
  it("gives the SHA-256 of the file's bytes (from sha256sum), also with a byte that is not UTF-8", () => {
    const dir = mkdtempSync(join(tmpdir(), "ei-bytes-"));
    writeFileSync(join(dir, "TEST.HK.csv"), Buffer.concat([Buffer.from("date,open,high,low,close,adj_close,volume,note\n2021-01-13,1,1,1,1,1,1,"), Buffer.from([0xff]), Buffer.from("\n")]));
    // A hash of the text decoded as UTF-8 would be 02ed71c0... (0xff re-encoded as EF BF BD).
    expect(readPriceSeries(dir, "TEST.HK").sha256).toBe("1d2e7643113fc87c6fb95ab76e95dce017e07d69a9a4f347bad44443180beb82");
  });
});
