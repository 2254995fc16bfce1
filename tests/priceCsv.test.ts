import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import { dropFillerBars, intradayProblem } from "../src/sources/fillerBars.js";
import type { PriceBar } from "../src/sources/priceBar.js";
import { barsOf, columnsOf, parsePriceCsv, readPriceColumns } from "../src/sources/priceCsv.js";
import { priceFileName, symbolOfFileName } from "../src/sources/symbolFile.js";
import { thrownInputError } from "./helpers/inputError.js";

const FILE = "prices/TEST.HK.csv";

const VALID_LINES = [
  "date,open,high,low,close,adj_close,volume",
  "2021-01-13,33.55,34,32.4,33,33,120265263",
  "2021-01-14,33.3,33.65,32.3,32.65,32.65,122585978",
  "2021-01-15,29,30.5,28.2,29.3,29.3,1149252510",
];
const VALID_CSV = VALID_LINES.join("\n") + "\n";

const inputErrorMessage = (fn: () => unknown): string => thrownInputError(fn).message;

function bar(date: string, open: number, high: number, low: number, close: number, volume: number, adjClose = close): PriceBar {
  return { date, open, high, low, close, adjClose, volume };
}

describe("parsePriceCsv: accepted header formats", () => {
  it("reads the event-impact format date,open,high,low,close,adj_close,volume into typed bars", () => {
    const bars = parsePriceCsv(VALID_CSV, FILE);
    expect(bars).toEqual([
      { date: "2021-01-13", open: 33.55, high: 34, low: 32.4, close: 33, adjClose: 33, volume: 120265263 },
      { date: "2021-01-14", open: 33.3, high: 33.65, low: 32.3, close: 32.65, adjClose: 32.65, volume: 122585978 },
      { date: "2021-01-15", open: 29, high: 30.5, low: 28.2, close: 29.3, adjClose: 29.3, volume: 1149252510 },
    ]);
  });

  it("reads Yahoo's download format with 'Adj Close' and keeps adjClose distinct from close", () => {
    const text = [
      "Date,Open,High,Low,Close,Adj Close,Volume",
      "2019-06-14,9.6,9.66,9.47,9.55,9.40,44403147",
      "2019-06-17,9.6,9.7,9.48,9.58,9.43,49717577",
    ].join("\n");
    const bars = parsePriceCsv(text, FILE);
    expect(bars.map((b) => b.date)).toEqual(["2019-06-14", "2019-06-17"]);
    expect(bars[0]).toEqual({ date: "2019-06-14", open: 9.6, high: 9.66, low: 9.47, close: 9.55, adjClose: 9.4, volume: 44403147 });
    expect(bars[1]!.adjClose).toBe(9.43);
    expect(bars[1]!.close).toBe(9.58);
  });

  it("reads yfinance history() output: strips the time/zone from the date and sets adjClose = close", () => {
    const text = [
      "Date,Open,High,Low,Close,Volume,Dividends,Stock Splits",
      "2020-01-02 00:00:00+08:00,17.5,17.7,17.3,17.6,68520102,0.0,0.0",
      "2020-01-03 00:00:00+08:00,17.8,18.2,17.6,18.0,101234567,0.0,0.0",
    ].join("\n");
    const bars = parsePriceCsv(text, FILE);
    expect(bars).toEqual([
      { date: "2020-01-02", open: 17.5, high: 17.7, low: 17.3, close: 17.6, adjClose: 17.6, volume: 68520102 },
      { date: "2020-01-03", open: 17.8, high: 18.2, low: 17.6, close: 18, adjClose: 18, volume: 101234567 },
    ]);
  });

  it("accepts a UTF-8 byte-order mark, CRLF line endings and a trailing blank line", () => {
    const text = "\uFEFF" + VALID_LINES.join("\r\n") + "\r\n\r\n";
    expect(parsePriceCsv(text, FILE)).toHaveLength(3);
  });

  it("accepts a zero-volume flat bar (a half-day session) as a valid row", () => {
    const text = ["date,open,high,low,close,adj_close,volume", "2020-12-23,32,33,31.5,32.5,32.5,1000", "2020-12-24,32.45,32.45,32.45,32.45,32.45,0"].join("\n");
    const bars = parsePriceCsv(text, FILE);
    expect(bars[1]).toEqual({ date: "2020-12-24", open: 32.45, high: 32.45, low: 32.45, close: 32.45, adjClose: 32.45, volume: 0 });
  });
});

