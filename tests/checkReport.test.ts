import { describe, expect, it } from "vitest";
import { checkClaim } from "../src/claims/checkClaim.js";
import type { ClaimCheck } from "../src/claims/checkSchema.js";
import { checkReportBody, universeTables, verdictHtml } from "../src/reports/checkReport.js";
import { htmlReport } from "../src/reports/htmlReport.js";
import { provenanceSection } from "../src/reports/reportContext.js";
import { HAND_UNIVERSE } from "./helpers/handUniverse.js";

/** The HTML report of a claim check, against markup written by hand (the Xiaomi figures as in tests/checkText.test.ts). */

const CONTEXT = { file: "check.json", sha256: "c".repeat(64), version: "9.9.9" };
const xiaomi = (claim?: string): ClaimCheck => checkClaim({ symbol: "1810.HK", date: "2021-01-15", ...(claim === undefined ? {} : { claim }) });

describe("verdictHtml", () => {
  it("writes the label in words after its mark, the headline and the verdict, escaped", () => {
    expect(verdictHtml({ label: { kind: "inaccurate", text: "Inaccurate <no>" }, headline: "Fell 5% & more", verdict: "It fell." })).toBe(
      '<section class="verdict" id="verdict"><strong>Verdict</strong><p class="label label-inaccurate"><span aria-hidden="true">✗</span> Inaccurate &lt;no&gt;</p><p class="headline">Fell 5% &amp; more</p><p>It fell.</p></section>',
    );
  });

  it("marks each label with its own symbol", () => {
    const mark = (kind: "accurate" | "accurate-for-measure-only" | "unverifiable") => verdictHtml({ label: { kind, text: "t" }, headline: "", verdict: "" }).match(/<span aria-hidden="true">(.)<\/span>/)![1];
    expect([mark("accurate"), mark("accurate-for-measure-only"), mark("unverifiable")]).toEqual(["✓", "◐", "?"]);
  });

  it("has no label paragraph without a claim", () => {
    expect(verdictHtml({ label: null, headline: "h", verdict: "v" })).toBe('<section class="verdict" id="verdict"><strong>Verdict</strong><p class="headline">h</p><p>v</p></section>');
  });
});

describe("universeTables", () => {
  it("gives the ranks and the biggest movers as tables, numbers right-aligned", () => {
    expect(universeTables({ universe: HAND_UNIVERSE } as ClaimCheck)).toBe(
      '<section><h2>Among 83 stocks on 2021-01-15</h2><table><caption>Universe: hk-universe</caption><thead><tr><th></th><th class="num">value</th><th>rank (1 = lowest)</th><th class="num">fell more</th><th class="num">rose more</th></tr></thead>' +
        '<tbody><tr><td>return</td><td class="num">-10.26%</td><td>1 of 83</td><td class="num">0</td><td class="num">82</td></tr><tr><td>abnormal return</td><td class="num">-11.11%</td><td>2 of 80</td><td class="num">1</td><td class="num">78</td></tr></tbody></table>' +
        '<table><thead><tr><th>biggest movers</th><th>name</th><th class="num">return</th><th class="num">abnormal</th></tr></thead>' +
        '<tbody><tr><td>1810.HK</td><td>Xiaomi</td><td class="num">-10.26%</td><td class="num">-11.11%</td></tr><tr><td>0700.HK</td><td></td><td class="num">+5.12%</td><td class="num">n/a</td></tr></tbody></table></section>',
    );
  });

  it("writes n/a and empty cells for a firm without an abnormal return", () => {
    expect(universeTables({ universe: { ...HAND_UNIVERSE, ar: null } } as ClaimCheck)).toContain('<tr><td>abnormal return</td><td class="num">n/a</td><td></td><td class="num"></td><td class="num"></td></tr>');
  });
});

