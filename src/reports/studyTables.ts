import { FACTOR_NAMES, type FactorName } from "../models/factorModel.js";
import type { EstimationRow, StudyRun } from "../study/runStudy.js";
import type { AbnormalReturnRow, EventResult, TestBattery, WindowResult } from "../study/studyResult.js";
import type { CsvValue } from "./csv.js";

/**
 * The study's tables (the CSV exports, the workbook's sheets, the data frames and the README's column
 * dictionary): one definition of each table's columns, in order, with what each column means.
 */

export interface Column<Row> {
  name: string;
  meaning: string;
  value(row: Row): CsvValue;
}

interface TableDefinition<Row> {
  /** The file stem (`<name>.csv`) and the workbook sheet's name. */
  name: string;
  /** What one row is (\"one row per ...\"), for the README. */
  rowIs: string;
  columns: readonly Column<Row>[];
  rows(run: StudyRun): Iterable<Row>;
}

/** A table as writers see it: its columns and its rows as cells in column order. */
export interface StudyTable {
  name: string;
  rowIs: string;
  columns: readonly { name: string; meaning: string }[];
  cells(run: StudyRun): Iterable<CsvValue[]>;
}

function table<Row>(definition: TableDefinition<Row>): StudyTable {
  const { columns } = definition;
  return {
    name: definition.name,
    rowIs: definition.rowIs,
    columns: columns.map(({ name, meaning }) => ({ name, meaning })),
    *cells(run) {
      for (const row of definition.rows(run)) yield columns.map((column) => column.value(row));
    },
  };
}

/** A row about one event: its number (1-based, its line in `events.ndjson`) and its result. */
interface EventRow {
  number: number;
  event: EventResult;
}

const eventColumns: readonly Column<EventRow>[] = [
  { name: "event", meaning: "the event's number in the study (1-based; its line in events.ndjson)", value: (r) => r.number },
  { name: "symbol", meaning: "the stock", value: (r) => r.event.symbol },
  { name: "market", meaning: "the market index it is measured against", value: (r) => r.event.market },
  { name: "catalogId", meaning: "the bundled catalog's event id, when the event came from the catalog", value: (r) => r.event.catalogId },
  { name: "announcementDate", meaning: "the date the news became public (YYYY-MM-DD)", value: (r) => r.event.announcement.date },
  { name: "announcementTime", meaning: "its time (HH:MM), when known", value: (r) => r.event.announcement.time },
  { name: "announcementTimezone", meaning: "the IANA time zone of the date and time, when given", value: (r) => r.event.announcement.timezone },
  { name: "day0", meaning: "day 0: the first trading day on which the market could react", value: (r) => r.event.day0 },
  { name: "model", meaning: "the expected-return model (market, market-adjusted, mean-adjusted, scholes-williams, dimson, ff3, carhart4, ff5)", value: (r) => r.event.model },
  { name: "alpha", meaning: "the model's intercept, fitted on the estimation window", value: (r) => r.event.alpha },
  { name: "beta", meaning: "the model's market beta (scholes-williams, dimson: the thin-trading beta; a factor model: the slope on Mkt-RF)", value: (r) => r.event.beta },
  ...FACTOR_NAMES.map((factor): Column<EventRow> => ({ name: betaColumnName(factor), meaning: `a factor model's slope on ${factor}; empty for models without it`, value: (r) => r.event.betas?.[factor] })),
  { name: "sigma", meaning: "the residual standard deviation per day", value: (r) => r.event.sigma },
  { name: "nEstimation", meaning: "returns in the estimation window", value: (r) => r.event.nEstimation },
  { name: "df", meaning: "the model's residual degrees of freedom (the t tests' df)", value: (r) => r.event.df },
  { name: "estimationStart", meaning: "the estimation window's first date", value: (r) => r.event.estimation.start },
  { name: "estimationEnd", meaning: "the estimation window's last date", value: (r) => r.event.estimation.end },
];

/** The columns of an event's day: when, and the stock's and the market's return. */
const dayColumns: readonly Column<{ day: { offset: number; date: string; ret: number; marketRet: number } }>[] = [
    { name: "offset", meaning: "the day, in trading days relative to day 0", value: (r) => r.day.offset },
    { name: "date", meaning: "its date", value: (r) => r.day.date },
    { name: "ret", meaning: "the stock's return that day", value: (r) => r.day.ret },
    { name: "marketRet", meaning: "the market's return that day", value: (r) => r.day.marketRet },
];