describe("parsePriceCsv: bad input is an InputError naming the file and the line", () => {
  it("a non-number in a price column (line 3)", () => {
    const lines = [...VALID_LINES];
    lines[2] = "2021-01-14,33.3,abc,32.3,32.65,32.65,122585978";
    const message = inputErrorMessage(() => parsePriceCsv(lines.join("\n"), FILE));
    expect(message).toContain(FILE);
    expect(message).toContain("line 3");
    expect(message).toContain("high");
  });

  it("an empty price cell (line 4)", () => {
    const lines = [...VALID_LINES];
    lines[3] = "2021-01-15,29,30.5,28.2,,29.3,1149252510";
    const message = inputErrorMessage(() => parsePriceCsv(lines.join("\n"), FILE));
    expect(message).toContain(FILE);
    expect(message).toContain("line 4");
  });

  it("a row with fewer cells than the header (line 3)", () => {
    const lines = [...VALID_LINES];
    lines[2] = "2021-01-14,33.3,33.65,32.3,32.65";
    const message = inputErrorMessage(() => parsePriceCsv(lines.join("\n"), FILE));
    expect(message).toContain(FILE);
    expect(message).toContain("line 3");
  });

  it("a header missing the volume column (line 1), listing the missing column", () => {
    const text = ["date,open,high,low,close,adj_close", "2021-01-13,33.55,34,32.4,33,33"].join("\n");
    const message = inputErrorMessage(() => parsePriceCsv(text, FILE));
    expect(message).toContain(FILE);
    expect(message).toContain("line 1");
    expect(message).toContain("volume");
  });

  it("dates out of order (line 4 goes back in time)", () => {
    const text = [VALID_LINES[0], VALID_LINES[1], VALID_LINES[3], VALID_LINES[2]].join("\n");
    const message = inputErrorMessage(() => parsePriceCsv(text, FILE));
    expect(message).toContain(FILE);
    expect(message).toContain("line 4");
    expect(message).toMatch(/ascending/);
  });

  it("a duplicate date (line 3 repeats line 2)", () => {
    const text = [VALID_LINES[0], VALID_LINES[1], VALID_LINES[1], VALID_LINES[2]].join("\n");
    const message = inputErrorMessage(() => parsePriceCsv(text, FILE));
    expect(message).toContain(FILE);
    expect(message).toContain("line 3");
    expect(message).toMatch(/duplicate/);
  });

  it("a zero price (line 2)", () => {
    const lines = [...VALID_LINES];
    lines[1] = "2021-01-13,0,34,0,33,33,120265263";
    const message = inputErrorMessage(() => parsePriceCsv(lines.join("\n"), FILE));
    expect(message).toContain(FILE);
    expect(message).toContain("line 2");
  });

  it("a negative adjusted close (line 3)", () => {
    const lines = [...VALID_LINES];
    lines[2] = "2021-01-14,33.3,33.65,32.3,32.65,-32.65,122585978";
    const message = inputErrorMessage(() => parsePriceCsv(lines.join("\n"), FILE));
    expect(message).toContain(FILE);
    expect(message).toContain("line 3");
  });

  it("a date that is not a calendar date (2021-02-30, line 2)", () => {
    const text = ["date,open,high,low,close,adj_close,volume", "2021-02-30,33.55,34,32.4,33,33,1"].join("\n");
    const message = inputErrorMessage(() => parsePriceCsv(text, FILE));
    expect(message).toContain(FILE);
    expect(message).toContain("line 2");
  });

  it("a negative volume (line 2)", () => {
    const text = ["date,open,high,low,close,adj_close,volume", "2021-01-13,33.55,34,32.4,33,33,-5"].join("\n");
    const message = inputErrorMessage(() => parsePriceCsv(text, FILE));
    expect(message).toContain(FILE);
    expect(message).toContain("line 2");
  });

  it("an empty file names the file and says it is empty", () => {
    // There is no line to point at in an empty file; the file name and the word "empty" are what we can check.
    const message = inputErrorMessage(() => parsePriceCsv("", FILE));
    expect(message).toContain(FILE);
    expect(message).toMatch(/empty/);
  });

  it("a header with no rows names the file", () => {
    const message = inputErrorMessage(() => parsePriceCsv(VALID_LINES[0]! + "\n", FILE));
    expect(message).toContain(FILE);
    expect(message).toMatch(/no price rows/);
  });

  it("an unclosed quote is reported as an InputError naming the file and the line", () => {
    const text = [VALID_LINES[0], VALID_LINES[1], '2021-01-14,"33.3,33.65,32.3,32.65,32.65,122585978'].join("\n");
    const message = inputErrorMessage(() => parsePriceCsv(text, FILE));
    expect(message).toContain(FILE);
    expect(message).toMatch(/line 3/);
  });

  it("reports the file's own line number when an earlier line is blank", () => {
    const text = [VALID_LINES[0], VALID_LINES[1], "", "2021-01-14,33.3,abc,32.3,32.65,32.65,122585978"].join("\n");
    const message = inputErrorMessage(() => parsePriceCsv(text, FILE));
    expect(message).toContain(`${FILE} line 4`);
  });

  it("rejects a date cell with trailing text and a number cell that is not a decimal", () => {
    const badDate = [VALID_LINES[0], VALID_LINES[1], "2021-01-134,33.3,33.65,32.3,32.65,32.65,122585978"].join("\n");
    expect(inputErrorMessage(() => parsePriceCsv(badDate, FILE))).toMatch(/line 3: date: expected a date YYYY-MM-DD/);
    const hex = [VALID_LINES[0], VALID_LINES[1], "2021-01-14,0x10,33.65,32.3,32.65,32.65,122585978"].join("\n");
    expect(inputErrorMessage(() => parsePriceCsv(hex, FILE))).toMatch(/line 3: open: expected a number/);
  });
});

