import { createHash } from "node:crypto";
import type { ClaimCheck } from "../claims/checkClaim.js";
import type { InputError } from "../errors.js";
import { MEASURES, method, question, universeTables } from "../reports/checkReport.js";
import { STYLE, escapeHtml, htmlDocument, htmlFigure, htmlTable } from "../reports/html.js";
import { num, pct } from "../reports/table.js";
import { MAX_CLAIM_LENGTH } from "./checkQuery.js";

/** What the form shows: the values of the last request as typed (escaped when rendered). */
export interface FormValues {
  symbol?: string | undefined;
  date?: string | undefined;
  claim?: string | undefined;
  market?: string | undefined;
}

/** The query parameters an error names as the problem (those that are not the form's fields are never marked). */
export function invalidFields(error: InputError): string[] {
  return [...new Set([...(error.field === undefined ? [] : [error.field]), ...error.issues.map((issue) => issue.at)])];
}

/** A chart of a result: the SVG and a sentence saying what it shows. */
export interface Figure {
  svg: string;
  caption: string;
}

export const EXAMPLE = { symbol: "1810.HK", date: "2021-01-15", claim: "Xiaomi's shares plummeted 14% on 15 January 2021" } as const;

/**
 * Progressive enhancement: with JavaScript the form's result replaces the previous one without a page
 * load (the same server-rendered page is fetched, its `#outcome` swapped in and the fields' invalid marks
 * copied) and the address bar takes the result's shareable URL; without JavaScript the form is a plain
 * GET to `/check`.
 */
const SCRIPT = `(() => {
  const form = document.getElementById("check-form");
  const status = document.getElementById("status");
  if (!form || !status || !window.fetch || !window.DOMParser) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (String(value).trim() !== "") params.append(name, String(value).trim());
    const url = "/check?" + params.toString();
    status.textContent = "Checking…";
    form.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(url, { headers: { accept: "text/html" } });
      const next = new DOMParser().parseFromString(await response.text(), "text/html");
      const outcome = next.getElementById("outcome");
      if (!outcome) throw new Error("no result in the response");
      document.getElementById("outcome").replaceWith(outcome);
      for (const field of form.elements) {
        const fresh = field.id ? next.getElementById(field.id) : null;
        if (!fresh) continue;
        for (const name of ["aria-invalid", "aria-errormessage"]) {
          if (fresh.hasAttribute(name)) field.setAttribute(name, fresh.getAttribute(name));
          else field.removeAttribute(name);
        }
      }
      document.title = next.title;
      const share = outcome.querySelector("#share-link");
      history.pushState(null, "", share ? share.getAttribute("href") : url);
      status.textContent = "";
      const heading = outcome.querySelector("h2");
      if (heading) { heading.tabIndex = -1; heading.focus(); }
    } catch (error) {
      status.textContent = "The server could not be reached: " + error.message + ". Submit again to retry.";
    } finally {
      form.removeAttribute("aria-busy");
    }
  });
  window.addEventListener("popstate", () => location.reload());
})();`;

