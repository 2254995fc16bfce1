import type { TestName } from "../study/crossSection.js";
import type { EventResult, StudyResult } from "../study/runStudy.js";
import { studyCharts } from "./charts/charts.js";
import { renderSvg } from "./charts/renderSvg.js";
import { escapeHtml, htmlFacts, htmlFigure, htmlTable } from "./html.js";
import { provenanceSection, type ReportContext } from "./reportContext.js";
import { TEST_LABELS } from "./studyText.js";
import { slopesText } from "../format.js";
import { num, pct, pval } from "./table.js";

/** Above this many events the report shows the forest plot and the CAAR chart only (`study --charts` writes every firm's). */
const MAX_FIRM_CHARTS = 12;

const TESTS: Record<TestName, { statistic: string; reference: string }> = {
  crossSectionalT: { statistic: "CAAR / (sd(CAR) / √N), t with N − 1 df", reference: "Brown & Warner (1985)" },
  patell: { statistic: "Σ SCAR / √(Σ df/(df − 2)), normal; SCAR = CAR / √Var(CAR)", reference: "Patell (1976)" },
  adjustedPatell: { statistic: "Patell Z × √(1 / (1 + (N − 1) r)), normal", reference: "Kolari & Pynnönen (2010)" },
  bmp: { statistic: "mean(SCAR) / (sd(SCAR) / √N), t with N − 1 df", reference: "Boehmer, Musumeci & Poulsen (1991)" },
  kolariPynnonen: { statistic: "BMP × √((1 − r) / (1 + (N − 1) r)), r = mean residual correlation", reference: "Kolari & Pynnönen (2010)" },
  corradoRank: { statistic: "Σ mean rank deviation / (√L2 · S_U), normal", reference: "Corrado (1989); Corrado & Zivney (1992); Cowan (1992)" },
  grank: {
    statistic: "ranks of estimation SARs and the window's SCAR / sd(SCAR) as one day: Z = Ū₀ / S_U, t = Z √((T − 2)/(T − 1 − Z²)), T − 2 df",
    reference: "Kolari & Pynnönen (2011)",
  },
  generalizedSign: { statistic: "(w − N p̂) / √(N p̂ (1 − p̂)), p̂ = share of positive estimation ARs", reference: "Cowan (1992)" },
  wilcoxon: { statistic: "signed-rank on CARs, standardised; exact p for N ≤ 50 without ties", reference: "Wilcoxon (1945)" },
};

/** The body of a study's report: question, headline statistics, charts, tables, method and provenance. */
export async function studyReportBody(result: StudyResult, context: ReportContext): Promise<string> {
  const multi = result.aggregate !== null;
  const charts = studyCharts(result).filter((chart) => !multi || result.events.length <= MAX_FIRM_CHARTS || chart.name === "forest" || chart.name === "caar");
  const figures: string[] = [];
  for (const chart of charts) figures.push(htmlFigure(await renderSvg(chart.spec)));
  if (multi && result.events.length > MAX_FIRM_CHARTS) {
    figures.push(`<p>Charts of each of the ${result.events.length} firms: <code>event-impact study SPEC --charts DIR</code>.</p>`);
  }
  return [
    `<header><h1>${escapeHtml(result.name)}</h1><p class="question">${escapeHtml(question(result))}</p></header>`,
    `<section class="verdict"><strong>${multi ? "Headline statistics" : "Result"}</strong>${headline(result).map((line) => `<p>${escapeHtml(line)}</p>`).join("")}</section>`,
    `<section><h2>Charts</h2>${figures.join("\n")}</section>`,
    `<section><h2>Tables</h2>${multi ? aggregateTables(result) : result.events.map(eventTables).join("")}</section>`,
    `<section><h2>Method</h2>${method(result)}</section>`,
    provenanceSection(result.prices, context, result.dropped.map((d) => `Dropped ${d.symbol} ${d.date}: ${d.reason}`)),
  ].join("\n");
}

function question(result: StudyResult): string {
  if (result.events.length === 1) {
    const event = result.events[0]!;
    return `Did ${event.symbol} move abnormally, against ${event.market}, when the news of ${announced(event)} reached the market (day 0 = ${event.day0})?`;
  }
  const days = [...new Set(result.events.map((event) => event.day0))];
  return `Did the ${result.events.length} stocks move abnormally around their events (day 0 on ${days.length === 1 ? days[0] : `${days.length} dates, ${days[0]} to ${days[days.length - 1]}`})?`;
}

