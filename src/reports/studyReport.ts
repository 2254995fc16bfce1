import type { ModelName } from "../models/expectedReturnModel.js";
import { isThinTradingModel } from "../models/thinTrading.js";
import { isFactorModel } from "../models/factorModel.js";
import type { TestName } from "../study/crossSection.js";
import type { EventResult, StudyResult } from "../study/runStudy.js";
import { studyCharts } from "./charts/charts.js";
import { renderSvg } from "./charts/renderSvg.js";
import { escapeHtml, htmlFacts, htmlFigure, htmlTable } from "./html.js";
import { provenanceSection, type ReportContext } from "./reportContext.js";
import { abnormalReturnsView, announcedText, crossFirmView, daysView, eventFacts, eventsView, studyHeadlines, studyQuestion, TEST_LABELS, windowsView, type ViewTable } from "./studyView.js";

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
    `<header><h1>${escapeHtml(result.name)}</h1><p class="question">${escapeHtml(studyQuestion(result))}</p></header>`,
    `<section class="verdict"><strong>${multi ? "Headline statistics" : "Result"}</strong>${studyHeadlines(result).map((line) => `<p>${escapeHtml(line)}</p>`).join("")}</section>`,
    `<section><h2>Charts</h2>${figures.join("\n")}</section>`,
    `<section><h2>Tables</h2>${multi ? aggregateTables(result) : result.events.map(eventTables).join("")}</section>`,
    `<section><h2>Method</h2>${method(result)}</section>`,
    provenanceSection(result.prices, context, result.dropped.map((d) => `Dropped ${d.symbol} ${d.date}: ${d.reason}`)),
  ].join("\n");
}

function eventTables(event: EventResult): string {
  const facts = eventFacts(event);
  return [
    `<h3>${escapeHtml(facts.title)}</h3>`,
    htmlFacts([
      ["announced", announcedText(event)],
      ["model", facts.model],
      ["estimation", facts.estimation],
    ]),
    tableHtml(abnormalReturnsView(event), "Abnormal returns by day"),
    tableHtml(windowsView(event), "Event windows"),
  ].join("");
}

function tableHtml(table: ViewTable, caption: string): string {
  return htmlTable(table.header, table.rows, caption);
}

function aggregateTables(result: StudyResult): string {
  const aggregate = result.aggregate!;
  return [
    tableHtml(eventsView(result.eventWindows, result.events), "Events"),
    tableHtml(crossFirmView(aggregate), "Cross-firm tests by window: statistic (two-sided p)"),
    tableHtml(daysView(aggregate), "Average abnormal return by day"),
  ].join("");
}

const FACTOR_MODEL_AR = "OLS on the estimation window (trading days on which stock, market and factors all have data), s² = SSE/(L1 − K − 1) with K factors";
const THIN_TRADING_AR = "AR = R − a − b·Rm, s² = SSE/(L1 − 2) over all L1 estimation days, L1 − 2 df";

/** Each model as the report's method section states it (DESIGN §4 and §9). */
const MODEL_METHODS: Record<ModelName, string> = {
  market: "market model R = a + b·Rm + e, OLS on the estimation window, s² = SSE/(L1 − 2)",
  "mean-adjusted": "mean-adjusted (constant mean) model, s² of the estimation-window abnormal returns, L1 − 1 df",
  "market-adjusted": "market-adjusted model AR = R − Rm, s² of the estimation-window abnormal returns, L1 − 1 df",
  "scholes-williams": `Scholes-Williams (1977) thin-trading beta b = (b₋ + b₀ + b₊)/(1 + 2ρ) from the slopes of R(t) on Rm(t−1), Rm(t), Rm(t+1) and ρ the correlation of Rm(t) and Rm(t−1), over the estimation days whose neighbours are estimation days; a = R̄ − b·R̄m; ${THIN_TRADING_AR}`,
  dimson: `Dimson (1979) thin-trading beta: R(t) regressed on Rm(t−1), Rm(t), Rm(t+1) with intercept a over the estimation days whose neighbours are estimation days, b = the sum of the three slopes; ${THIN_TRADING_AR}`,
  ff3: `Fama & French (1993) three factors: R − RF = a + b·(Mkt-RF, SMB, HML) + e, ${FACTOR_MODEL_AR}`,
  carhart4: `Carhart (1997) four factors: R − RF = a + b·(Mkt-RF, SMB, HML, Mom) + e, ${FACTOR_MODEL_AR}`,
  ff5: `Fama & French (2015) five factors: R − RF = a + b·(Mkt-RF, SMB, HML, RMW, CMA) + e, ${FACTOR_MODEL_AR}`,
};

function method(result: StudyResult): string {
  const facts = htmlFacts([
    ["model", MODEL_METHODS[result.model]],
    ["returns", `${result.returns} returns on adjusted closes`],
    ["estimation window", `[${result.estimationWindow.join(", ")}] trading days relative to day 0 (at least ${result.minEstimationObservations} returns)`],
    ["event windows", result.eventWindows.map(([s, e]) => `[${s}, ${e}]`).join(", ")],
    ["day 0", "the stock's first trading day whose session closes after the announcement; trading days are those on which both the stock and its market have a bar"],
    [
      "CAR variance",
      isThinTradingModel(result.model)
        ? "Var(CAR) = L2·s² (thin-trading betas: no prediction-error correction); t = CAR / √Var(CAR), two-sided p from Student's t with L1 − 2 df"
        : isFactorModel(result.model)
          ? "Var(CAR) = s² (L2 + s_w′(X′X)⁻¹s_w), s_w the window's sum of [1, f_t], prediction-error corrected; t = CAR / √Var(CAR), two-sided p from Student's t with L1 − K − 1 df (Campbell, Lo & MacKinlay 1997, ch. 4)"
          : "Var(CAR) = s² (L2 + L2²/L1 + (Σ Rm − L2·Rm̄)²/Smm), prediction-error corrected; t = CAR / √Var(CAR), two-sided p from Student's t (MacKinlay 1997; Campbell, Lo & MacKinlay 1997, ch. 4)",
    ],
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