/**
 * The page's Content-Security-Policy: nothing is loaded from anywhere; the one inline script runs by its
 * hash, styles are inline, fetches and form posts go to this server only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src 'sha256-${createHash("sha256").update(SCRIPT).digest("base64")}'`,
  "style-src 'unsafe-inline'",
  "img-src data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

const PAGE_STYLE = `
body { max-width: 900px; }
a { color: #1f4e79; }
:focus-visible { outline: 3px solid #e67e22; outline-offset: 2px; }
.skip { position: absolute; left: -10000px; }
.skip:focus { position: static; }
header h1 a { color: inherit; text-decoration: none; }
header p { margin: 0.2rem 0 1rem; color: #333333; }
form { display: grid; grid-template-columns: 1fr 1fr; gap: 0.8rem 1.2rem; background: #f7f7f7; border: 1px solid #d8d8d8; padding: 1rem; border-radius: 4px; }
.field { display: flex; flex-direction: column; }
.field.wide, .actions { grid-column: 1 / -1; }
label { font-weight: bold; margin-bottom: 0.2rem; }
label .optional { font-weight: normal; color: #555555; }
input { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid #8c8c8c; border-radius: 3px; }
input[aria-invalid="true"] { border: 2px solid #c0392b; }
.hint { font-size: 0.82rem; color: #555555; margin: 0.2rem 0 0; }
.actions { display: flex; align-items: center; gap: 1rem; }
button { font: inherit; font-weight: bold; padding: 0.45rem 1.2rem; background: #1f4e79; color: #ffffff; border: 0; border-radius: 3px; cursor: pointer; }
#status { margin: 0; color: #333333; }
#outcome { margin-top: 1.5rem; }
#outcome h2:focus { outline: none; }
.error { border-left: 5px solid #c0392b; background: #fbeeee; padding: 0.8rem 1rem; }
.error h2 { border: 0; margin: 0 0 0.4rem; font-size: 1.1rem; }
.error p, .error ul { margin: 0.2rem 0; }
table.measures tr.match { background: #fff1c9; font-weight: bold; }
table.measures tbody th { font-weight: inherit; border-bottom: 1px solid #e2e2e2; }
.share { font-size: 0.9rem; word-break: break-all; }
details.method { margin: 1.5rem 0; border: 1px solid #d8d8d8; border-radius: 4px; padding: 0.5rem 1rem; }
details.method summary { font-weight: bold; cursor: pointer; }
footer code { font-size: 0.8rem; }
`;

/** A complete page: header, the form (filled with `form`), the outcome (result, error or example) and the API note. */
export function servePage(options: { title: string; form: FormValues; invalid?: readonly string[]; outcome: string; symbols: readonly string[] }): string {
  const body = [
    '<a class="skip" href="#outcome">Skip to the result</a>',
    '<header><h1><a href="/">event-impact</a>: check a claim about a market move</h1>',
    "<p>Type a stock's symbol, the trading day and the sentence from the article: you get every measure of that day's move, which of them the claim matches, and how unusual the move was.</p></header>",
    "<main>",
    checkForm(options.form, options.invalid ?? [], options.symbols),
    `<div id="outcome">${options.outcome}</div>`,
    "</main>",
    "<footer><p>The same check as JSON: <code>/api/check?symbol=1810.HK&amp;date=2021-01-15&amp;claim=plummeted+14%25</code> (the output of <code>event-impact check --json</code>); the event catalog: <code>/api/events</code>. Computed by event-impact on local price files; nothing leaves this machine.</p></footer>",
    `<script>${SCRIPT}</script>`,
  ].join("\n");
  return htmlDocument({ title: options.title, style: `${STYLE}${PAGE_STYLE}`, body });
}

function checkForm(values: FormValues, invalid: readonly string[], symbols: readonly string[]): string {
  const value = (text: string | undefined) => (text === undefined ? "" : ` value="${escapeHtml(text)}"`);
  const state = (id: string) => (invalid.includes(id) ? ' aria-invalid="true" aria-errormessage="problem"' : "");
  const options = (list: readonly string[]) => list.map((symbol) => `<option value="${escapeHtml(symbol)}"></option>`).join("");
  const field = (id: string, label: string, input: string, hint: string, wide = false) =>
    `<div class="field${wide ? " wide" : ""}"><label for="${id}">${label}</label>${input}<p class="hint" id="${id}-hint">${hint}</p></div>`;
  return [
    '<form id="check-form" method="get" action="/check">',
    field("symbol", "Symbol", `<input id="symbol" name="symbol" list="symbol-list" required autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="symbol-hint"${state("symbol")}${value(values.symbol)}>`, "Yahoo notation, e.g. 1810.HK; the list suggests the symbols on file."),
    field("date", "Date", `<input id="date" name="date" type="date" required aria-describedby="date-hint"${state("date")}${value(values.date)}>`, "The trading day the claim is about (day 0)."),
    field("claim", 'Claim <span class="optional">(optional)</span>', `<input id="claim" name="claim" maxlength="${MAX_CLAIM_LENGTH}" autocomplete="off" aria-describedby="claim-hint"${state("claim")}${value(values.claim)}>`, "The sentence from the article, e.g. “plummeted 14%”, “closed 10.3% lower”, “more than 10%”.", true),
    field("market", 'Market <span class="optional">(optional)</span>', `<input id="market" name="market" list="market-list" autocomplete="off" spellcheck="false" aria-describedby="market-hint"${state("market")}${value(values.market)}>`, "The market index; by default the exchange's (^HSI for .HK)."),
    `<datalist id="symbol-list">${options(symbols.filter((symbol) => !symbol.startsWith("^")))}</datalist>`,
    `<datalist id="market-list">${options(symbols.filter((symbol) => symbol.startsWith("^")))}</datalist>`,
    '<div class="actions"><button type="submit">Check the claim</button><p id="status" role="status" aria-live="polite"></p></div>',
    "</form>",
  ].join("\n");
}