/** The CSV column of a factor's slope: `betaMktRF`, `betaSMB`, ... */
function betaColumnName(factor: FactorName): string {
  return `beta${factor.replace("-", "")}`;
}

function* eachEvent(run: StudyRun): Generator<EventRow> {
  for (let k = 0; k < run.eventCount; k++) yield { number: k + 1, event: run.event(k) };
}

export const carsTable = table<EventRow & { window: WindowResult }>({
  name: "cars",
  rowIs: "event and event window",
  columns: [
    ...eventColumns,
    { name: "start", meaning: "the window's first day, in trading days relative to day 0", value: (r) => r.window.start },
    { name: "end", meaning: "the window's last day", value: (r) => r.window.end },
    { name: "startDate", meaning: "the date of its first day", value: (r) => r.window.startDate },
    { name: "endDate", meaning: "the date of its last day", value: (r) => r.window.endDate },
    { name: "car", meaning: "the cumulative abnormal return over the window", value: (r) => r.window.car },
    { name: "variance", meaning: "Var(CAR), with the prediction-error correction", value: (r) => r.window.variance },
    { name: "t", meaning: "CAR / sqrt(Var(CAR))", value: (r) => r.window.t },
    { name: "p", meaning: "its two-sided Student-t p-value with df degrees of freedom", value: (r) => r.window.p },
    { name: "bhar", meaning: "the buy-and-hold abnormal return over the window", value: (r) => r.window.bhar },
    { name: "sqP", meaning: "the SQ test's two-sided p: the CAR against the sums of as many consecutive estimation-window residuals (Gelbach, Helland & Klick 2013)", value: (r) => r.window.sq.p },
    { name: "sqQuantile", meaning: "the CAR's quantile among those sums", value: (r) => r.window.sq.quantile },
    { name: "sqMinP", meaning: "the smallest p the SQ test can give with this estimation window", value: (r) => r.window.sq.minP },
    { name: "volatilityRatio", meaning: "abnormal volatility: the window's mean squared AR over the estimation-window s^2", value: (r) => r.window.volatility.ratio },
    { name: "volatilityP", meaning: "its one-sided F p-value", value: (r) => r.window.volatility.p },
    { name: "cav", meaning: "the cumulative abnormal log volume over the window (Campbell & Wasley 1996); empty without volume data", value: (r) => r.window.volume.cav },
    { name: "cavT", meaning: "its t statistic", value: (r) => r.window.volume.t },
    { name: "cavP", meaning: "its two-sided p-value", value: (r) => r.window.volume.p },
    { name: "volumeDf", meaning: "the degrees of freedom of cavT", value: (r) => r.window.volume.df },
    { name: "volumeDays", meaning: "the window's days that had volume data", value: (r) => r.window.volume.days },
  ],
  *rows(run) {
    for (const row of eachEvent(run)) for (const window of row.event.windows) yield { ...row, window };
  },
});

export const abnormalReturnsTable = table<EventRow & { day: AbnormalReturnRow }>({
  name: "abnormal_returns",
  rowIs: "event and day of the event span",
  columns: [
    ...eventColumns,
    ...dayColumns,
    { name: "ar", meaning: "the abnormal return: ret minus the model's expected return", value: (r) => r.day.ar },
    { name: "sar", meaning: "the standardised abnormal return, ar / sqrt(Var(ar))", value: (r) => r.day.sar },
    { name: "av", meaning: "the abnormal log volume, ln(1 + volume) minus its estimation-window mean; empty without volume data", value: (r) => r.day.av },
  ],
  *rows(run) {
    for (const row of eachEvent(run)) for (const day of row.event.abnormalReturns) yield { ...row, day };
  },
});

export const estimationResidualsTable = table<EventRow & { day: EstimationRow }>({
  name: "estimation_residuals",
  rowIs: "event and day of its estimation window (written with --residuals)",
  columns: [
    ...eventColumns,
    ...dayColumns,
    { name: "residual", meaning: "the model's residual on that day: ret minus the model's expected return (for a factor model ret - RF - alpha - betas'factors)", value: (r) => r.day.residual },
  ],
  *rows(run) {
    if (run.estimation === undefined) return;
    for (const row of eachEvent(run)) for (const day of run.estimation(row.number - 1)) yield { ...row, day };
  },
});