function announced(event: EventResult): string {
  const a = event.announcement;
  return [a.date, a.time, a.timezone].filter(Boolean).join(" ");
}

function significance(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return "no p-value";
  return p < 0.01 ? "significant at 1%" : p < 0.05 ? "significant at 5%" : "not significant at 5%";
}

function headline(result: StudyResult): string[] {
  if (result.aggregate === null) {
    const event = result.events[0]!;
    return event.windows.map(
      (w) => `CAR[${w.start}, ${w.end}] (${w.startDate} to ${w.endDate}) = ${pct(w.car)}: t = ${num(w.t)}, p = ${pval(w.p)} with ${w.df} df, ${significance(w.p)}; BHAR ${pct(w.bhar)}.`,
    );
  }
  const aggregate = result.aggregate;
  const label = TEST_LABELS[aggregate.headline];
  const lines = aggregate.windows.map((w) => {
    const test = w.tests[aggregate.headline];
    return `CAAR[${w.start}, ${w.end}] = ${pct(w.caar)} over ${w.n} events (${w.positive} positive, ${w.negative} negative): ${label} ${num(test.statistic)}, p = ${pval(test.p as number)}, ${significance(test.p)}.`;
  });
  if (aggregate.clustered) {
    lines.push(
      `The events cluster (${aggregate.clusters.map((c) => `${c.symbols.join(", ")} on ${c.day0}`).join("; ")}): naive tests over-reject when returns are cross-correlated, so the ${label} (mean residual correlation r = ${num(aggregate.meanResidualCorrelation, 3)}) is the one to read.`,
    );
  }
  for (const overlap of aggregate.overlaps) lines.push(`${overlap.symbol} has overlapping event windows (day 0 ${overlap.day0s.join(", ")}); its events are not independent.`);
  return lines;
}

function eventTables(event: EventResult): string {
  return [
    `<h3>${escapeHtml(`${event.symbol} vs ${event.market}, day 0 = ${event.day0}`)}</h3>`,
    htmlFacts([
      ["announced", announced(event)],
      ["model", `${event.model}: alpha ${event.alpha.toExponential(3)}, ${slopesText(event)}, sigma ${num(event.sigma * 100)}% per day`],
      ["estimation", `${event.nEstimation} days, ${event.estimation.start} to ${event.estimation.end}, ${event.df} df`],
    ]),
    htmlTable(
      ["day", "date", "return", "market", "AR", "SAR", "CAR from first day"],
      event.abnormalReturns.map((r, k) => [String(r.offset), r.date, pct(r.ret), pct(r.marketRet), pct(r.ar), num(r.sar), pct(event.carPath[k]?.car ?? null)]),
      "Abnormal returns by day",
    ),
    htmlTable(
      ["window", "dates", "CAR", "t", "p", "SQ p", "SQ quantile", "BHAR", "volatility ratio", "volatility p", "CAV", "CAV t", "CAV p"],
      event.windows.map((w) => [
        `[${w.start}, ${w.end}]`,
        `${w.startDate} to ${w.endDate}`,
        pct(w.car),
        num(w.t),
        pval(w.p),
        pval(w.sq.p),
        num(w.sq.quantile, 3),
        pct(w.bhar),
        num(w.volatility.ratio),
        pval(w.volatility.p),
        num(w.volume.cav, 3),
        num(w.volume.t),
        pval(w.volume.p),
      ]),
      "Event windows",
    ),
  ].join("");
}

