import type { TopLevelSpec } from "vega-lite";
import type { StudyResult } from "../../study/runStudy.js";
import { CHART_CONFIG, CHART_WIDTH, COLORS } from "./chartStyle.js";
import { signedPercent } from "../../format.js";
import { carInterval, crossSectionalInterval } from "./intervals.js";
import { estimateTextWidth, wrapText } from "./textWidth.js";

export interface ForestOptions {
  /** The firm to mark (its dot, interval and label in the highlight colour). */
  highlight?: string | undefined;
  /** The action of each catalog event id, for the group headers. */
  actions?: ReadonlyMap<string, string> | undefined;
}

/** Height of one firm's row. */
const ROW_STEP = 18;
const LABEL_FONT_SIZE = 12;
/** Lines of a group's header; a longer action is cut short (its id leads the header). */
const HEADER_LINES = 2;
/**
 * A header starts above its panel's plot and may run over the blank headers of the panels beside it; with
 * a single panel it must end within the plot, less this many pixels, as a bold stand-in font draws up to
 * about 5% wider than estimated.
 */
const SINGLE_PANEL_HEADER_SLACK = 32;
/** The group of events given in the spec rather than selected from the catalog. */
const SPEC_GROUP = "events given in the study spec";

/**
 * A forest plot of a multi-firm study: one panel per event window, in it each firm's CAR as a dot with
 * its 95% interval (`CAR +/- t_{0.975, df} sqrt(Var(CAR))`, MacKinlay 1997), the firms grouped by catalog
 * event and sorted by CAR within each group, and the CAAR over all firms as a line with its 95% band
 * (`CAAR +/- t_{0.975, N-1} sd/sqrt(N)`, Brown & Warner 1985). Each window has its own CAR axis.
 */
