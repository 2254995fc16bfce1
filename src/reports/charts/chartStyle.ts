import type { Config } from "vega-lite";
import { estimateTextWidth, wrapText } from "./textWidth.js";

/** The width of a chart's plotting area: with axes and legend a chart stays under 800 px. */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 320;

export const COLORS = {
  fall: "#c0392b",
  rise: "#2e7d32",
  path: "#1f4e79",
  band: "#9ecae1",
  neutral: "#8c8c8c",
  claim: "#e67e22",
  highlight: "#c0392b",
} as const;

const AXIS_LABEL_FONT_SIZE = 12;
const SUBTITLE_FONT_SIZE = 12;

/** Shared look: readable font sizes at 800 px, titles left-aligned, white background (the SVG prints as shown). */
export const CHART_CONFIG: Config = {
  background: "white",
  font: "Helvetica, Arial, sans-serif",
  padding: 8,
  title: { anchor: "start", fontSize: 16, subtitleFontSize: SUBTITLE_FONT_SIZE, subtitleColor: "#444444", offset: 12 },
  axis: { labelFontSize: AXIS_LABEL_FONT_SIZE, titleFontSize: 12, titleFontWeight: "normal", gridColor: "#e6e6e6" },
  legend: { labelFontSize: 12, titleFontSize: 12, labelLimit: 400, orient: "bottom", direction: "horizontal", columns: 2, columnPadding: 24, symbolType: "square", symbolOpacity: 1 },
  view: { stroke: null },
};

/** What every single-view chart starts with: the Vega-Lite schema, the shared look and the plotting size. */
export const CHART_FRAME: { readonly $schema: string; readonly config: Config; readonly width: number; readonly height: number } = {
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  config: CHART_CONFIG,
  width: CHART_WIDTH,
  height: CHART_HEIGHT,
};

/** A title's subtitle lines, each broken at spaces to fit the plotting width so that none runs out of the chart. */
export function subtitleLines(lines: readonly string[], width = CHART_WIDTH): string[] {
  return lines.flatMap((line) => wrapText(line, width, SUBTITLE_FONT_SIZE));
}

/** A day of event time with its date, as an axis label: offset and date on two lines. */
export function eventDayLabel(offset: number, date: string): string {
  return `${offset > 0 ? "+" : ""}${offset}|${date}`;
}

/**
 * The days of an event-time axis that get a label so that labels never run together: all of them when
 * there is room, otherwise day 0 and every k-th day from it (k the fewest days a label needs).
 */
export function labelledDays<T extends { offset: number }>(days: readonly T[], label: (day: T) => string, width = CHART_WIDTH): T[] {
  const widest = Math.max(...days.flatMap((day) => label(day).split("|").map((line) => estimateTextWidth(line, AXIS_LABEL_FONT_SIZE))));
  const step = Math.max(1, Math.ceil(((widest + 10) * days.length) / width));
  return days.filter((day) => day.offset % step === 0);
}

/** Vega expression that splits `eventDayLabel` labels into their two lines. */
export const EVENT_DAY_LABEL_EXPR = "split(datum.label, '|')";
