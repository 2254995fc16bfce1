import type { TopLevelSpec } from "vega-lite";
import type { UniverseRanking } from "../../study/universeRanking.js";
import { CHART_FRAME, COLORS, signedPercent } from "./chartStyle.js";

/**
 * A stock's day among a universe: every stock's return that day as a bar, sorted from the biggest fall
 * to the biggest rise, the stock's own bar highlighted and labelled with its rank.
 */
export function universeChartSpec(symbol: string, ranking: UniverseRanking): TopLevelSpec {
  const rows = ranking.moves.map((move, k) => ({
    position: k + 1,
    symbol: move.symbol,
    name: move.name ?? move.symbol,
    ret: move.ret,
    group: move.symbol === symbol ? symbol : move.ret < 0 ? "fell" : "rose or unchanged",
  }));
  const firm = rows.find((row) => row.symbol === symbol)!;
  const { ret, ar } = ranking;
  const abnormal = ar === null ? "" : `; abnormal return ${signedPercent(ar.value)}, rank ${ar.rank} of ${ar.of}`;
  const x = { field: "position", type: "ordinal", axis: { title: `${ranking.size} stocks sorted by the day's return (1 = biggest fall)`, labels: false, ticks: false } } as const;
  const y = { field: "ret", type: "quantitative", axis: { format: "%", title: "close-to-close return (%)" } } as const;
  return {
    ...CHART_FRAME,
    title: {
      text: `${symbol} among ${ranking.size} stocks on ${ranking.date}`,
      subtitle: [`return ${signedPercent(ret.value)}, rank ${ret.rank} of ${ret.of} (${ret.fellMore} fell more, ${ret.roseMore} rose more)${abnormal}`, `universe: ${ranking.universe}; market ${ranking.market}`],
    },
    layer: [
      {
        data: { values: rows },
        mark: { type: "bar" },
        encoding: {
          x,
          y,
          color: { field: "group", type: "nominal", scale: { domain: [symbol, "fell", "rose or unchanged"], range: [COLORS.highlight, "#e6b0aa", "#a9cfa4"] }, legend: { title: null } },
        },
      },
      {
        data: { values: [{ ...firm, label: `${firm.name === firm.symbol ? symbol : `${symbol} ${firm.name}`} ${signedPercent(firm.ret)}` }] },
        mark: { type: "text", align: "left", dx: 8, dy: firm.ret < 0 ? 0 : -8, fontSize: 12, color: COLORS.highlight, fontWeight: "bold" },
        encoding: { x, y, text: { field: "label" } },
      },
      { data: { values: [{}] }, mark: { type: "rule", color: "#333333", strokeWidth: 1 }, encoding: { y: { datum: 0 } } },
    ],
  };
}