describe("dropFillerBars and intradayProblem", () => {
  const thursday = bar("2020-12-23", 32, 33, 31.5, 32.5, 1_000_000);

  it("drops a filler bar (volume 0, close equal to the previous close) and reports it", () => {
    const filler = bar("2020-12-25", 32.5, 32.5, 32.5, 32.5, 0);
    const next = bar("2020-12-28", 32.6, 33, 32.1, 32.8, 2_000_000);
    const { kept, dropped } = dropFillerBars(columnsOf([thursday, filler, next]));
    expect(barsOf(kept)).toEqual([thursday, next]);
    expect([...kept.lines]).toEqual([1, 3]);
    expect(dropped).toEqual([filler.date]);
  });

  it("keeps a half-day bar (volume 0, O=H=L=C) whose close moved, and flags it as lacking intraday data", () => {
    const halfDay = bar("2020-12-24", 32.45, 32.45, 32.45, 32.45, 0);
    const { kept, dropped } = dropFillerBars(columnsOf([thursday, halfDay]));
    expect(barsOf(kept)).toEqual([thursday, halfDay]);
    expect(dropped).toEqual([]);
    expect(intradayProblem(halfDay)).not.toBeNull();
    expect(intradayProblem(thursday)).toBeNull();
  });

  it("drops consecutive filler bars, each compared with the last real close", () => {
    const filler1 = bar("2020-12-25", 32.5, 32.5, 32.5, 32.5, 0);
    const filler2 = bar("2020-12-26", 32.5, 32.5, 32.5, 32.5, 0);
    const { kept, dropped } = dropFillerBars(columnsOf([thursday, filler1, filler2]));
    expect(barsOf(kept)).toEqual([thursday]);
    expect(dropped).toEqual(["2020-12-25", "2020-12-26"]);
  });

  it("keeps a zero-volume first bar (there is no previous close to repeat)", () => {
    const first = bar("2020-12-24", 32.45, 32.45, 32.45, 32.45, 0);
    expect(barsOf(dropFillerBars(columnsOf([first])).kept)).toEqual([first]);
  });

  it("keeps a traded bar whose close equals the previous close", () => {
    const same = bar("2020-12-24", 32.4, 32.6, 32.3, 32.5, 500);
    expect(dropFillerBars(columnsOf([thursday, same])).dropped).toEqual([]);
  });

  it("a zero-volume bar with a range is not 'lacking intraday data'", () => {
    expect(intradayProblem(bar("2020-12-24", 32, 33, 31, 32.5, 0))).toBeNull();
  });
});