/** One cross-firm statistic of one window or day and one test. */
interface AggregateRow {
  scope: "window" | "day";
  start: number;
  end: number;
  n: number;
  measure: "caar" | "aar" | "bhar" | "cav";
  value: number;
  positive: number;
  negative: number;
  test: string;
  statistic: number;
  p: number;
  testN: number;
  headline: boolean;
  r: number;
}

export const aggregateTable = table<AggregateRow>({
  name: "aggregate",
  rowIs: "window (or day of the event span) and test; multi-firm studies only",
  columns: [
    { name: "scope", meaning: "window (an event window) or day (one day of the event span)", value: (r) => r.scope },
    { name: "start", meaning: "the window's first day relative to day 0 (the day's offset on day rows)", value: (r) => r.start },
    { name: "end", meaning: "the window's last day (the day's offset on day rows)", value: (r) => r.end },
    { name: "n", meaning: "events in the cross-section", value: (r) => r.n },
    { name: "measure", meaning: "what value is: caar (mean CAR of a window), aar (mean AR of a day), bhar (mean BHAR of a window) or cav (mean cumulative abnormal log volume of a window)", value: (r) => r.measure },
    { name: "value", meaning: "the measure's value", value: (r) => r.value },
    { name: "positive", meaning: "events with a positive CAR (AR on day rows)", value: (r) => r.positive },
    { name: "negative", meaning: "events with a negative CAR (AR on day rows)", value: (r) => r.negative },
    { name: "test", meaning: "the test (a key of the result's `tests`, e.g. bmp, kolariPynnonen, corradoRank; bharSkewnessAdjustedT on bhar rows, cavCrossSectionalT on cav rows)", value: (r) => r.test },
    { name: "statistic", meaning: "the test statistic", value: (r) => r.statistic },
    { name: "p", meaning: "its two-sided p-value", value: (r) => r.p },
    { name: "testN", meaning: "events the test used", value: (r) => r.testN },
    { name: "headline", meaning: "true on the test to read first (Kolari-Pynnönen when events cluster, BMP otherwise)", value: (r) => r.headline },
    { name: "r", meaning: "the mean pairwise correlation of estimation-window residuals (Kolari-Pynnönen's r), the same on every row", value: (r) => r.r },
  ],
  *rows(run) {
    const aggregate = run.aggregate;
    if (aggregate === null) return;
    const r = aggregate.meanResidualCorrelation;
    const common = { headline: false, r };
    const testRows = function* (base: Pick<AggregateRow, "scope" | "start" | "end" | "n" | "measure" | "value" | "positive" | "negative">, tests: TestBattery) {
      for (const [test, result] of Object.entries(tests)) yield { ...base, ...common, test, statistic: result.statistic, p: result.p, testN: result.n, headline: test === aggregate.headline };
    };
    for (const w of aggregate.windows) {
      const base = { scope: "window" as const, start: w.start, end: w.end, n: w.n, positive: w.positive, negative: w.negative };
      yield* testRows({ ...base, measure: "caar", value: w.caar }, w.tests);
      const t = w.bhar.skewnessAdjustedT;
      yield { ...base, ...common, measure: "bhar", value: w.bhar.mean, test: "bharSkewnessAdjustedT", statistic: t.statistic, p: t.p, testN: t.n };
      const v = w.volume.crossSectionalT;
      yield { ...base, ...common, measure: "cav", value: w.volume.meanCav, test: "cavCrossSectionalT", statistic: v.statistic, p: v.p, testN: v.n };
    }
    for (const d of aggregate.days) yield* testRows({ scope: "day", start: d.offset, end: d.offset, n: d.n, measure: "aar", value: d.aar, positive: d.positive, negative: d.negative }, d.tests);
  },
});

/** The tables of `study --out` and `--xlsx`, in order; `estimation_residuals` only when asked for. */
export function studyTables(residuals: boolean): StudyTable[] {
  return [carsTable, abnormalReturnsTable, aggregateTable, ...(residuals ? [estimationResidualsTable] : [])];
}

/** A table's rows as records keyed by column name (for data frames). */
export function tableRecords(table: StudyTable, run: StudyRun): Record<string, CsvValue>[] {
  const records: Record<string, CsvValue>[] = [];
  for (const cells of table.cells(run)) records.push(Object.fromEntries(table.columns.map((column, c) => [column.name, cells[c]])));
  return records;
}
