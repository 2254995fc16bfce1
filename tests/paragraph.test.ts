import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { textCheckSchema, type VerdictLabel } from "../src/claims/checkSchema.js";
import { MAX_TEXT_LENGTH } from "../src/claims/claimText.js";
import { NameMatcher } from "../src/claims/names.js";
import { checkParagraph } from "../src/claims/paragraph.js";
import { InputError } from "../src/errors.js";
import { runCli } from "./helpers/cli.js";
import { thrownInputError } from "./helpers/inputError.js";
import { dayFacts, longDate, oneDecimal, priceRows } from "./helpers/priceTruth.js";

/**
 * Paragraphs in the style of wire copy, written here from the bundled CSVs' numbers: every claim's
 * truth (its symbol and label) is derived from the same numbers, never typed in.
 */
interface Expected {
  symbol: string | null;
  label: VerdictLabel;
}

const xiaomi = priceRows("1810.HK");
const smic = priceRows("0981.HK");
const hsi = priceRows("INDEX_HSI");
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function factsOn(rows: typeof xiaomi, date: string) {
  return dayFacts(rows, rows.findIndex((row) => row.date === date));
}

const verb = (ret: number, k: number) => (ret < 0 ? ["fell", "slid", "dropped", "lost", "eased"][k % 5]! : ["rose", "gained", "climbed", "advanced", "added"][k % 5]!);
const unit = (k: number) => ["%", " per cent", "pc", " percent", " pct"][k % 5]!;

/** Ten trading days common to the three files, spread over 2020-21, the Xiaomi listing day among them. */
const dates = [...smic.filter((_, k) => k >= 30 && k % 45 === 30).map((row) => row.date).slice(0, 9), "2021-01-15"];

function paragraph(date: string, k: number): { text: string; date?: string; expected: Expected[] } {
  const x = factsOn(xiaomi, date);
  const s = factsOn(smic, date);
  const h = factsOn(hsi, date);
  const wrongSmic = k % 2 === 1;
  const smicSize = wrongSmic ? (Math.abs(s.ret * 100) + 3).toFixed(1) : oneDecimal(s.ret);
  const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
  const when = k % 3 === 0 ? `on ${weekday}` : k % 3 === 1 ? `on ${longDate(date)}` : `on ${longDate(date).replace(/^(\d+) (\w+) (\d+)$/, "$2 $1, $3")}`;
  const text = [
    `HONG KONG (Wire) - Shares of Xiaomi Corp ${verb(x.ret, k)} ${oneDecimal(x.ret)}${unit(k)} ${when}, while SMIC ${verb(s.ret, k + 1)} ${smicSize}${unit(k + 1)}.`,
    `The Hang Seng Index ${h.ret < 0 ? "closed down" : "closed up"} ${oneDecimal(h.ret)}${unit(k + 2)}.`,
    `Xiaomi's stock closed at HK$${x.close.toFixed(2)}; SMIC ended at HK$${s.close.toFixed(2)}, analysts at a U.S. bank said.`,
  ].join(" ");
  const expected: Expected[] = [
    { symbol: "1810.HK", label: "accurate" },
    { symbol: "0981.HK", label: wrongSmic ? "inaccurate" : "accurate" },
    { symbol: "^HSI", label: "accurate" },
    { symbol: "1810.HK", label: "accurate" },
    { symbol: "0981.HK", label: "accurate" },
  ];
  return k % 3 === 0 ? { text, date, expected } : { text, expected };
}