describe("provenanceSection", () => {
  const hashed = { symbol: "1810.HK", file: "1810.HK.csv", source: "bundled", sha256: "ab".repeat(32), first: "2020-01-02", last: "2021-06-30" };
  const facts = '<dl class="facts"><dt>result file</dt><dd>check.json</dd><dt>its SHA-256</dt><dd class="hash">' + "c".repeat(64) + "</dd><dt>report by</dt><dd>event-impact 9.9.9</dd></dl>";

  it("lists the price files with their hashes, the notes, the result file, its hash and the version", () => {
    expect(provenanceSection([hashed], CONTEXT, ["Dropped X & Y"])).toBe(
      [
        "<section><h2>Provenance</h2>",
        '<table><caption>Price files</caption><thead><tr><th>symbol</th><th>file</th><th>source</th><th class="date">first</th><th class="date">last</th><th>SHA-256</th></tr></thead>' +
          `<tbody><tr><td>1810.HK</td><td>1810.HK.csv</td><td>bundled</td><td class="date">2020-01-02</td><td class="date">2021-06-30</td><td class="hash">${"ab".repeat(32)}</td></tr></tbody></table>`,
        '<p class="note">Dropped X &amp; Y</p>',
        facts,
        "</section>",
      ].join("\n"),
    );
  });

  it("has no hash column when no file has a hash, and an empty cell for a file without one when another has it", () => {
    const bare = { symbol: "^HSI", file: "INDEX_HSI.csv", first: "2019-01-02", last: "2021-06-30" };
    expect(provenanceSection([bare], CONTEXT)).toBe(
      [
        "<section><h2>Provenance</h2>",
        '<table><caption>Price files</caption><thead><tr><th>symbol</th><th>file</th><th class="num">source</th><th class="date">first</th><th class="date">last</th></tr></thead>' +
          '<tbody><tr><td>^HSI</td><td>INDEX_HSI.csv</td><td class="num"></td><td class="date">2019-01-02</td><td class="date">2021-06-30</td></tr></tbody></table>',
        facts,
        "</section>",
      ].join("\n"),
    );
    expect(provenanceSection([hashed, bare], CONTEXT)).toContain("<td>^HSI</td><td>INDEX_HSI.csv</td><td></td><td class=\"date\">2019-01-02</td><td class=\"date\">2021-06-30</td><td></td></tr>");
  });
});

describe("checkReportBody", () => {
  it("has the title and question, the verdict, the measures with the match marked, the inference, a chart, the method and the provenance, in order", async () => {
    const html = await checkReportBody(xiaomi("plummeted 14%"), CONTEXT);
    const parts = [
      "<header><h1>1810.HK on 2021-01-15</h1><p class=\"question\">Claim: “plummeted 14%”. Did 1810.HK fall 14% on 2021-01-15?</p></header>",
      '<p class="label label-accurate-for-measure-only"><span aria-hidden="true">◐</span> accurate for the intraday low only</p>',
      "<section><h2>Measures</h2>",
      "<caption>1810.HK on 2021-01-15 against the previous session 2021-01-14; market ^HSI</caption>",
      "<tr><td>close-to-close</td><td class=\"num\">-10.26%</td><td></td><td>adjusted close against the previous adjusted close</td></tr>",
      "<tr><td>intraday low</td><td class=\"num\">-13.63%</td><td>matches the claim</td><td>the day&#39;s low against the previous close</td></tr>",
      "<p>abnormal return: market model on [-250, -11] (240 days, 2020-01-13 to 2020-12-30): t = -3.67, ",
      "(Campbell &amp; Wasley 1996).</p>",
      "</section>",
      '<section><h2>Charts</h2><figure class="chart"><svg',
      "<section><h2>Method</h2><dl class=\"facts\"><dt>day</dt><dd>2021-01-15 against the previous session 2021-01-14:",
      "<section><h2>Provenance</h2>",
      `<dd class="hash">${"c".repeat(64)}</dd>`,
    ];
    let at = 0;
    for (const part of parts) {
      const found = html.indexOf(part, at);
      expect(found, part).toBeGreaterThanOrEqual(at);
      at = found + part.length;
    }
    expect(html).not.toContain("<h2>Among");
    expect(html).not.toContain('class="note"');
  });

  it("without an inference, has the notes and no inference paragraph", async () => {
    const html = await checkReportBody(checkClaim({ symbol: "0981.HK", date: "2020-03-02" }), CONTEXT);
    expect(html).not.toContain("<p>abnormal return:");
    expect(html).toContain(
      "</table>\n\n<p class=\"note\">Note: no abnormal return or z-score: 0981.HK: only 29 estimation observations in [-250, -11] before day 0 2020-03-02 (prices start 2020-01-02); at least 100 needed</p>\n</section>",
    );
  });

  it("with a universe, has its tables after the charts", async () => {
    const html = await checkReportBody({ ...xiaomi(), universe: HAND_UNIVERSE }, CONTEXT);
    expect(html).toMatch(/<\/svg><\/figure><\/section>\n<section><h2>Among 83 stocks on 2021-01-15<\/h2>/);
  });
});

describe("htmlReport", () => {
  it("makes a claim check's page titled by symbol and date, its provenance naming the result file", async () => {
    const page = await htmlReport({ kind: "check", check: xiaomi(), file: "check.json", sha256: "c".repeat(64) }, "9.9.9");
    expect(page).toContain("<title>1810.HK on 2021-01-15: claim check report</title>");
    expect(page).toContain("<h1>1810.HK on 2021-01-15</h1>");
    expect(page).toContain('<dl class="facts"><dt>result file</dt><dd>check.json</dd><dt>its SHA-256</dt><dd class="hash">' + "c".repeat(64) + "</dd><dt>report by</dt><dd>event-impact 9.9.9</dd></dl>");
  });
});
