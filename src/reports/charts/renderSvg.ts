import type { TopLevelSpec } from "vega-lite";
import { estimateTextWidth } from "./textWidth.js";

/** A chart: the file stem it is written under and its Vega-Lite specification (data inline). */
export interface Chart {
  name: string;
  spec: TopLevelSpec;
}

/**
 * Renders a Vega-Lite specification to SVG in Node: compiled to Vega, then drawn by Vega's headless SVG
 * renderer (no browser, no canvas). Vega and Vega-Lite are loaded on first use. The output depends only
 * on the specification. Text is measured with `estimateTextWidth` (Vega's own guess without a canvas is
 * 0.8 em per character).
 *
 * @example
 * await renderSvg({ data: { values: [{ x: 1 }] }, mark: "point", encoding: { x: { field: "x", type: "quantitative" } } }) // "<svg ...>...</svg>"
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  (vega as unknown as { textMetrics: TextMetrics }).textMetrics.width = textItemWidth;
  const view = new vega.View(vega.parse(vegaLite.compile(spec, { logger: compileLogger(vega.logger(vega.Warn)) }).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Vega-Lite's log, less the warning it gives for every layered facet with independent scales (the forest
 * plot's): it cannot tell that the layers read the same data, which they do.
 */
function compileLogger<T extends { warn: (...args: readonly unknown[]) => T }>(logger: T): T {
  const warn = logger.warn.bind(logger);
  logger.warn = (...args) => (String(args[0]).startsWith("Detected faceted independent scales that union domain") ? logger : warn(...args));
  return logger;
}

/** The part of Vega's text measurement (`vega-scenegraph`'s `textMetrics`) that measures a line's width. */
interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

interface TextItem {
  fontSize?: number | null;
  fontWeight?: string | number | null;
}

function textItemWidth(item: TextItem, text: unknown): number {
  const line = text == null ? "" : String(text).trim();
  const bold = item.fontWeight === "bold" || (typeof item.fontWeight === "number" && item.fontWeight >= 600);
  return estimateTextWidth(line, item.fontSize == null ? 11 : Number(item.fontSize), bold);
}