export function forestChartSpec(result: StudyResult, options: ForestOptions = {}): TopLevelSpec {
  const groupOf = (catalogId: string | undefined) => (catalogId === undefined ? SPEC_GROUP : [catalogId, options.actions?.get(catalogId)].filter(Boolean).join(" · "));
  const groups = [...new Set(result.events.map((event) => groupOf(event.catalogId)))];
  const repeated = new Set(result.events.map((event) => `${groupOf(event.catalogId)}\u0000${event.symbol}`).filter((key, k, keys) => keys.indexOf(key) !== k));
  const firmLabel = (event: StudyResult["events"][number]) => (repeated.has(`${groupOf(event.catalogId)}\u0000${event.symbol}`) ? `${event.symbol} ${event.day0}` : event.symbol);
  const windows = result.eventWindows.map(([start, end], w) => {
    const reference = crossSectionalInterval(result.events.map((event) => event.windows[w]!.car));
    return { label: `CAR[${start}, ${end}]`, reference };
  });
  const labelWidth = Math.ceil(Math.max(...result.events.map((event) => estimateTextWidth(firmLabel(event), LABEL_FONT_SIZE, true))));
  const cellWidth = Math.max(110, Math.floor(CHART_WIDTH / windows.length) - labelWidth - 16);
  const groupHeader = (group: string) => {
    const lines = wrapText(group, windows.length > 1 ? cellWidth + labelWidth : cellWidth - SINGLE_PANEL_HEADER_SLACK, LABEL_FONT_SIZE, true);
    return lines.length <= HEADER_LINES ? lines.join("|") : [...lines.slice(0, HEADER_LINES - 1), `${lines[HEADER_LINES - 1]!.replace(/.$/, "")}…`].join("|");
  };
  const firms = result.events.flatMap((event) =>
    event.windows.map((window, w) => {
      const { value, lower, upper } = carInterval(window.car, window.variance, window.df);
      const { label, reference } = windows[w]!;
      return { group: groupHeader(groupOf(event.catalogId)), window: label, firm: firmLabel(event), car: value, lower, upper, marked: event.symbol === options.highlight, caar: reference.value, caarLower: reference.lower, caarUpper: reference.upper };
    }),
  );

  const x = { type: "quantitative", scale: { zero: false, nice: true }, axis: { format: "%", title: null, tickCount: Math.max(2, Math.floor(cellWidth / 60)), labelFlush: true, labelOverlap: "greedy", labelSeparation: 6 } } as const;
  const symbol = JSON.stringify(options.highlight);
  const highlight = options.highlight === undefined ? null : `datum.value === ${symbol} || indexof(datum.value, ${symbol} + ' ') === 0`;
  const marked = (on: string, off: string) => ({ condition: { test: "datum.marked", value: on }, value: off });
  const panel = (window: (typeof windows)[number], w: number) => {
    const { reference } = window;
    const rows = firms.filter((row) => row.window === window.label);
    const y = {
      field: "firm",
      type: "nominal",
      sort: [...rows].sort((a, b) => a.car - b.car).map((row) => row.firm),
      scale: { paddingInner: 0, paddingOuter: 0.25 },
      axis: {
        title: null,
        labelFontSize: LABEL_FONT_SIZE,
        ticks: false,
        ...(highlight === null ? {} : { labelColor: { condition: { test: highlight, value: COLORS.highlight }, value: "#333333" }, labelFontWeight: { condition: { test: highlight, value: "bold" }, value: "normal" } }),
      },
    } as const;
    return {
      title: { text: [window.label, `CAAR ${signedPercent(reference.value, 1)}`, `95%: ${signedPercent(reference.lower, 1)} to ${signedPercent(reference.upper, 1)}`], fontSize: LABEL_FONT_SIZE, anchor: "middle" },
      transform: [{ filter: { field: "window", equal: window.label } }],
      facet: {
        row: {
          field: "group",
          type: "nominal",
          sort: groups.map(groupHeader),
          // The first panel names the groups; the others keep blank headers of the same height so that rows line up.
          header: { title: null, labelPadding: 2, labelAngle: 0, labelOrient: "top", labelAlign: "left", labelAnchor: "start", labelFontWeight: "bold", labelExpr: w === 0 ? "split(datum.label, '|')" : "split(replace(datum.label, regexp('[^|]+', 'g'), ' '), '|')" },
        },
      },
      spec: {
        width: cellWidth,
        height: { step: ROW_STEP },
        encoding: { y },
        layer: [
          { mark: { type: "rect", color: COLORS.band, opacity: 0.45 }, encoding: { x: { ...x, field: "caarLower" }, x2: { field: "caarUpper" } } },
          { mark: { type: "tick", color: COLORS.path, thickness: 2, size: ROW_STEP }, encoding: { x: { ...x, field: "caar" } } },
          { mark: { type: "tick", color: "#333333", thickness: 1, size: ROW_STEP }, encoding: { x: { datum: 0, type: "quantitative" } } },
          { mark: { type: "rule", strokeWidth: 1.5 }, encoding: { x: { ...x, field: "lower" }, x2: { field: "upper" }, color: marked(COLORS.highlight, "#555555") } },
          { mark: { type: "point", filled: true, size: 45, opacity: 1 }, encoding: { x: { ...x, field: "car" }, color: marked(COLORS.highlight, "#222222") } },
        ],
      },
      resolve: { scale: { y: "independent" } },
      spacing: 6,
    };
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config: { ...CHART_CONFIG, header: { labelFontSize: LABEL_FONT_SIZE } },
    title: {
      text: `Each firm's CAR with its 95% interval, ${result.events.length} events`,
      subtitle: [
        result.name,
        `dot and whisker: the firm's CAR ± t(0.975, df) × √Var(CAR) (prediction-error variance, MacKinlay 1997)`,
        `line and band: the CAAR of all ${result.events.length} firms ± t(0.975, ${result.events.length - 1} df) × sd/√N (Brown & Warner 1985)${options.highlight === undefined ? "" : `; ${options.highlight} in red`}`,
      ],
    },
    data: { values: firms },
    hconcat: windows.map(panel),
    resolve: { scale: { x: "independent" } },
    spacing: 16,
  } as TopLevelSpec;
}
