import type { TopLevelSpec } from "vega-lite";
import type { ClaimCheck } from "../../claims/checkClaim.js";
import { CHART_CONFIG, CHART_WIDTH, COLORS } from "./chartStyle.js";
import { magnitude, signedPercent } from "../../format.js";

const PANEL_HEIGHT = 260;

/**
 * The claim day in two panels: the price path around the date (each session's low-high range and close)
 * with the previous close, the claimed move's price level and the actual close and intraday extreme
 * marked; below it the histogram of the stock's daily close-to-close returns on file with the date's
 * return (and the claimed move) marked.
 */
export function claimDayChartSpec(check: ClaimCheck): TopLevelSpec {
  const { prices, measures } = check;
  const claim = check.claim?.kind === "move" ? check.claim : null;
  const date = { field: "date", type: "temporal", timeUnit: "utcyearmonthdate", axis: { title: "date (trading sessions)", format: "%-d %b %Y", labelAngle: 0, labelSeparation: 16 } } as const;
  const price = { type: "quantitative", scale: { zero: false, padding: 24 }, axis: { title: "price (local currency)" } } as const;
  const extreme = claim?.direction === "up" || (claim === null && measures.closeToClose > 0) ? { label: "high", value: measures.intradayHigh, price: prices.high } : { label: "low", value: measures.intradayLow, price: prices.low };
  const close = `close ${signedPercent(measures.closeToClose)}`;
  const actual =
    extreme.value === null
      ? [{ date: check.date, price: prices.close, label: `${close} (${prices.close})` }]
      : extreme.price === prices.close
        ? [{ date: check.date, price: prices.close, label: `${close} = intraday ${extreme.label} ${signedPercent(extreme.value)} (${prices.close})` }]
        : [
            { date: check.date, price: prices.close, label: `${close} (${prices.close})` },
            { date: check.date, price: extreme.price, label: `intraday ${extreme.label} ${signedPercent(extreme.value)} (${extreme.price})` },
          ];
  const lastDate = check.pricePath[check.pricePath.length - 1]!.date;
  const claimedPrice = claim === null ? null : prices.previousClose * (1 + claim.value);
  const claimAbove = claimedPrice !== null && claimedPrice > prices.previousClose;
  const pricePanel = {
    title: { text: "Price path around the date", fontSize: 13 },
    width: CHART_WIDTH,
    height: PANEL_HEIGHT,
    layer: [
      { data: { values: check.pricePath }, mark: { type: "rule", color: "#b3b3b3", strokeWidth: 3 }, encoding: { x: date, y: { ...price, field: "low" }, y2: { field: "high" } } },
      { data: { values: check.pricePath }, mark: { type: "line", color: COLORS.path, point: { color: COLORS.path, size: 25 } }, encoding: { x: date, y: { ...price, field: "close" } } },
      {
        data: { values: [{ date: lastDate, price: prices.previousClose, label: `previous close ${prices.previousClose} (${check.previousDate})` }] },
        layer: [
          { mark: { type: "rule", color: "#555555", strokeDash: [2, 3] }, encoding: { y: { ...price, field: "price" } } },
          { mark: { type: "text", align: "right", dy: claimAbove ? 14 : -8, fontSize: 12 }, encoding: { x: date, y: { ...price, field: "price" }, text: { field: "label" } } },
        ],
      },
      ...(claimedPrice === null
        ? []
        : [
            {
              data: { values: [{ date: lastDate, price: claimedPrice, label: `claimed "${claim!.text}": ${signedPercent(claim!.value, 1)} → ${claimedPrice.toPrecision(4)}` }] },
              layer: [
                { mark: { type: "rule", color: COLORS.claim, strokeDash: [6, 4], strokeWidth: 2 }, encoding: { y: { ...price, field: "price" } } },
                { mark: { type: "text", align: "right", dy: claimAbove ? -8 : 12, fontSize: 12, color: COLORS.claim }, encoding: { x: date, y: { ...price, field: "price" }, text: { field: "label" } } },
              ],
            },
          ]),
      {
        data: { values: actual },
        layer: [
          { mark: { type: "point", filled: true, size: 70, color: COLORS.highlight }, encoding: { x: date, y: { ...price, field: "price" } } },
          { mark: { type: "text", align: "right", baseline: "bottom", dx: -8, dy: -2, fontSize: 12, color: COLORS.highlight }, encoding: { x: date, y: { ...price, field: "price" }, text: { field: "label" } } },
        ],
      },
    ],
  };

  const returnAxis = { type: "quantitative", axis: { title: "daily close-to-close return (%)", format: "%", labelSeparation: 10 } } as const;
  const rank = `${magnitude(measures.percentile, 1)} of the other ${check.historyDays} days were lower`;
  const histogramPanel = {
    title: { text: `Every daily return of ${check.symbol} on file (${check.dailyReturns.length} days, ${check.dailyReturns[0]!.date} to ${check.dailyReturns[check.dailyReturns.length - 1]!.date})`, fontSize: 13 },
    width: CHART_WIDTH,
    height: PANEL_HEIGHT - 60,
    layer: [
      {
        data: { values: check.dailyReturns },
        transform: [
          { bin: { step: 0.005, anchor: 0 }, field: "ret", as: ["binStart", "binEnd"] },
          { aggregate: [{ op: "count", as: "days" }], groupby: ["binStart", "binEnd"] },
        ],
        mark: { type: "bar", color: COLORS.neutral, binSpacing: 1 },
        encoding: { x: { ...returnAxis, field: "binStart" }, x2: { field: "binEnd" }, y: { field: "days", type: "quantitative", axis: { title: "number of days (bins of 0.5%)" } }, y2: { datum: 0 } },
      },
      {
        data: { values: [{ ret: measures.closeToClose, label: `${check.date}: ${signedPercent(measures.closeToClose)} (${rank})` }] },
        layer: [
          { mark: { type: "rule", color: COLORS.highlight, strokeWidth: 2 }, encoding: { x: { ...returnAxis, field: "ret" } } },
          { mark: { type: "text", ...besideRule(measures.closeToClose), y: 10, fontSize: 12, color: COLORS.highlight }, encoding: { x: { ...returnAxis, field: "ret" }, text: { field: "label" } } },
        ],
      },
      ...(claim === null
        ? []
        : [
            {
              data: { values: [{ ret: claim.value, label: `claimed ${signedPercent(claim.value, 1)}` }] },
              layer: [
                { mark: { type: "rule", color: COLORS.claim, strokeDash: [6, 4], strokeWidth: 2 }, encoding: { x: { ...returnAxis, field: "ret" } } },
                { mark: { type: "text", ...besideRule(claim.value), y: 28, fontSize: 12, color: COLORS.claim }, encoding: { x: { ...returnAxis, field: "ret" }, text: { field: "label" } } },
              ],
            },
          ]),
    ],
  };

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config: CHART_CONFIG,
    title: {
      text: `${check.symbol} on ${check.date}${claim === null ? "" : `: “${claim.text}”`}`,
      subtitle: `close-to-close ${signedPercent(measures.closeToClose)} against the previous close of ${prices.previousClose} (${check.previousDate}); market ${check.market} ${signedPercent(measures.marketReturn)}`,
    },
    vconcat: [pricePanel, histogramPanel],
    resolve: { scale: { x: "independent", y: "independent" } },
  } as TopLevelSpec;
}

/** A label beside a vertical rule, on the side towards the middle of a return axis (left of rises, right of falls). */
function besideRule(value: number): { align: "left" | "right"; dx: number } {
  return value > 0 ? { align: "right", dx: -6 } : { align: "left", dx: 6 };
}
