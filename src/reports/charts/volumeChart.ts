import type { TopLevelSpec } from "vega-lite";
import type { EventResult } from "../../study/runStudy.js";
import { CHART_FRAME, COLORS, EVENT_DAY_LABEL_EXPR, eventDayLabel, labelledDays, subtitleLines } from "./chartStyle.js";

/** The companion chart sits under the CAR chart: the same width and event-day axis, half the height. */
const VOLUME_CHART_HEIGHT = CHART_FRAME.height / 2;

/**
 * The CAR chart's companion: one firm's abnormal log volume by day of the event span as bars,
 * `AV_t = ln(1 + volume_t) - mean_est ln(1 + volume)` (Campbell & Wasley 1996; `abnormalReturns[].av`), above zero
 * when more shares traded than usual. Days without volume data have no bar and are counted in the subtitle; the
 * subtitle gives each window's CAV with its t.
 */
export function volumeChartSpec(event: EventResult): TopLevelSpec {
  const days = event.abnormalReturns.map((row) => ({ day: eventDayLabel(row.offset, row.date), offset: row.offset, date: row.date, av: row.av }));
  const bars = days.filter((day) => Number.isFinite(day.av));
  const missing = days.length - bars.length;
  const x = { field: "day", type: "ordinal", sort: days.map((day) => day.day), scale: { domain: days.map((day) => day.day) }, axis: { title: "trading day relative to day 0 (date)", values: labelledDays(days, (day) => day.day).map((day) => day.day), labelExpr: EVENT_DAY_LABEL_EXPR, labelAngle: 0 } } as const;
  const windows = event.windows.map((w) => `[${w.start}, ${w.end}] CAV ${Number.isFinite(w.volume.cav) ? `${w.volume.cav.toFixed(2)} (t ${w.volume.t.toFixed(2)})` : "n/a"}`);
  return {
    ...CHART_FRAME,
    height: VOLUME_CHART_HEIGHT,
    title: {
      text: `${event.symbol}: abnormal trading volume around day 0 (${event.day0})`,
      subtitle: subtitleLines([
        `ln(1 + volume) less its mean over the estimation window (Campbell & Wasley 1996); e^AV is the day's volume over the usual${missing > 0 ? `; ${missing} day(s) without volume data` : ""}`,
        windows.join("; "),
      ]),
    },
    data: { values: bars },
    layer: [
      {
        mark: { type: "bar", width: { band: 0.45 } },
        encoding: {
          x,
          y: { field: "av", type: "quantitative", axis: { title: "abnormal log volume", format: ".1f" } },
          color: { condition: { test: "datum.av < 0", value: COLORS.neutral }, value: COLORS.path },
        },
      },
      { data: { values: [{}] }, mark: { type: "rule", color: "#333333", strokeWidth: 1 }, encoding: { y: { datum: 0 } } },
    ],
  };
}
