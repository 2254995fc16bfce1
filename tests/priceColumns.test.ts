import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkClaim } from "../src/claims/checkClaim.js";
import { InputError } from "../src/errors.js";
import { dropFillerBars } from "../src/sources/fillerBars.js";
import { bundledDataDir, readPriceSeries } from "../src/sources/localFiles.js";
import { MAX_CELL_LENGTH, MAX_LINE_LENGTH, columnsOf, decimalAt, readPriceColumns, selectRows } from "../src/sources/priceCsv.js";
import { runStudy } from "../src/study/runStudy.js";
import { runCli } from "./helpers/cli.js";
import { hasHkUniverse, hkUniverseDir } from "./helpers/hkUniverse.js";
import { thrownInputError } from "./helpers/inputError.js";

const FILE = "prices/TEST.HK.csv";
const HEADER = "date,open,high,low,close,adj_close,volume";
const ROWS = ["2021-01-13,33.55,34,32.4,33,33,120265263", "2021-01-14,33.3,33.65,32.3,32.65,32.65,122585978", "2021-01-15,29,30.5,28.2,29.3,29.3,1149252510"];

const csv = (...rows: string[]) => [HEADER, ...rows].join("\n");

describe("readPriceColumns: one pass into typed columns", () => {
  it("reads every value of a file into Float64Array columns with the source line of each row", () => {
    const { columns, warnings } = readPriceColumns(`${csv(ROWS[0]!, "", ROWS[1]!)}\n`, FILE);
    expect(columns.dates).toEqual(["2021-01-13", "2021-01-14"]);
    expect(columns.close).toBeInstanceOf(Float64Array);
    expect([...columns.open]).toEqual([33.55, 33.3]);
    expect([...columns.volume]).toEqual([120265263, 122585978]);
    expect([...columns.lines]).toEqual([2, 4]);
    expect(warnings).toEqual([]);
  });

  it("reads quoted cells, as a spreadsheet writes them", () => {
    const { columns } = readPriceColumns(`"Date","Open","High","Low","Close","Adj Close","Volume"\n"2021-01-13","33.55",34,32.4,33,"32.5",1\n`, FILE);
    expect(columns.dates).toEqual(["2021-01-13"]);
    expect(columns.adjClose[0]).toBe(32.5);
  });

  // Reference: the same numbers written in one of the three layouts, read back by String.split and Number.
  const bar = fc.record({
    open: fc.double({ min: 0.01, max: 1e5, noNaN: true }),
    spread: fc.double({ min: 0, max: 0.2, noNaN: true }),
    closeShare: fc.double({ min: 0, max: 1, noNaN: true }),
    adjust: fc.double({ min: 0.5, max: 1, noNaN: true }),
    volume: fc.nat({ max: 2e9 }),
  });
  it("reads back what the bundled, Yahoo and yfinance layouts hold, number for number (property)", () => {
    fc.assert(
      fc.property(fc.array(bar, { minLength: 1, maxLength: 40 }), fc.constantFrom("bundled", "yahoo", "yfinance"), (bars, layout) => {
        const rows = bars.map((b, k) => {
          const date = new Date(Date.UTC(2020, 0, 1 + k)).toISOString().slice(0, 10);
          const low = b.open * (1 - b.spread);
          const high = b.open * (1 + b.spread);
          const close = low + (high - low) * b.closeShare;
          if (layout === "yfinance") return [`${date} 00:00:00+08:00`, b.open, high, low, close, b.volume, 0, 0];
          return [date, b.open, high, low, close, close * b.adjust, b.volume];
        });
        const header = { bundled: HEADER, yahoo: "Date,Open,High,Low,Close,Adj Close,Volume", yfinance: "Date,Open,High,Low,Close,Volume,Dividends,Stock Splits" }[layout];
        const text = [header, ...rows.map((row) => row.join(","))].join("\r\n");
        const { columns, warnings } = readPriceColumns(text, FILE);
        const lines = text.split("\r\n").slice(1).map((line) => line.split(","));
        expect(columns.dates).toEqual(lines.map((cells) => cells[0]!.slice(0, 10)));
        expect([...columns.open]).toEqual(lines.map((cells) => Number(cells[1])));
        expect([...columns.close]).toEqual(lines.map((cells) => Number(cells[4])));
        expect([...columns.adjClose]).toEqual(lines.map((cells) => Number(cells[layout === "yfinance" ? 4 : 5])));
        expect([...columns.volume]).toEqual(lines.map((cells) => Number(cells[layout === "yfinance" ? 5 : 6])));
        expect(warnings.filter((w) => w.kind === "ohlc")).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("decimalAt", () => {
  it("gives what Number gives for any decimal rendering, its fast path included (property)", () => {
    const rendering = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.tuple(fc.nat({ max: 1e6 }), fc.stringMatching(/^[0-9]{0,25}$/)).map(([whole, fraction]) => `${whole}.${fraction}`),
      fc.double({ min: 1e-9, max: 1e9, noNaN: true }).map((x) => x.toFixed(8)),
    );
    fc.assert(
      fc.property(rendering, fc.constantFrom("", "-", "+"), (text, sign) => {
        const cell = sign === "" || !text.startsWith("-") ? `${sign}${text}` : text;
        expect(Object.is(decimalAt(Buffer.from(`,${cell},`), 1, cell.length + 1), Number(cell))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it.each(["", ".", "-", "1e", "1e+", "0x10", "1_000", " 1", "1.2.3", "Infinity", "null"])("is NaN for %j", (cell) => {
    expect(decimalAt(Buffer.from(cell), 0, cell.length)).toBeNaN();
  });
});

describe("readPriceColumns: absurd and hostile input", () => {
  it.each([
    ["a 1e308 close", "2021-01-15,29,30.5,28.2,1e308,29.3,1", /line 4: close: 1e308 is outside the sane price range/],
    ["a close below 1e-8", "2021-01-15,29,30.5,28.2,1e-9,29.3,1", /line 4: close: 1e-9 is outside the sane price range/],
    ["an overflowing adjusted close", "2021-01-15,29,30.5,28.2,29.3,1e400,1", /line 4: adj_close: 1e400 is outside the sane price range/],
    ["Infinity", "2021-01-15,29,30.5,28.2,Infinity,29.3,1", /line 4: close: expected a number, found "Infinity"/],
    ["NaN", "2021-01-15,29,30.5,28.2,29.3,NaN,1", /line 4: adj_close: expected a number/],
    ["a 1e300 volume", "2021-01-15,29,30.5,28.2,29.3,29.3,1e300", /line 4: volume: 1e300 must be between 0 and/],
  ])("rejects %s, naming the file and line", (_, row, pattern) => {
    const error = thrownInputError(() => readPriceColumns(csv(ROWS[0]!, ROWS[1]!, row), FILE));
    expect(error.message).toContain(FILE);
    expect(error.message).toMatch(pattern);
  });

  it("fails at once on a 1 MB digit cell followed by a letter, echoing at most a line's start", () => {
    const text = csv(ROWS[0]!, `2021-01-14,${"9".repeat(1_000_000)}x,33.65,32.3,32.65,32.65,1`);
    const error = thrownInputError(() => readPriceColumns(text, FILE));
    expect(error.message).toMatch(new RegExp(`${FILE} line 3: the line is longer than ${MAX_LINE_LENGTH} characters`));
    expect(error.message.length).toBeLessThan(300);
  });

  it("rejects a cell longer than the limit within a short line, naming the field", () => {
    const error = thrownInputError(() => readPriceColumns(csv(`2021-01-14,${"1".repeat(MAX_CELL_LENGTH + 1)},33.65,32.3,32.65,32.65,1`), FILE));
    expect(error.message).toMatch(/line 2: field 2 is longer than 100 characters: 1{80}\.\.\. \(101 characters\)/);
  });

  it("reads a file of 300 hostile cells (each 999 characters) in time linear in its size", () => {
    const hostile = Array.from({ length: 300 }, (_, k) => `2021-01-14,${"9".repeat(900)}x,1,1,1,1,${k}`);
    const lenient: number[] = [];
    const error = thrownInputError(() => readPriceColumns(csv(...hostile), FILE, { onInvalidRow: (line) => lenient.push(line) }));
    expect(error.message).toMatch(/line 2: field 2 is longer than 100 characters/);
  });
});

describe("readPriceColumns: suspect rows are kept with a warning (DESIGN section 2)", () => {
  const openBelowLow = "2021-01-14,32.2,33.65,32.3,32.65,32.65,122585978";

  it("keeps a row whose low is above its open as a trading day, with a warning naming the line", () => {
    const { columns, warnings } = readPriceColumns(csv(ROWS[0]!, openBelowLow, ROWS[2]!), FILE);
    expect(columns.dates).toHaveLength(3);
    expect(warnings).toEqual([{ line: 3, date: "2021-01-14", kind: "ohlc", message: expect.stringMatching(/^low 32.3 is above min\(open, close\) 32.2/) }]);
  });

  it("makes it an error naming the file and line with strict", () => {
    const error = thrownInputError(() => readPriceColumns(csv(ROWS[0]!, openBelowLow), FILE, { strict: true }));
    expect(error.message).toMatch(/^prices\/TEST.HK.csv line 3: low 32.3 is above min\(open, close\) 32.2.*strict/);
  });

  it("flags a day move beyond x1000 or -99.9% (an unadjusted split, a unit change)", () => {
    const { warnings } = readPriceColumns(csv(ROWS[0]!, "2021-01-14,0.02,0.02,0.02,0.02,0.02,1", "2021-01-15,29,30.5,28.2,29.3,29.3,1"), FILE);
    expect(warnings.map((w) => [w.line, w.kind])).toEqual([
      [3, "move"],
      [4, "move"],
    ]);
    const { warnings: none } = readPriceColumns(csv(ROWS[0]!, "2021-01-14,0.04,0.04,0.04,0.04,0.04,1"), FILE);
    expect(none).toEqual([]);
  });
});

/** A data folder holding the bundled prices with `edit` applied to one file's rows. */
function editedDataDir(file: string, edit: (line: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "ei-reader-"));
  const text = readFileSync(join(bundledDataDir, "prices", file), "utf8");
  writeFileSync(join(dir, file), text.split("\n").map(edit).join("\n"));
  return dir;
}

describe("a row whose low/high do not bracket open and close, through a study and a claim check", () => {
  // 2020-12-01 lies in the estimation window of the Xiaomi event; 2021-01-15 is the claim's day.
  const dir = editedDataDir("1810.HK.csv", (line) => {
    const cells = line.split(",");
    if (cells[0] === "2020-12-01" || cells[0] === "2021-01-15") cells[1] = String(Number(cells[3]) - 0.01);
    return cells.join(",");
  });
  const spec = JSON.parse(readFileSync(join(bundledDataDir, "studies", "xiaomi-ccmc.json"), "utf8"));

  it("keeps the event and its returns, and lists the rows as warnings in the result", () => {
    const plain = runStudy(spec);
    const warned = runStudy(spec, { dataDir: dir });
    expect(warned.dropped).toEqual([]);
    expect(warned.events[0]!.windows).toEqual(plain.events[0]!.windows);
    const prices = warned.prices.find((p) => p.symbol === "1810.HK")!;
    expect(prices.warnings.map((w) => w.date)).toEqual(["2020-12-01", "2021-01-15"]);
  });

  it("drops the event with strict, naming the file and line", () => {
    expect(() => runStudy(spec, { dataDir: dir, strict: true })).toThrow(/1810.HK.csv line \d+: low .*strict/);
  });

  it("lists the rows under Price warnings in the CLI's text, and exits 2 naming the file and line with --strict", () => {
    const specFile = join(bundledDataDir, "studies", "xiaomi-ccmc.json");
    const plain = runCli(["study", specFile, "--data", dir, "--source", "bundled"]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/Price warnings \(rows kept as trading days; --strict makes them errors\):\n  .*1810\.HK\.csv line \d+ \(2020-12-01\): low/);
    const strict = runCli(["study", specFile, "--data", dir, "--source", "bundled", "--strict"]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/1810\.HK\.csv line \d+: low .*strict/);
  });

  it("makes the claim check's open gap and intraday extremes null for that day, with a note", () => {
    const check = checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "plummeted 14%", dataDir: dir });
    expect(check.measures.openGap).toBeNull();
    expect(check.measures.intradayLow).toBeNull();
    expect(check.measures.closeToClose).toBeCloseTo(29.3 / 32.65 - 1, 12);
    expect(check.notes.join("\n")).toMatch(/no intraday data on 2021-01-15 \(low .* is above min\(open, close\)/);
    expect(check.sources[0]!.warnings).toHaveLength(2);
  });
});

describe("filler bars are judged against the market's calendar", () => {
  const bar = (date: string, close: number, volume: number) => ({ date, open: close, high: close, low: close, close, adjClose: close, volume });
  const rows = [bar("2020-12-23", 9.0406, 13782814), bar("2020-12-24", 9.0406, 0), bar("2020-12-25", 9.0406, 0), bar("2020-12-28", 9.0883, 13794474)];

  it("keeps a zero-volume unchanged bar on a day the market traded (a session without trades) and drops one on a market holiday", () => {
    const { kept, dropped } = dropFillerBars(columnsOf(rows), new Set(["2020-12-23", "2020-12-24", "2020-12-28"]));
    expect(kept.dates).toEqual(["2020-12-23", "2020-12-24", "2020-12-28"]);
    expect([...kept.volume]).toEqual([13782814, 0, 13794474]);
    expect(dropped).toEqual(["2020-12-25"]);
  });

  it("drops both without a market", () => {
    expect(dropFillerBars(columnsOf(rows)).dropped).toEqual(["2020-12-24", "2020-12-25"]);
  });

  it("moves the kept rows down in the reader's columns (lines included) and returns columns without fillers as they are", () => {
    const { kept } = dropFillerBars(columnsOf([...rows, bar("2020-12-29", 9.1, 0), bar("2020-12-30", 9.2, 100)]));
    expect(kept.dates).toEqual(["2020-12-23", "2020-12-28", "2020-12-29", "2020-12-30"]);
    expect([...kept.close]).toEqual([9.0406, 9.0883, 9.1, 9.2]);
    expect([...kept.lines]).toEqual([1, 4, 5, 6]);
    const none = columnsOf([rows[0]!, rows[3]!]);
    expect(dropFillerBars(none).kept).toBe(none);
  });

  it("selectRows (the alignment's) copies and leaves its input as it was", () => {
    const columns = columnsOf(rows);
    const selected = selectRows(columns, Int32Array.of(0, 3));
    expect(selected.dates).toEqual(["2020-12-23", "2020-12-28"]);
    expect([...selected.close]).toEqual([9.0406, 9.0883]);
    expect(columns.dates).toEqual(["2020-12-23", "2020-12-24", "2020-12-25", "2020-12-28"]);
    expect([...columns.volume]).toEqual([13782814, 0, 0, 13794474]);
  });

  it.skipIf(!hasHkUniverse)("keeps 0003.HK's zero-volume, unchanged bar of 2020-12-24 (^HSI traded) as a session with return 0 in a claim check", () => {
    const check = checkClaim({ symbol: "0003.HK", date: "2020-12-24", market: "^HSI", priceDirs: [hkUniverseDir, bundledDataDir] });
    expect(check.measures.closeToClose).toBe(0);
    expect(check.measures.openGap).toBeNull();
    expect(check.sources[0]!.fillerBarsDropped).not.toContain("2020-12-24");
    expect(readPriceSeries(hkUniverseDir, "0003.HK").droppedFillerDates).toContain("2020-12-24");
  });
});

describe("price files that cannot be read are input errors naming the file", () => {
  it("a folder named like a price file (EISDIR)", () => {
    const dir = mkdtempSync(join(tmpdir(), "ei-reader-"));
    mkdirSync(join(dir, "1810.HK.csv"));
    expect(thrownInputError(() => readPriceSeries(dir, "1810.HK")).message).toBe(`${join(dir, "1810.HK.csv")} is a folder, not a file`);
  });

  it("a missing file (ENOENT) lists the symbols there are", () => {
    expect(thrownInputError(() => readPriceSeries(bundledDataDir, "0005.HK")).message).toMatch(/no price file for 0005.HK: .*0005.HK.csv does not exist; available: /);
  });
});
