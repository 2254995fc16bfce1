import type { TopLevelSpec } from "vega-lite";
import type { UniverseRanking } from "../../engine/universeRankingSchema.js";
import { CHART_CONFIG, CHART_WIDTH, COLORS } from "./chartStyle.js";
import { signedPercent } from "../../format.js";
import { estimateTextWidth } from "./textWidth.js";

/** Height of one stock's row: room for a 10 px label, so that 80 and more stocks stay readable. */
const ROW_STEP = 13;
const LABEL_FONT_SIZE = 10;
/** The widest stock label, in pixels; longer names are cut with an ellipsis. */
const LABEL_LIMIT = 150;
const FIRM_LABEL_FONT_SIZE = 12;
/** Gap between the firm's dot and its return-and-rank label, and at least between that label and the axis end, in pixels. */
const FIRM_LABEL_OFFSET = 10;

/** A claimed move to mark among the universe's returns. */
export interface ClaimedMove {
  text: string;
  value: number;
}

/**
 * A stock's day among a universe: every stock's return that day as a dot on its own labelled row, sorted
 * from the biggest fall (top) to the biggest rise, the stock itself in red with its return and rank, and
 * the claimed move, if any, as a dashed line.
 */
export function universeChartSpec(symbol: string, ranking: UniverseRanking, claimed: ClaimedMove | null = null): TopLevelSpec {
  const rows = ranking.moves.map((move) => ({
    stock: move.name === undefined || move.name === move.symbol ? move.symbol : `${move.symbol} ${move.name}`,
    symbol: move.symbol,
    ret: move.ret,
  }));
  const firm = rows.find((row) => row.symbol === symbol)!;
  const { ret, ar } = ranking;
  const abnormal = ar === null ? "" : `; abnormal return ${signedPercent(ar.value)}, rank ${ar.rank} of ${ar.of}`;
  const width = CHART_WIDTH - Math.min(LABEL_LIMIT, Math.max(...rows.map((row) => estimateTextWidth(row.stock, LABEL_FONT_SIZE, true))));
  const x = { field: "ret", type: "quantitative", scale: { nice: true }, axis: { format: "%", title: "close-to-close return (%)", orient: "top", grid: true, tickCount: Math.floor(width / 70), labelSeparation: 8 } } as const;
  const y = { field: "stock", type: "nominal", sort: rows.map((row) => row.stock), axis: { title: null, labelFontSize: LABEL_FONT_SIZE, labelLimit: LABEL_LIMIT, ticks: false, labelColor: { condition: { test: `datum.value === ${JSON.stringify(firm.stock)}`, value: COLORS.highlight }, value: "#333333" }, labelFontWeight: { condition: { test: `datum.value === ${JSON.stringify(firm.stock)}`, value: "bold" }, value: "normal" } } } as const;
  const colors = (own: string, fell: string, rose: string) => ({ condition: [{ test: `datum.symbol === ${JSON.stringify(symbol)}`, value: own }, { test: "datum.ret < 0", value: fell }], value: rose });
  const firmLabel = `${signedPercent(firm.ret)}, rank ${ret.rank} of ${ret.of}`;
  const labelRight = firmLabelGoesRight(firm.ret, [0, ...rows.map((row) => row.ret), ...(claimed === null ? [] : [claimed.value])], width, estimateTextWidth(firmLabel, FIRM_LABEL_FONT_SIZE, true) + 2 * FIRM_LABEL_OFFSET);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config: CHART_CONFIG,
    width,
    height: { step: ROW_STEP },
    title: {
      text: `${symbol} among ${ranking.size} stocks on ${ranking.date}`,
      subtitle: [
        `return ${signedPercent(ret.value)}, rank ${ret.rank} of ${ret.of} (${ret.fellMore} fell more, ${ret.roseMore} rose more)${abnormal}`,
        `universe: ${ranking.universe}; market ${ranking.market}; sorted from the biggest fall`,
        ...(claimed === null ? [] : [`dashed line: the claimed move, “${claimed.text}” (${signedPercent(claimed.value, 1)})`]),
      ],
    },
    layer: [
      { data: { values: [{}] }, mark: { type: "rule", color: "#333333", strokeWidth: 1 }, encoding: { x: { datum: 0, type: "quantitative" } } },
      ...(claimed === null ? [] : [{ data: { values: [{ ret: claimed.value }] }, mark: { type: "rule", color: COLORS.claim, strokeDash: [6, 4], strokeWidth: 2 }, encoding: { x } }]),
      {
        data: { values: rows },
        layer: [
          { mark: { type: "rule", strokeWidth: 1 }, encoding: { x, x2: { datum: 0 }, y, color: colors(COLORS.highlight, "#e6b0aa", "#a9cfa4") } },
          {
            mark: { type: "point", filled: true, opacity: 1 },
            encoding: {
              x,
              y,
              size: { condition: { test: `datum.symbol === ${JSON.stringify(symbol)}`, value: 70 }, value: 30 },
              color: colors(COLORS.highlight, COLORS.fall, COLORS.rise),
            },
          },
        ],
      },
      {
        data: { values: [{ ...firm, label: firmLabel }] },
        mark: { type: "text", align: labelRight ? "left" : "right", dx: labelRight ? FIRM_LABEL_OFFSET : -FIRM_LABEL_OFFSET, fontSize: FIRM_LABEL_FONT_SIZE, color: COLORS.highlight, fontWeight: "bold" },
        encoding: { x, y, text: { field: "label" } },
      },
    ],
  } as TopLevelSpec;
}

/**
 * Whether the firm's label goes right of its dot: towards zero (into the chart) when it fits on that side
 * between the dot and the axis end, otherwise to the side with more room, so that it never runs into
 * the stock names left of the plot or out of the chart on the right. The dot's position is taken on the
 * axis as Vega draws it, the data's extent rounded outwards (`niceExtent`).
 */
function firmLabelGoesRight(value: number, values: readonly number[], width: number, labelWidth: number): boolean {
  const [lo, hi] = niceExtent(Math.min(...values), Math.max(...values));
  const x = hi === lo ? width / 2 : ((value - lo) / (hi - lo)) * width;
  const room = { left: x, right: width - x };
  const towardsZero = value < 0 ? "right" : "left";
  const side = room[towardsZero] >= labelWidth ? towardsZero : room.right >= room.left ? "right" : "left";
  return side === "right";
}

/**
 * An extent rounded outwards to multiples of a 1, 2 or 5 × 10^k step for about ten ticks, repeated until
 * the step settles: d3-scale's `linear.nice()`, which Vega applies for a scale with `nice: true`.
 */
function niceExtent(lo: number, hi: number): [number, number] {
  let previous = 0;
  for (let round = 0; round < 10 && hi > lo; round++) {
    const raw = (hi - lo) / 10;
    const power = 10 ** Math.floor(Math.log10(raw));
    const error = raw / power;
    const step = power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
    if (step === previous) break;
    [lo, hi] = [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
    previous = step;
  }
  return [lo, hi];
}
