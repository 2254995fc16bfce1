/**
 * The one definition of a batch's per-event results as columns (typed arrays), event `k` of `count`: for
 * each column its element type and how many values it holds per event. The allocation, the worker
 * transfer and merge (`parallelBatch.ts`, `batchWorker.ts`) and the per-event JSON (`eventAnalysisAt`,
 * `carPathAt`) are derived from it.
 *
 * To add a column: one entry here, then write it in `analyseEvents` and read it at the JSON edge.
 * To add a model with K slopes: return K from `betaCount` and write the K values of `betas`.
 */
export const EVENT_COLUMNS = {
  /** The fitted model: intercept, `betaCount` slopes, residual variance `s^2`, its degrees of freedom, `L1`. */
  alpha: { type: "float", per: "event" },
  betas: { type: "float", per: "beta" },
  s2: { type: "float", per: "event" },
  df: { type: "int", per: "event" },
  nEstimation: { type: "int", per: "event" },
  /** Per day of the event span: abnormal return, standardised abnormal return, abnormal log volume (Campbell & Wasley 1996). */
  ar: { type: "float", per: "span" },
  sar: { type: "float", per: "span" },
  av: { type: "float", per: "span" },
  /** Per day `t` of the span, the cumulative window `[spanStart, t]`: CAR and its variance (the CAR path). */
  pathCar: { type: "float", per: "span" },
  pathVariance: { type: "float", per: "span" },
  /** Per event window: CAR, its variance, t and p, BHAR, the SQ test, the abnormal-volatility ratio and its p. */
  car: { type: "float", per: "window" },
  variance: { type: "float", per: "window" },
  t: { type: "float", per: "window" },
  p: { type: "float", per: "window" },
  bhar: { type: "float", per: "window" },
  sqP: { type: "float", per: "window" },
  sqQuantile: { type: "float", per: "window" },
  sqMinP: { type: "float", per: "window" },
  volatilityRatio: { type: "float", per: "window" },
  volatilityP: { type: "float", per: "window" },
  /** Per event window: cumulative abnormal log volume, its t, p and days with volume; per event the volume df. */
  cav: { type: "float", per: "window" },
  cavT: { type: "float", per: "window" },
  cavP: { type: "float", per: "window" },
  cavDays: { type: "int", per: "window" },
  volumeDf: { type: "int", per: "event" },
} as const satisfies Record<string, { type: "float" | "int"; per: "event" | "beta" | "span" | "window" }>;

export type ColumnName = keyof typeof EVENT_COLUMNS;

export const COLUMN_NAMES = Object.keys(EVENT_COLUMNS) as ColumnName[];

type ColumnArray<N extends ColumnName> = (typeof EVENT_COLUMNS)[N]["type"] extends "int" ? Int32Array : Float64Array;

/** What the widths of the columns depend on: the events' shared windows and the model's number of slopes. */
export interface BatchLayout {
  count: number;
  estimationWindow: readonly [number, number];
  windows: readonly (readonly [number, number])[];
  /** The first offset of the event span and its number of days (`eventSpan` of the windows). */
  spanStart: number;
  spanLength: number;
  betaCount: number;
}

/** A batch's results: its layout, each event's firm (index into the batch's firms) and day 0, and the columns. */
export type EventColumns = BatchLayout & { firm: Int32Array; day0: Int32Array } & { [N in ColumnName]: ColumnArray<N> };

/** The number of values column `name` holds per event. */
export function columnWidth(layout: BatchLayout, name: ColumnName): number {
  const per = EVENT_COLUMNS[name].per;
  if (per === "event") return 1;
  if (per === "beta") return layout.betaCount;
  if (per === "span") return layout.spanLength;
  return layout.windows.length;
}

/** A buffer for each column of a batch, made by `make` (an `ArrayBuffer`, or a `SharedArrayBuffer` for workers). */
export function columnBuffers<B extends ArrayBufferLike>(layout: BatchLayout, make: (bytes: number) => B): Map<ColumnName, B> {
  return new Map(COLUMN_NAMES.map((name) => [name, make(layout.count * columnWidth(layout, name) * (EVENT_COLUMNS[name].type === "int" ? 4 : 8))]));
}

/** The columns of a batch over `buffers` (new zero-filled ones by default). */
export function eventColumns(
  layout: BatchLayout,
  events: { firm: Int32Array; day0: Int32Array },
  buffers: ReadonlyMap<ColumnName, ArrayBufferLike> = columnBuffers(layout, (bytes) => new ArrayBuffer(bytes)),
): EventColumns {
  const columns = Object.fromEntries(COLUMN_NAMES.map((name) => [name, columnArray(name, buffers.get(name)!)]));
  return { ...layout, firm: events.firm, day0: events.day0, ...columns } as EventColumns;
}

/** Column `name` over `buffer`, typed by its element type. */
function columnArray(name: ColumnName, buffer: ArrayBufferLike): Float64Array | Int32Array {
  return EVENT_COLUMNS[name].type === "int" ? new Int32Array(buffer) : new Float64Array(buffer);
}

/**
 * Copies every column of `from`'s events into the columns over `to`'s buffers (a larger batch's), event
 * `k` of `from` becoming event `index[k]`.
 */
export function copyEvents(from: EventColumns, to: ReadonlyMap<ColumnName, ArrayBufferLike>, index: Int32Array): void {
  for (const name of COLUMN_NAMES) {
    const width = columnWidth(from, name);
    const source = from[name];
    const target = columnArray(name, to.get(name)!);
    for (let k = 0; k < from.count; k++) target.set(source.subarray(k * width, (k + 1) * width), index[k]! * width);
  }
}

/** Event `k`'s value `i` of column `name` (`i` below the column's width). */
export function cellOf(columns: EventColumns, name: ColumnName, k: number, i = 0): number {
  return columns[name][k * columnWidth(columns, name) + i]!;
}
