import type { ModelName } from "../models/expectedReturnModel.js";
import type { ReturnKind } from "../returns/returns.js";

/** What a study (or a check) asks of each event: the model, the return type and the windows, in trading days from day 0. */
export interface EventStudyOptions {
  model: ModelName;
  returns: ReturnKind;
  estimationWindow: readonly [number, number];
  minEstimationObservations: number;
  eventWindows: readonly (readonly [number, number])[];
}

/** The first and last offsets covered by the event windows. */
export function eventSpan(eventWindows: readonly (readonly [number, number])[]): [number, number] {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const [s, e] of eventWindows) {
    start = Math.min(start, s);
    end = Math.max(end, e);
  }
  return [start, end];
}

/** Estimation-window indices of an event at `day0`, cut at the first return. */
export function estimationRange(day0: number, estimationWindow: readonly [number, number]): [number, number] {
  return [Math.max(1, day0 + estimationWindow[0]), day0 + estimationWindow[1]];
}

/** Why the data cannot support an event at `day0` (too short an estimation window, windows past the data), or null. */
export function eventProblem(symbol: string, dates: readonly string[], day0: number, options: EventStudyOptions): string | null {
  const [first, last] = estimationRange(day0, options.estimationWindow);
  const nEstimation = Math.max(0, last - first + 1);
  if (nEstimation < options.minEstimationObservations) {
    return `${symbol}: only ${nEstimation} estimation observations in [${options.estimationWindow.join(", ")}] before day 0 ${dates[day0]} (prices start ${dates[0]}); at least ${options.minEstimationObservations} needed`;
  }
  const [spanStart, spanEnd] = eventSpan(options.eventWindows);
  if (day0 + spanEnd >= dates.length) return `${symbol}: event window ends ${spanEnd} trading days after day 0 ${dates[day0]}, but the prices end ${dates[dates.length - 1]}`;
  if (day0 + spanStart < 1) return `${symbol}: event window starts ${-spanStart} trading days before day 0 ${dates[day0]}, before the prices start`;
  return null;
}
