import type { TopLevelSpec } from "vega-lite";
import type { UniverseRanking } from "../../study/universeRanking.js";
import { CHART_CONFIG, CHART_WIDTH, COLORS, signedPercent } from "./chartStyle.js";
import { estimateTextWidth } from "./textWidth.js";

/** Height of one stock's row: room for a 10 px label, so that 80 and more stocks stay readable. */
const ROW_STEP = 13;
const LABEL_FONT_SIZE = 10;
/** The widest stock label, in pixels; longer names are cut with an ellipsis. */
const LABEL_LIMIT = 150;

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
        mark: { type: "text", align: firm.ret < 0 ? "left" : "right", dx: firm.ret < 0 ? 10 : -10, fontSize: 12, color: COLORS.highlight, fontWeight: "bold" },
        encoding: { x, y, text: { field: "label" } },
      },
    ],
  } as TopLevelSpec;
}
