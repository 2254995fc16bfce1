import { mean } from "simple-statistics";
import type { TopLevelSpec } from "vega-lite";
import type { StudyResult } from "../../study/runStudy.js";
import { CHART_FRAME, COLORS, labelledDays } from "./chartStyle.js";
import { crossSectionalInterval } from "./intervals.js";

const SERIES = ["each firm's CAR", "average abnormal return (AAR)", "CAAR from the first day", "95% band of the CAAR"] as const;

/**
 * A multi-firm study's average abnormal returns in event time: the AAR of each day as bars, the CAAR
 * cumulated from the span's first day as a line with its 95% band `CAAR_t +/- t_{0.975, N-1} sd_i(CAR_i(s,t))/sqrt(N)`
 * (the cross-sectional standard error, Brown & Warner 1985), and each firm's CAR path as a thin line.
 */
export function caarChartSpec(result: StudyResult): TopLevelSpec {
  const offsets = result.events[0]!.carPath.map((point) => point.offset);
  const firms = result.events.flatMap((event) =>
    event.carPath.map((point) => ({ offset: point.offset, firm: `${event.symbol} ${event.day0}`, car: point.car })),
  );
  const days = offsets.map((offset) => {
    const cars = result.events.map((event) => event.carPath.find((point) => point.offset === offset)!.car);
    const { value: caar, lower, upper } = crossSectionalInterval(cars);
    const aar = mean(result.events.map((event) => event.abnormalReturns.find((row) => row.offset === offset)!.ar));
    return { offset, n: cars.length, aar, caar, lower, upper };
  });
  const n = result.events.length;
  const x = { field: "offset", type: "ordinal", sort: offsets, axis: { title: "trading day relative to each firm's day 0", values: labelledDays(days, (day) => String(day.offset)).map((day) => day.offset), labelAngle: 0 } } as const;
  const y = (field: string) => ({ field, type: "quantitative", axis: { format: "%", title: "abnormal return (%)" } }) as const;
  const color = (series: (typeof SERIES)[number]) => ({
    datum: series,
    scale: { domain: [...SERIES], range: [COLORS.neutral, "#5b5b5b", COLORS.path, COLORS.band] },
    legend: { title: null },
  });
  return {
    ...CHART_FRAME,
    title: {
      text: `Average abnormal returns of ${n} events`,
      subtitle: [
        result.name,
        `${result.model} model on [${result.estimationWindow.join(", ")}]; CAAR cumulated from day ${offsets[0]}`,
        `band: CAAR ± t(0.975, ${n - 1} df) × cross-sectional standard error of the CARs, sd/√N (Brown & Warner 1985)`,
      ],
    },
    layer: [
      { data: { values: days }, mark: { type: "area", opacity: 0.45 }, encoding: { x, y: y("lower"), y2: { field: "upper" }, color: color(SERIES[3]) } },
      {
        data: { values: firms },
        mark: { type: "line", strokeWidth: 1, opacity: 0.5 },
        encoding: { x, y: y("car"), detail: { field: "firm", type: "nominal" }, color: color(SERIES[0]) },
      },
      { data: { values: days }, mark: { type: "bar", width: { band: 0.45 } }, encoding: { x, y: y("aar"), color: color(SERIES[1]) } },
      { data: { values: days }, mark: { type: "line", point: true, strokeWidth: 3 }, encoding: { x, y: y("caar"), color: color(SERIES[2]) } },
      { data: { values: [{}] }, mark: { type: "rule", color: "#333333", strokeWidth: 1 }, encoding: { y: { datum: 0 } } },
    ],
  };
}