/** The outcome of the landing page: what the form does and an example to follow. */
export function exampleOutcome(): string {
  const href = `/check?${new URLSearchParams(EXAMPLE).toString()}`;
  return `<p>Example: <a href="${escapeHtml(href)}">Xiaomi (1810.HK) on 15 January 2021, “${escapeHtml(EXAMPLE.claim)}”</a>.</p>`;
}

/** The outcome of a request that could not be checked: the message, one item per problem. */
export function errorOutcome(heading: string, message: string): string {
  const lines = message.split("\n");
  const body = lines.length === 1 ? `<p>${escapeHtml(lines[0]!)}</p>` : `<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>`;
  return `<div class="error" id="problem" role="alert"><h2>${escapeHtml(heading)}</h2>${body}</div>`;
}

/**
 * The outcome of a check: the question and verdict, every measure with the matching ones highlighted
 * (and marked in words), the charts, the universe ranking, the shareable link and the method.
 */
export function resultOutcome(check: ClaimCheck, figures: readonly Figure[], chartNotes: readonly string[], search: string): string {
  const matches = new Set<string>(check.claim?.matches ?? []);
  const label = (key: string) => MEASURES.find(([measure]) => measure === key)![1];
  const matched =
    check.claim === null ? "" : check.claim.matches.length === 0 ? "The claim matches none of the measures." : `The claim matches: ${check.claim.matches.map((key) => `${label(key)} (${pct(check.measures[key])})`).join(", ")}.`;
  const row = (key: string, name: string, value: string, meaning: string) =>
    `<tr${matches.has(key) ? ' class="match"' : ""}><th scope="row">${escapeHtml(name)}</th><td class="num">${escapeHtml(value)}</td><td>${matches.has(key) ? "✓ matches the claim" : ""}</td><td>${escapeHtml(meaning)}</td></tr>`;
  const rows = [
    ...MEASURES.map(([key, name, meaning]) => row(key, name, pct(check.measures[key]), meaning)),
    row("zScore", "z-score", num(check.measures.zScore), "the return against the estimation-window returns"),
    row("percentile", "percentile", `${num(check.measures.percentile * 100, 1)}%`, `share of the ${check.historyDays} other days on file with a lower return`),
  ];
  const i = check.inference;
  const link = `/check?${search}`;
  return [
    '<section class="result" aria-labelledby="result-title">',
    `<h2 id="result-title">${escapeHtml(`${check.symbol} on ${check.date}`)}</h2>`,
    `<p class="question">${escapeHtml(question(check))}</p>`,
    `<div class="verdict" id="verdict"><strong>Verdict</strong>${matched === "" ? "" : `<p>${escapeHtml(matched)}</p>`}<p>${escapeHtml(check.verdict)}</p></div>`,
    '<h3 id="measures-title">Measures</h3>',
    `<table class="measures" aria-labelledby="measures-title"><caption>${escapeHtml(`${check.symbol} on ${check.date} against the previous session ${check.previousDate}; market ${check.market}`)}</caption>`,
    `<thead><tr><th scope="col">measure</th><th scope="col" class="num">value</th><th scope="col">claim</th><th scope="col">meaning</th></tr></thead><tbody>${rows.join("")}</tbody></table>`,
    i === null ? "" : `<p>${escapeHtml(`Abnormal return: ${i.model} model on [${i.estimationWindow.join(", ")}] (${i.nEstimation} days, ${i.estimation.start} to ${i.estimation.end}): t = ${num(i.t)}, p = ${i.p.toPrecision(3)}, ${i.df} df.`)}</p>`,
    ...check.notes.map((note) => `<p class="note">Note: ${escapeHtml(note)}</p>`),
    '<h3>Charts</h3>',
    ...figures.map((figure) => htmlFigure(figure.svg, figure.caption)),
    ...chartNotes.map((note) => `<p class="note">${escapeHtml(note)}</p>`),
    check.universe === null ? "" : universeTables(check),
    `<p class="share">Link to this result: <a id="share-link" href="${escapeHtml(link)}">${escapeHtml(link)}</a> · <a href="${escapeHtml(`/api/check?${search}`)}">as JSON</a></p>`,
    '<details class="method"><summary>Method and data</summary>',
    method(check),
    htmlTable(["symbol", "file", "first", "last"], check.sources.map((source) => [source.symbol, source.file, source.first, source.last]), "Price files read"),
    "</details>",
    "</section>",
  ].join("\n");
}
