import type { EventStudyOptions } from "../../src/engine/eventWindows.js";

/** The settings of the Xiaomi study (as in data/studies/xiaomi-ccmc.json), the tests' and the bench's default. */
export const XIAOMI_OPTIONS: EventStudyOptions = {
  model: "market",
  returns: "simple",
  estimationWindow: [-250, -11],
  minEstimationObservations: 100,
  eventWindows: [
    [0, 0],
    [-1, 1],
    [0, 5],
  ],
};

/** A fresh, mutable copy of the Xiaomi study's spec. */
export function xiaomiSpec(): Record<string, unknown> & { events: Record<string, unknown>[] } {
  const spec = { name: "Xiaomi CCMC listing", market: "^HSI", ...XIAOMI_OPTIONS, events: [{ symbol: "1810.HK", date: "2021-01-14", time: "15:50", timezone: "America/New_York" }] };
  return JSON.parse(JSON.stringify(spec));
}
