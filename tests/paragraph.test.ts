import { describe, expect, it } from "vitest";
import { textCheckSchema, type VerdictLabel } from "../src/claims/checkSchema.js";
import { checkParagraph } from "../src/claims/paragraph.js";
import { InputError } from "../src/errors.js";
import { runCli } from "./helpers/cli.js";
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
