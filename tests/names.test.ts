import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normaliseClaimText, tokenize } from "../src/claims/claimText.js";
import { bundledNames, NameMatcher, readNamesCsv, type NameEntry } from "../src/claims/names.js";
import { thrownInputError } from "./helpers/inputError.js";

/** The names table (README, "A paragraph at once"): the names CSV, the bundled and universe names, and matching them in a text. */

const folder = mkdtempSync(join(tmpdir(), "names-"));
let files = 0;
/** A file in the test's temporary folder with the given content. */
function csv(content: string): string {
  const file = join(folder, `names-${files++}.csv`);
  writeFileSync(file, content);
  return file;
}

/** The mentions of `names` in `text` as [matched words, symbols]. */
function mentioned(names: readonly NameEntry[], text: string): [string, string[]][] {
  const normalised = normaliseClaimText(text);
  const tokens = tokenize(normalised);
  return new NameMatcher(names).mentions(tokens).map((m) => [normalised.slice(tokens[m.at]!.start, tokens[m.end - 1]!.end), m.symbols]);
}

describe("readNamesCsv: a CSV of symbol,name[,shares]", () => {
  it("reads each row, shares with thousands separators, and no shares when the cell or the column is missing", () => {
    const file = csv('symbol,name,shares\nACME,Acme Widgets,"1,234,567"\nBOLT,Bolt Motors,\n');
    expect(readNamesCsv(file)).toEqual([
      { symbol: "ACME", name: "Acme Widgets", shares: 1234567 },
      { symbol: "BOLT", name: "Bolt Motors", shares: undefined },
    ]);
    expect(readNamesCsv(csv("symbol,name\nCATO,Cato Foods\n"))).toEqual([{ symbol: "CATO", name: "Cato Foods", shares: undefined }]);
  });

  it("names the file and the line of a row without a symbol or a name", () => {
    for (const row of [",Acme Widgets", "ACME,"]) {
      const file = csv(`symbol,name\nBOLT,Bolt Motors\n${row}\n`);
      const error = thrownInputError(() => readNamesCsv(file));
      expect(error).toMatchObject({ code: "invalid-file", file, line: 3 });
      expect(error.message).toBe(`${file} line 3: give a symbol and a name (columns symbol,name[,shares])`);
    }
  });

  it("refuses shares that are not a positive number, naming the line", () => {
    for (const shares of ["0", "-5", "many"]) {
      const file = csv(`symbol,name,shares\nACME,Acme,${shares}\n`);
      expect(thrownInputError(() => readNamesCsv(file))).toMatchObject({ code: "invalid-file", file, line: 2, message: `${file} line 2: shares: "${shares}" is not a positive number` });
    }
  });

  it("names the file of a CSV that cannot be parsed", () => {
    const file = csv('symbol,name\nACME,"Acme\n');
    const error = thrownInputError(() => readNamesCsv(file));
    expect(error).toMatchObject({ code: "invalid-file", file });
    expect(error.message).toMatch(new RegExp(`^${file}: not a readable CSV of symbol,name\\[,shares\\]: `));
  });
});

describe("bundledNames: the names table", () => {
  it("puts the rows of the user's names file first", () => {
    const file = csv("symbol,name,shares\nACME,Acme Widgets,500\n");
    const names = bundledNames({ namesFile: file });
    expect(names[0]).toEqual({ symbol: "ACME", name: "Acme Widgets", shares: 500 });
    expect(names.length).toBe(bundledNames().length + 1);
  });

  it("resolves the indices and the catalog's companies: parent, listed subsidiary and acronym", () => {
    const names = bundledNames();
    const text = "Hang Seng Index, HSI, S&P 500, Nasdaq Composite, Nasdaq, CSI 300, AVIC, AviChina Industry & Technology, China Shipbuilding Industry Co, Hikvision";
    expect(mentioned(names, text)).toEqual([
      ["Hang Seng Index", ["^HSI"]],
      ["HSI", ["^HSI"]],
      ["S&P 500", ["^GSPC"]],
      ["Nasdaq Composite", ["^IXIC"]],
      ["Nasdaq", ["^IXIC"]],
      ["CSI 300", ["000300.SS"]],
      ["AVIC", ["2357.HK"]],
      ["AviChina Industry & Technology", ["2357.HK"]],
      ["China Shipbuilding Industry Co", ["601989.SS"]],
    ]);
  });

  it("adds a universe's constituents without their share-class suffix, and nothing when the universe has no constituents file", () => {
    const universe = join(folder, "universe");
    mkdirSync(join(universe, "prices"), { recursive: true });
    writeFileSync(join(universe, "prices", "constituents.csv"), "symbol,name\n9999.HK,NetEase-S\n9618.HK,JD.com-SW\n0005.HK,HSBC Holdings\n");
    const names = bundledNames({ universeDir: universe });
    expect(names.slice(-3)).toEqual([
      { symbol: "9999.HK", name: "NetEase", shares: undefined },
      { symbol: "9618.HK", name: "JD.com", shares: undefined },
      { symbol: "0005.HK", name: "HSBC Holdings", shares: undefined },
    ]);
    const empty = join(folder, "empty-universe");
    mkdirSync(empty);
    expect(bundledNames({ universeDir: empty })).toEqual(bundledNames());
  });
});

describe("NameMatcher: names found in a text", () => {
  it("finds each name longest first, also in the possessive and at the end of the text", () => {
    const names = [
      { symbol: "BOLT", name: "Bolt" },
      { symbol: "BOLTM", name: "Bolt Motors" },
      { symbol: "ACME", name: "Acme" },
    ];
    expect(mentioned(names, "Bolt Motors' rival Bolt fell; Acme's and Acme’s shares rose at Acme")).toEqual([
      ["Bolt Motors", ["BOLTM"]],
      ["Bolt", ["BOLT"]],
      ["Acme's", ["ACME"]],
      ["Acme’s", ["ACME"]],
      ["Acme", ["ACME"]],
    ]);
    expect(mentioned(names, "Shares of Cato fell")).toEqual([]);
  });

  it("also knows a name without its trailing corporate words, but never drops the first word", () => {
    const names = [
      { symbol: "ACME", name: "Acme Holdings Ltd" },
      { symbol: "STAR", name: "Star Group" },
    ];
    expect(mentioned(names, "Acme Holdings Ltd, Acme and Star rose")).toEqual([
      ["Acme Holdings Ltd", ["ACME"]],
      ["Acme", ["ACME"]],
      ["Star", ["STAR"]],
    ]);
  });

  it("gives every symbol of an ambiguous name once, in the table's order", () => {
    const names = [
      { symbol: "ACME.HK", name: "Acme" },
      { symbol: "ACME.SS", name: "Acme Corp" },
      { symbol: "ACME.HK", name: "ACME" },
    ];
    expect(mentioned(names, "Acme fell")).toEqual([["Acme", ["ACME.HK", "ACME.SS"]]]);
  });

  it("keeps the first shares the table gives for a symbol", () => {
    const matcher = new NameMatcher([
      { symbol: "ACME", name: "Acme" },
      { symbol: "ACME", name: "Acme Widgets", shares: 100 },
      { symbol: "ACME", name: "Acme Corp", shares: 200 },
      { symbol: "BOLT", name: "Bolt" },
    ]);
    expect(matcher.sharesOf("ACME")).toBe(100);
    expect(matcher.sharesOf("BOLT")).toBeUndefined();
  });
});
