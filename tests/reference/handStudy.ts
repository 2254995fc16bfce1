import { ols, pearson } from "../helpers/ols.js";
import { priceRows, type Row } from "../helpers/priceTruth.js";
import { fSurvivalReference, twoSidedTReference } from "./highPrecision.js";

/**
 * A small market-model study of three HK firms against the Hang Seng Index worked out by hand from the bundled
 * price files (plain splits, a plain-loop OLS, the high-precision reference tails), independently of src/: every
 * figure of cars.csv, abnormal_returns.csv and estimation_residuals.csv, and the inputs of the cross-firm tests.
 */

export const ESTIMATION: [number, number] = [-250, -11];
export const WINDOWS: [number, number][] = [
  [0, 0],
  [-1, 1],
];
export const EVENTS = [
  { symbol: "1810.HK", date: "2021-01-14", time: "15:50", timezone: "America/New_York", day0: "2021-01-15" },
  { symbol: "0981.HK", date: "2020-12-04", day0: "2020-12-04" },
  { symbol: "0941.HK", date: "2020-06-26", day0: "2020-06-26" },
];
export const HAND_STUDY_SPEC = {
  name: "three HK firms",
  market: "^HSI",
  model: "market",
  returns: "simple",
  estimationWindow: ESTIMATION,
  minEstimationObservations: 100,
  eventWindows: WINDOWS,
  events: EVENTS.map(({ day0: _, ...event }) => event),
};
export const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
export const sd = (xs: readonly number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};

/** One event worked out from the price files: the joined days, the fit, and each window's and day's figures. */
export function handEvent(event: (typeof EVENTS)[number], windows: readonly [number, number][] = WINDOWS) {
  const market = new Map(priceRows("INDEX_HSI").map((row) => [row.date, row]));
  const days = priceRows(event.symbol)
    .filter((row) => market.has(row.date))
    .map((row) => ({ firm: row, market: market.get(row.date)! }));
  const ret = (k: number) => days[k]!.firm.adj / days[k - 1]!.firm.adj - 1;
  const marketRet = (k: number) => days[k]!.market.adj / days[k - 1]!.market.adj - 1;
  const d0 = days.findIndex((day) => day.firm.date === event.day0);
  const first = Math.max(1, d0 + ESTIMATION[0]);
  const estimation = Array.from({ length: d0 + ESTIMATION[1] - first + 1 }, (_, i) => first + i);
  const fit = ols(
    estimation.map(ret),
    estimation.map(marketRet),
  );
  const n = estimation.length;
  const ar = (k: number) => ret(k) - fit.alpha - fit.beta * marketRet(k);
  const logVolume = (row: Row) => (row.volume > 0 ? Math.log(1 + row.volume) : Number.NaN);
  const estimationLogs = estimation.map((k) => logVolume(days[k]!.firm)).filter((v) => !Number.isNaN(v));
  const volumeMean = mean(estimationLogs);
  const av = (k: number) => logVolume(days[k]!.firm) - volumeMean;
  const variance = (offsets: number[]) => {
    const l2 = offsets.length;
    const sumRm = offsets.reduce((a, o) => a + marketRet(d0 + o), 0);
    return fit.s2 * (l2 + (l2 * l2) / n + (sumRm - l2 * fit.mx) ** 2 / fit.sxx);
  };
  const windowFigures = windows.map(([start, end]) => {
    const offsets = Array.from({ length: end - start + 1 }, (_, i) => start + i);
    const car = offsets.reduce((a, o) => a + ar(d0 + o), 0);
    const v = variance(offsets);
    const t = car / Math.sqrt(v);
    const l2 = offsets.length;
    const sums = Array.from({ length: n - l2 + 1 }, (_, j) => fit.residuals.slice(j, j + l2).reduce((a, b) => a + b, 0));
    const m = sums.length;
    const atOrBelow = sums.filter((s) => s <= car).length;
    const atOrAbove = sums.filter((s) => s >= car).length;
    const ratio = mean(offsets.map((o) => ar(d0 + o) ** 2)) / fit.s2;
    const volumes = offsets.map((o) => av(d0 + o)).filter((x) => !Number.isNaN(x));
    const cav = volumes.reduce((a, b) => a + b, 0);
    const cavT = cav / (sd(estimationLogs) * Math.sqrt(volumes.length));
    return {
      start,
      end,
      startDate: days[d0 + start]!.firm.date,
      endDate: days[d0 + end]!.firm.date,
      car,
      variance: v,
      t,
      p: twoSidedTReference(t, n - 2),
      bhar: offsets.reduce((a, o) => a * (1 + ret(d0 + o)), 1) - offsets.reduce((a, o) => a * (1 + fit.alpha + fit.beta * marketRet(d0 + o)), 1),
      sqP: Math.min(1, (2 * (1 + Math.min(atOrBelow, atOrAbove))) / (m + 1)),
      sqQuantile: sums.filter((s) => s < car).length / m,
      sqMinP: 2 / (m + 1),
      volatilityRatio: ratio,
      volatilityP: fSurvivalReference(ratio, l2, n - 2),
      cav,
      cavT,
      cavP: twoSidedTReference(cavT, estimationLogs.length - 1),
      volumeDf: estimationLogs.length - 1,
      volumeDays: volumes.length,
      scar: t,
    };
  });
  const span = [Math.min(...windows.map(([s]) => s)), Math.max(...windows.map(([, e]) => e))];
  const spanDays = Array.from({ length: span[1]! - span[0]! + 1 }, (_, i) => span[0]! + i).map((offset) => {
    const k = d0 + offset;
    return { offset, date: days[k]!.firm.date, ret: ret(k), marketRet: marketRet(k), ar: ar(k), sar: ar(k) / Math.sqrt(variance([offset])), av: av(k) };
  });
  const residuals = estimation.map((k, i) => ({ offset: k - d0, date: days[k]!.firm.date, ret: ret(k), marketRet: marketRet(k), residual: fit.residuals[i]! }));
  return {
    common: {
      symbol: event.symbol,
      market: "^HSI",
      catalogId: undefined,
      announcementDate: event.date,
      announcementTime: event.time,
      announcementTimezone: event.timezone,
      day0: event.day0,
      model: "market",
      alpha: fit.alpha,
      beta: fit.beta,
      // A market-model study: the factor models' slope columns are empty.
      betaMktRF: undefined,
      betaSMB: undefined,
      betaHML: undefined,
      betaMom: undefined,
      betaRMW: undefined,
      betaCMA: undefined,
      sigma: Math.sqrt(fit.s2),
      nEstimation: n,
      df: n - 2,
      estimationStart: days[first]!.firm.date,
      estimationEnd: days[d0 + ESTIMATION[1]]!.firm.date,
    },
    windows: windowFigures,
    spanDays,
    residuals,
  };
}

export const HAND_EVENTS = EVENTS.map((event) => handEvent(event));

/**
 * Kolari & Pynnönen's (2010) `r` of the hand events: the Pearson correlation of each pair's residuals over the dates
 * both have, averaged over the pairs.
 */
export const HAND_RESIDUAL_CORRELATION = (() => {
  const byDate = HAND_EVENTS.map((event) => new Map(event.residuals.map((day) => [day.date, day.residual] as const)));
  const correlations: number[] = [];
  for (let i = 0; i < byDate.length; i++) {
    for (let j = i + 1; j < byDate.length; j++) {
      const common = [...byDate[i]!.keys()].filter((date) => byDate[j]!.has(date));
      correlations.push(pearson(common.map((date) => byDate[i]!.get(date)!), common.map((date) => byDate[j]!.get(date)!)));
    }
  }
  return mean(correlations);
})();
