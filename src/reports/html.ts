/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * An HTML table from plain-text cells (escaped here); columns whose cells all look numeric are
 * right-aligned, as in the terminal tables, and columns of dates do not wrap.
 *
 * @example htmlTable(["window", "CAR"], [["[0,0]", "-11.11%"]]) // "<table>...<td class=\"num\">-11.11%</td>..."
 */
export function htmlTable(header: readonly string[], rows: readonly (readonly string[])[], caption?: string): string {
  const all = (c: number, pattern: RegExp) => rows.length > 0 && rows.every((row) => pattern.test(row[c] ?? ""));
  const classes = header.map((_, c) => (all(c, /^[-+\u2212]?[\d.,%<]*\d[\d.,%]*$|^$|^n\/a$/) ? ' class="num"' : all(c, /^\d{4}-\d{2}-\d{2}/) ? ' class="date"' : ""));
  const cell = (tag: "th" | "td", text: string, c: number) => `<${tag}${classes[c]}>${escapeHtml(text)}</${tag}>`;
  return [
    "<table>",
    caption === undefined ? "" : `<caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${header.map((title, c) => cell("th", title, c)).join("")}</tr></thead>`,
    `<tbody>${rows.map((row) => `<tr>${row.map((text, c) => cell("td", text, c)).join("")}</tr>`).join("")}</tbody>`,
    "</table>",
  ].join("");
}

/** A definition list from label/value pairs (plain text, escaped here). */
export function htmlFacts(facts: readonly (readonly [string, string])[]): string {
  return `<dl class="facts">${facts.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join("")}</dl>`;
}

/** A chart as a figure: the SVG inline (it carries its own title) and an optional caption. */
export function htmlFigure(svg: string, caption?: string): string {
  return `<figure class="chart">${svg}${caption === undefined ? "" : `<figcaption>${escapeHtml(caption)}</figcaption>`}</figure>`;
}

/** The reports' CSS (screen and print), for pages built on the same look. */
export const STYLE = `
:root { color-scheme: light; }
body { font-family: Helvetica, Arial, sans-serif; color: #1a1a1a; background: #ffffff; line-height: 1.45; margin: 0 auto; max-width: 860px; padding: 24px 20px 48px; }
h1 { font-size: 1.6rem; margin: 0 0 0.3rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.6rem; border-bottom: 1px solid #d0d0d0; padding-bottom: 0.2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 0.4rem; }
.question { font-size: 1.1rem; color: #333333; margin: 0.2rem 0 1rem; }
.verdict { border-left: 5px solid #1f4e79; background: #f2f6fa; padding: 0.8rem 1rem; margin: 1rem 0; font-size: 1.02rem; }
.verdict strong { display: block; margin-bottom: 0.3rem; }
.verdict .label { display: inline-block; font-weight: bold; padding: 0.2rem 0.6rem; border: 2px solid; border-radius: 3px; margin: 0.4rem 0; }
.label-accurate { background: #e3f4e6; color: #0b4a1d; border-color: #1e7b34; }
.label-accurate-for-measure-only { background: #fff4d6; color: #4d3800; border-color: #a67c00; }
.label-inaccurate { background: #fbe4e4; color: #6b0f0f; border-color: #b32020; }
.label-unverifiable { background: #ececec; color: #262626; border-color: #666666; }
.verdict .headline { font-weight: bold; }
table { border-collapse: collapse; margin: 0.6rem 0 1rem; font-size: 0.9rem; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #e2e2e2; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #999999; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; }
figure.chart { margin: 1rem 0; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 0.85rem; color: #444444; margin-top: 0.3rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; font-size: 0.9rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.note { color: #6b4e00; }
.hash { font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: 0.75rem; word-break: break-all; }
footer { margin-top: 2.5rem; font-size: 0.8rem; color: #555555; }
@media print {
  @page { margin: 16mm 14mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  figure.chart, table, .verdict { break-inside: avoid; }
  .verdict { background: none; border-left-color: #000000; }
}
`;

/**
 * An HTML document with inline CSS; `policy`, when given, is a content security policy set in the page
 * itself (a server may send its own as a header instead).
 */
export function htmlDocument(options: { title: string; style: string; body: string; policy?: string }): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(options.policy === undefined ? [] : [`<meta http-equiv="Content-Security-Policy" content="${options.policy}">`]),
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${options.style}</style>`,
    "</head>",
    `<body>\n${options.body}\n</body>`,
    "</html>",
    "",
  ].join("\n");
}

/** A complete HTML page: the title, inline CSS (screen and print) and the body; a content security policy forbids every load. */
export function htmlPage(title: string, body: string): string {
  return htmlDocument({ title, style: STYLE, body, policy: "default-src 'none'; style-src 'unsafe-inline'" });
}