function aggregateTables(result: StudyResult): string {
  const aggregate = result.aggregate!;
  const events = htmlTable(
    ["event", "symbol", "market", "day 0", "beta", ...result.eventWindows.map(([s, e]) => `CAR[${s}, ${e}] (t)`)],
    result.events.map((event) => [event.catalogId ?? "", event.symbol, event.market, event.day0, num(event.beta, 2), ...event.windows.map((w) => `${pct(w.car)} (${num(w.t)})`)]),
    "Events",
  );
  const names = Object.keys(TEST_LABELS) as TestName[];
  const tests = htmlTable(
    ["", ...aggregate.windows.map((w) => `[${w.start}, ${w.end}]`)],
    [
      ["N", ...aggregate.windows.map((w) => String(w.n))],
      ["CAAR", ...aggregate.windows.map((w) => pct(w.caar))],
      ["positive : negative", ...aggregate.windows.map((w) => `${w.positive} : ${w.negative}`)],
      ...names.map((name) => [`${TEST_LABELS[name]}${name === aggregate.headline ? " (headline)" : ""}`, ...aggregate.windows.map((w) => `${num(w.tests[name].statistic)} (p ${pval(w.tests[name].p as number)})`)]),
      ["mean BHAR", ...aggregate.windows.map((w) => pct(w.bhar.mean))],
      ["skewness-adjusted t", ...aggregate.windows.map((w) => `${num(w.bhar.skewnessAdjustedT.statistic)} (p ${pval(w.bhar.skewnessAdjustedT.p as number)})`)],
      ["mean CAV (log volume)", ...aggregate.windows.map((w) => num(w.volume.meanCav, 3))],
      ["CAV cross-sectional t", ...aggregate.windows.map((w) => `${num(w.volume.crossSectionalT.statistic)} (p ${pval(w.volume.crossSectionalT.p)})`)],
    ],
    "Cross-firm tests by window: statistic (two-sided p)",
  );
  const days = htmlTable(
    ["day", "N", "AAR", "+ : −", TEST_LABELS[aggregate.headline], "p"],
    aggregate.days.map((d) => [String(d.offset), String(d.n), pct(d.aar), `${d.positive} : ${d.negative}`, num(d.tests[aggregate.headline].statistic), pval(d.tests[aggregate.headline].p as number)]),
    "Average abnormal return by day",
  );
  return events + tests + days;
}

function method(result: StudyResult): string {
  const model =
    result.model === "market"
      ? "market model R = a + b·Rm + e, OLS on the estimation window, s² = SSE/(L1 − 2)"
      : result.model === "mean-adjusted"
        ? "mean-adjusted (constant mean) model, s² of the estimation-window abnormal returns, L1 − 1 df"
        : "market-adjusted model AR = R − Rm, s² of the estimation-window abnormal returns, L1 − 1 df";
  const facts = htmlFacts([
    ["model", model],
    ["returns", `${result.returns} returns on adjusted closes`],
    ["estimation window", `[${result.estimationWindow.join(", ")}] trading days relative to day 0 (at least ${result.minEstimationObservations} returns)`],
    ["event windows", result.eventWindows.map(([s, e]) => `[${s}, ${e}]`).join(", ")],
    ["day 0", "the stock's first trading day whose session closes after the announcement; trading days are those on which both the stock and its market have a bar"],
    ["CAR variance", "Var(CAR) = s² (L2 + L2²/L1 + (Σ Rm − L2·Rm̄)²/Smm), prediction-error corrected; t = CAR / √Var(CAR), two-sided p from Student's t (MacKinlay 1997; Campbell, Lo & MacKinlay 1997, ch. 4)"],
    ["BHAR", "Π(1 + R) − Π(1 + E[R]) over the window (Barber & Lyon 1997)"],
    [
      "SQ test",
      "the CAR against the M = L1 − L2 + 1 sums of L2 consecutive estimation residuals: p = min(1, 2 min(1 + #{S ≤ CAR}, 1 + #{S ≥ CAR}) / (M + 1)), valid under fat tails; the smallest attainable p is 2/(M + 1) (Gelbach, Helland & Klick 2013)",
    ],
    ["abnormal volatility", "ratio = mean over the window of AR² / s², one-sided p = P(F(L2, df) > ratio), the upper tail computed directly"],
  ]);
  if (result.aggregate === null) return facts;
  const names = Object.keys(TESTS) as TestName[];
  return (
    facts +
    htmlTable(
      ["test", "statistic", "reference"],
      [
        ...names.map((name) => [TEST_LABELS[name], TESTS[name].statistic, TESTS[name].reference]),
        ["skewness-adjusted t (BHAR)", "√N (S + g S²/3 + g/(6N)), normal", "Lyon, Barber & Tsai (1999)"],
        ["cross-sectional t (CAV)", "mean CAV / (sd(CAV)/√N), N − 1 df; CAV = Σ (ln(1 + volume) − estimation mean)", "Campbell & Wasley (1996)"],
      ],
      "Cross-firm tests",
    ) +
    `<p>Events that share day 0 and market are clustered; the headline test is then Kolari-Pynnönen, otherwise BMP. The CAAR band in the chart is CAAR ± t(0.975, N − 1) × sd(CAR)/√N.</p>`
  );
}