describe("priceFileName / symbolOfFileName", () => {
  it("writes ^HSI as INDEX_HSI.csv and reads it back", () => {
    expect(priceFileName("^HSI")).toBe("INDEX_HSI.csv");
    expect(symbolOfFileName("INDEX_HSI.csv")).toBe("^HSI");
  });

  it.each(["1810.HK", "0981.HK", "LKCO", "688012.SS", "BRK-B", "EURUSD=X"])("round-trips %s", (symbol) => {
    expect(priceFileName(symbol)).toBe(`${symbol}.csv`);
    expect(symbolOfFileName(priceFileName(symbol))).toBe(symbol);
  });

  it.each(["../../etc/passwd", "..", "a/b", "a\\b", "", "^", "1810..HK", "a b", "/etc/passwd", ".hidden"])(
    "rejects %j as an InputError",
    (symbol) => {
      expect(() => priceFileName(symbol)).toThrow(InputError);
    },
  );

  it("round-trips every symbol it accepts (property)", () => {
    const symbolChar = fc.constantFrom(..."ABCXYZabc0189.=_-".split(""));
    fc.assert(
      fc.property(fc.boolean(), fc.constantFrom("A", "1", "z"), fc.string({ unit: symbolChar, maxLength: 20 }), (caret, head, tail) => {
        const symbol = `${caret ? "^" : ""}${head}${tail}`;
        let file: string;
        try {
          file = priceFileName(symbol);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          return;
        }
        expect(file).not.toContain("/");
        expect(symbolOfFileName(file)).toBe(symbol);
      }),
      { numRuns: 300 },
    );
  });
});

describe("parsePriceCsv never fails with anything but an InputError (property)", () => {
  function returnsBarsOrInputError(text: string): void {
    let bars: PriceBar[];
    let warned: Set<string>;
    try {
      const { columns, warnings } = readPriceColumns(text, FILE);
      bars = barsOf(columns);
      warned = new Set(warnings.filter((w) => w.kind === "ohlc").map((w) => w.date));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      expect(error.message).toContain(FILE);
      return;
    }
    expect(Array.isArray(bars)).toBe(true);
    expect(bars.length).toBeGreaterThan(0);
    for (let i = 0; i < bars.length; i++) {
      const b = bars[i]!;
      for (const v of [b.open, b.high, b.low, b.close, b.adjClose]) expect(v > 0 && Number.isFinite(v)).toBe(true);
      const brackets = b.low <= Math.min(b.open, b.close) && b.high >= Math.max(b.open, b.close);
      expect(brackets).toBe(!warned.has(b.date));
      if (i > 0) expect(b.date > bars[i - 1]!.date).toBe(true);
    }
  }

  it("on random strings", () => {
    const csvish = fc.constantFrom(..."0123456789-.,\n\r\" eE+dateopnhigclsvumAdjDOHLCV:".split(""));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: csvish, maxLength: 300 })), (text) => {
        returnsBarsOrInputError(text);
      }),
      { numRuns: 300 },
    );
  });

  it("on a random header followed by random rows", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (rows) => {
        returnsBarsOrInputError(`${VALID_LINES[0]}\n${rows}`);
      }),
      { numRuns: 300 },
    );
  });

  type Mutation =
    | { kind: "delete"; at: number }
    | { kind: "duplicate"; at: number }
    | { kind: "swap"; at: number; with: number }
    | { kind: "replaceChar"; at: number; char: string }
    | { kind: "truncate"; at: number };

  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), with: fc.nat() }),
    fc.record({ kind: fc.constant("replaceChar" as const), at: fc.nat(), char: fc.oneof(fc.constantFrom(..."0123456789-.,\n\" x".split("")), fc.string({ minLength: 1, maxLength: 1 })) }),
    fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  );

  function mutate(text: string, m: Mutation): string {
    const lines = text.split("\n");
    switch (m.kind) {
      case "delete":
        lines.splice(m.at % lines.length, 1);
        return lines.join("\n");
      case "duplicate": {
        const i = m.at % lines.length;
        lines.splice(i, 0, lines[i]!);
        return lines.join("\n");
      }
      case "swap": {
        const i = m.at % lines.length;
        const j = m.with % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        return lines.join("\n");
      }
      case "replaceChar": {
        if (text.length === 0) return m.char;
        const i = m.at % text.length;
        return text.slice(0, i) + m.char + text.slice(i + 1);
      }
      case "truncate":
        return text.slice(0, m.at % (text.length + 1));
    }
  }

  it("on mutations of a valid CSV (delete/duplicate/swap lines, replace a character, truncate)", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        const text = mutations.reduce(mutate, VALID_CSV);
        returnsBarsOrInputError(text);
      }),
      { numRuns: 300 },
    );
  });
});
