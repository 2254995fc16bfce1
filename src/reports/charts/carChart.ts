import type { TopLevelSpec } from "vega-lite";
import type { EventResult, StudyResult } from "../../study/runStudy.js";
import { CHART_FRAME, COLORS, EVENT_DAY_LABEL_EXPR, eventDayLabel, labelledDays, subtitleLines } from "./chartStyle.js";
import { carInterval } from "./intervals.js";

const SERIES = ["daily abnormal return (AR)", "CAR from the first day", "95% band of the CAR"] as const;

/**
 * One firm's abnormal returns over the event span: the daily AR as bars, the CAR cumulated from the
 * span's first day as a line, and its 95% band `CAR(s,t) +/- t_{0.975, df} sqrt(Var(CAR(s,t)))` with the
 * prediction-error variance of each cumulative window (`event.carPath`; MacKinlay 1997, eq. (14)).
 */
export function carChartSpec(event: EventResult, study: Pick<StudyResult, "estimationWindow">): TopLevelSpec {
  const carByOffset = new Map(event.carPath.map((point) => [point.offset, point]));
  const rows = event.abnormalReturns.map((row) => {
    const point = carByOffset.get(row.offset)!;
    const { lower, upper } = carInterval(point.car, point.variance, event.df);
    return { day: eventDayLabel(row.offset, row.date), offset: row.offset, date: row.date, ar: row.ar, car: point.car, lower, upper };
  });
  const first = rows[0]!;
  const { announcement: a } = event;
  const announced = [a.date, a.time, a.timezone].filter(Boolean).join(" ");
  const x = { field: "day", type: "ordinal", sort: rows.map((row) => row.day), axis: { title: "trading day relative to day 0 (date)", values: labelledDays(rows, (row) => row.day).map((row) => row.day), labelExpr: EVENT_DAY_LABEL_EXPR, labelAngle: 0 } } as const;
  const y = (field: string) => ({ field, type: "quantitative", axis: { format: "%", title: "abnormal return (%)" } }) as const;
  const color = (series: (typeof SERIES)[number]) => ({
    datum: series,
    scale: { domain: [...SERIES], range: [COLORS.neutral, COLORS.path, COLORS.band] },
    legend: { title: null },
  });
  return {
    ...CHART_FRAME,
    title: {
      text: `${event.symbol}: abnormal returns around day 0 (${event.day0})`,
      subtitle: subtitleLines([
        `announced ${announced}; ${event.model} model vs ${event.market} on [${study.estimationWindow.join(", ")}] (${event.nEstimation} days, ${event.estimation.start} to ${event.estimation.end})`,
        `band: CAR from day ${first.offset} ± t(0.975, ${event.df} df) × √Var(CAR), prediction-error variance (MacKinlay 1997)`,
      ]),
    },
    data: { values: rows },
    layer: [
      { mark: { type: "area", opacity: 0.45 }, encoding: { x, y: y("lower"), y2: { field: "upper" }, color: color(SERIES[2]) } },
      { mark: { type: "bar", width: { band: 0.45 } }, encoding: { x, y: y("ar"), color: color(SERIES[0]) } },
      { mark: { type: "line", point: true, strokeWidth: 2.5 }, encoding: { x, y: y("car"), color: color(SERIES[1]) } },
      { data: { values: [{}] }, mark: { type: "rule", color: "#333333", strokeWidth: 1 }, encoding: { y: { datum: 0 } } },
    ],
  };
}
