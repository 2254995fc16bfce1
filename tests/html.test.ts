import { describe, expect, it } from "vitest";
import { escapeHtml, htmlDocument, htmlFacts, htmlFigure, htmlPage, htmlTable, STYLE } from "../src/reports/html.js";

/** The HTML building blocks of the reports and the serve page, against hand-written markup. */
describe("escapeHtml", () => {
  it("escapes the five characters that are markup", () => {
    expect(escapeHtml(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;");
  });

  it("escapes an ampersand first, so that entities are not escaped twice", () => {
    expect(escapeHtml("<&>")).toBe("&lt;&amp;&gt;");
  });
});

describe("htmlTable", () => {
  it("marks numeric columns num and date columns date, escapes every cell and omits a missing caption", () => {
    expect(htmlTable(["window", "date", "CAR"], [["[0,0]", "2021-01-15", "-11.11%"], ["a<b", "2021-01-18 to 2021-01-19", "\u22125.00%"]])).toBe(
      "<table><thead><tr><th>window</th><th class=\"date\">date</th><th class=\"num\">CAR</th></tr></thead>" +
        "<tbody><tr><td>[0,0]</td><td class=\"date\">2021-01-15</td><td class=\"num\">-11.11%</td></tr>" +
        "<tr><td>a&lt;b</td><td class=\"date\">2021-01-18 to 2021-01-19</td><td class=\"num\">\u22125.00%</td></tr></tbody></table>",
    );
  });

  it("writes an escaped caption, and leaves every column unmarked when there are no rows", () => {
    expect(htmlTable(["N", "day"], [], "A & B")).toBe("<table><caption>A &amp; B</caption><thead><tr><th>N</th><th>day</th></tr></thead><tbody></tbody></table>");
  });

  it("marks a column num only when every cell is numeric, n/a or empty", () => {
    const html = htmlTable(["a", "b"], [["n/a", "1"], ["", "x"]]);
    expect(html).toContain('<th class="num">a</th><th>b</th>');
    expect(html).toContain('<td class="num">n/a</td><td>1</td>');
  });

  it("marks a column date only when every cell starts with a date", () => {
    expect(htmlTable(["d"], [["2021-01-15"], ["soon"]])).toContain("<th>d</th>");
  });
});

describe("htmlFacts and htmlFigure", () => {
  it("writes label/value pairs as a definition list, escaped", () => {
    expect(htmlFacts([["model", "a<b"], ["df", "238"]])).toBe('<dl class="facts"><dt>model</dt><dd>a&lt;b</dd><dt>df</dt><dd>238</dd></dl>');
  });

  it("wraps an SVG as a figure, with an escaped caption only when given", () => {
    expect(htmlFigure("<svg></svg>")).toBe('<figure class="chart"><svg></svg></figure>');
    expect(htmlFigure("<svg></svg>", "CAR & AR")).toBe('<figure class="chart"><svg></svg><figcaption>CAR &amp; AR</figcaption></figure>');
  });
});

describe("htmlDocument and htmlPage", () => {
  it("writes a document with the escaped title, the style and the body, and no policy unless given", () => {
    expect(htmlDocument({ title: "A & B", style: "p{}", body: "<p>x</p>" })).toBe(
      [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>A &amp; B</title>",
        "<style>p{}</style>",
        "</head>",
        "<body>\n<p>x</p>\n</body>",
        "</html>",
        "",
      ].join("\n"),
    );
  });

  it("sets the given content security policy in the page", () => {
    expect(htmlDocument({ title: "t", style: "", body: "", policy: "default-src 'none'" })).toContain(
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">\n<title>t</title>',
    );
  });

  it("makes a report page with the reports' style and a policy that forbids every load", () => {
    const page = htmlPage("Report", "<main></main>");
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(page).toContain(`<style>${STYLE}</style>`);
    expect(page).toContain("<title>Report</title>");
    expect(page).toContain("<body>\n<main></main>\n</body>");
  });
});