describe("check --text: every claim of a paragraph", () => {
  const cases = dates.map((date, k) => ({ date, ...paragraph(date, k) }));

  it("has at least 10 paragraphs and 40 claims", () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    expect(cases.reduce((n, c) => n + c.expected.length, 0)).toBeGreaterThanOrEqual(40);
  });

  it.each(cases.map((c) => [c.date, c] as const))("finds and labels every claim of the paragraph of %s", (date, c) => {
    const result = checkParagraph({ text: c.text, date: c.date });
    expect(textCheckSchema.safeParse(JSON.parse(JSON.stringify(result))).success).toBe(true);
    expect(result.claims.map((claim) => ({ symbol: claim.symbol, label: claim.label }))).toEqual(c.expected);
    for (const claim of result.claims) {
      expect(claim.date).toBe(date);
      expect(c.text).toContain(claim.sentence);
      expect(claim.sentence).toContain(claim.claim);
    }
  });

  it("says why a claim is unverifiable: no company named, no date", () => {
    const nameless = checkParagraph({ text: "Acme Widgets plunged 14% on 15 January 2021." });
    expect(nameless.claims[0]).toMatchObject({ symbol: null, label: "unverifiable", why: expect.stringMatching(/names no company/) });
    const dateless = checkParagraph({ text: "Xiaomi plunged 14%." });
    expect(dateless.claims[0]).toMatchObject({ symbol: "1810.HK", label: "unverifiable", why: expect.stringMatching(/no date/) });
  });

  it("refuses a text over the size limit before reading it", () => {
    expect(() => checkParagraph({ text: "x".repeat(1_000_001) })).toThrow(InputError);
    expect(thrownInputError(() => checkParagraph({ text: "x".repeat(MAX_TEXT_LENGTH + 1) }))).toMatchObject({ code: "invalid-claim", field: "text" });
    expect(checkParagraph({ text: "x".repeat(MAX_TEXT_LENGTH) }).claims).toEqual([]);
  });

  it("prints one labelled block per claim, and the JSON", () => {
    const text = paragraph("2021-01-15", 1).text;
    const printed = runCli(["check", "--text", text]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^1\. accurate\n {3}claim: "HONG KONG/);
    const json = runCli(["check", "--text", text, "--json"]);
    expect(JSON.parse(json.stdout).claims).toHaveLength(5);
  });
});

/**
 * How a text is cut and resolved, on a names table of companies without price files: each claim comes back
 * "unverifiable" with its sentence, its clause, its company and its day, which are written out by hand below.
 */
describe("check --text: sentences, clauses, companies and days", () => {
  /** Built in each test (not once for the file) so that mutation testing credits the tests with the code they run. */
  const fictional = () => new NameMatcher(["Acme", "Bolt", "Cato"].map((name) => ({ symbol: name.toUpperCase(), name })));
  /** Each claim as [sentence, clause, symbol, day]. */
  const read = (text: string, date?: string) => checkParagraph({ text, date, names: fictional() }).claims.map((c) => [c.sentence, c.claim, c.symbol, c.date]);

  it("ends a sentence at '.', '!' or '?', and the last one at the end of the text", () => {
    expect(read("Acme fell 5% on 3 March 2021. Bolt rose 2% in early trade! Cato slid 1%? Shares of Acme rose 4%")).toEqual([
      ["Acme fell 5% on 3 March 2021.", "Acme fell 5% on 3 March 2021.", "ACME", "2021-03-03"],
      ["Bolt rose 2% in early trade!", "Bolt rose 2% in early trade!", "BOLT", "2021-03-03"],
      ["Cato slid 1%?", "Cato slid 1%?", "CATO", "2021-03-03"],
      ["Shares of Acme rose 4%", "Shares of Acme rose 4%", "ACME", "2021-03-03"],
    ]);
  });

  it("does not end a sentence after an abbreviation or an initial, before a lower-case word, or at a leading ellipsis", () => {
    const text = "…Mr. Lee said Acme Corp. Ltd fell 5% on 3 March 2021. Analysts at a U.S. Bank said Bolt rose 2%. Cato slid 1%! shares of Acme rose 4% against Bolt Inc? Cato rose 3%.";
    const third = "Cato slid 1%! shares of Acme rose 4% against Bolt Inc?";
    expect(read(text)).toEqual([
      ["Mr. Lee said Acme Corp. Ltd fell 5% on 3 March 2021.", "Mr. Lee said Acme Corp. Ltd fell 5% on 3 March 2021.", "ACME", "2021-03-03"],
      ["Analysts at a U.S. Bank said Bolt rose 2%.", "Analysts at a U.S. Bank said Bolt rose 2%.", "BOLT", "2021-03-03"],
      [third, third, "CATO", "2021-03-03"],
      [third, third, "ACME", "2021-03-03"],
      ["Cato rose 3%.", "Cato rose 3%.", "CATO", "2021-03-03"],
    ]);
  });

  it("cuts a sentence into clauses at ';' and before 'while' and ', and' (not before a bare 'and' or after any comma)", () => {
    const first = "And Acme fell 5%; Bolt rose 2%, and Cato slid 1% while shares of Acme and Bolt rose 3%.";
    expect(read(`${first} Shares of Acme, Bolt and Cato fell 4% on 3 March 2021.`)).toEqual([
      [first, "And Acme fell 5%", "ACME", "2021-03-03"],
      [first, "Bolt rose 2%,", "BOLT", "2021-03-03"],
      [first, "and Cato slid 1%", "CATO", "2021-03-03"],
      [first, "while shares of Acme and Bolt rose 3%.", "BOLT", "2021-03-03"],
      ["Shares of Acme, Bolt and Cato fell 4% on 3 March 2021.", "Shares of Acme, Bolt and Cato fell 4% on 3 March 2021.", "CATO", "2021-03-03"],
    ]);
  });

  it("takes the company named last before the claim in its clause, else in its sentence, else after it in its clause, else the previous claim's", () => {
    const claims = checkParagraph({
      text: "Shares fell 5% while Bolt rose 2%. Shares fell 5% at Acme while Bolt rose 2%. Acme rose 3%, while shares fell 1% at Cato. Shares rose 2% at Bolt. Shares rose 1% on the day. Acme 5% lower.",
      names: fictional(),
    }).claims;
    expect(claims.map((c) => [c.claim, c.symbol])).toEqual([
      ["Shares fell 5%", null],
      ["while Bolt rose 2%.", "BOLT"],
      ["Shares fell 5% at Acme", "ACME"],
      ["while Bolt rose 2%.", "BOLT"],
      ["Acme rose 3%,", "ACME"],
      ["while shares fell 1% at Cato.", "ACME"],
      ["Shares rose 2% at Bolt.", "BOLT"],
      ["Shares rose 1% on the day.", "BOLT"],
      ["Acme 5% lower.", "ACME"],
    ]);
    expect(claims[0]).toMatchObject({ label: "unverifiable", why: "the sentence names no company or index the names table knows (add it with --names)", check: null });
    expect(claims[1]).toMatchObject({ label: "unverifiable", why: "no prices on file for BOLT", check: null });
  });

  it("dates a claim by its sentence: a day (its year from the text's date), a weekday on or before that date, not a month or a date after 'since'", () => {
    // 8 March 2021 is a Monday
    const day = (text: string) => read(text, "2021-03-08")[0]![3];
    expect(day("Acme fell 5% on 3 March.")).toBe("2021-03-03");
    expect(day("Acme fell 5% on Friday.")).toBe("2021-03-05");
    expect(day("Acme fell 5% on Sunday.")).toBe("2021-03-07");
    expect(day("Acme fell 5% on Monday.")).toBe("2021-03-08");
    expect(day("Acme fell 5% in March 2021.")).toBe("2021-03-08");
    expect(day("Acme has risen 5% since 3 March 2021.")).toBe("2021-03-08");
  });

  it("takes the text's first full date as its date when none is given, and no date at all when it has none", () => {
    const text = "Acme, listed in 2018, fell 5% on Friday. Bolt rose 2% on 8 March 2021.";
    const result = checkParagraph({ text, names: fictional() });
    expect(result.date).toBe("2021-03-08");
    expect(result.claims.map((c) => c.date)).toEqual(["2021-03-05", "2021-03-08"]);
    const undated = checkParagraph({ text: "Acme fell 5% on Friday.", names: fictional() });
    expect(undated.date).toBeNull();
    expect(undated.claims.map((c) => c.date)).toEqual([null]);
  });

  it("reads the names file it is given, and names every unpriced symbol an ambiguous name may mean", () => {
    const file = join(mkdtempSync(join(tmpdir(), "paragraph-names-")), "names.csv");
    writeFileSync(file, "symbol,name\nACME.HK,Acme Widgets\nACME.SS,Acme Widgets\n");
    const [claim] = checkParagraph({ text: "Acme Widgets fell 5% on 3 March 2021.", namesFile: file }).claims;
    expect(claim).toMatchObject({ symbol: "ACME.HK", label: "unverifiable", why: "no prices on file for ACME.HK or ACME.SS", check: null });
  });
});

describe("check --text: claims on a company with prices", () => {
  it("checks the first symbol of an ambiguous name that has prices, and reports why a check cannot be made", () => {
    const file = join(mkdtempSync(join(tmpdir(), "paragraph-names-")), "names.csv");
    writeFileSync(file, "symbol,name\nXMI,Xiaomi\n");
    // 16 January 2021 was a Saturday
    const [claim] = checkParagraph({ text: "Xiaomi fell 5% on 16 January 2021.", namesFile: file }).claims;
    expect(claim).toMatchObject({ symbol: "1810.HK", date: "2021-01-16", label: "unverifiable", check: null });
    expect(claim!.why).toMatch(/^1810\.HK did not trade on 2021-01-16/);
  });

  it("reads a record 'in a decade' back from the claim's day", () => {
    const [claim] = checkParagraph({ text: "Xiaomi had its biggest one-day fall in a decade on 15 January 2021." }).claims;
    expect(claim!.check?.claim).toMatchObject({ kind: "record", since: { start: "2011-01-15", end: "2011-01-15", text: "in a decade" } });
  });
});
