import { InputError } from "../errors.js";
import type { Bound, Direction, MeasureHint, ParsedClaim } from "./checkSchema.js";

export type { Bound, Direction, MeasureHint, ParsedClaim } from "./checkSchema.js";

const DOWN = /\b(fell|fall|falls|falling|drop|drops|dropped|dropping|slid|slide|slides|sliding|slump|slumps|slumped|plunge|plunges|plunged|plummet|plummets|plummeted|plummeting|tumble|tumbles|tumbled|sank|sink|sinks|sunk|decline|declines|declined|lost|lose|loses|losing|down|lower|below|crash|crashed|shed|tanked|dived|dove|dip|dipped|retreat|retreated|slipped|slip|collapsed|sell-?off|negative)\b/g;
const UP = /\b(rose|rise|rises|rising|risen|jump|jumps|jumped|gain|gains|gained|up|higher|above|surge|surges|surged|soar|soars|soared|climb|climbs|climbed|rally|rallied|rallies|spike|spiked|advance|advanced|added|rebound|rebounded|leapt|leaped|rocketed|positive)\b/g;

const PERCENT = /(?<![\w.])([+\-]?)\s*(\d+(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b|pct\b)/g;
const BARE_NUMBER = /^\s*([+\-]?)\s*(\d+(?:\.\d+)?)\s*$/;

/**
 * Reads the claimed move out of a sentence (DESIGN section 7): the first percentage in the text, or
 * the text itself when it is a bare number ("-14"). Prices ("HK$29.30") and dates are not percentages
 * and are ignored. Direction comes from the sign, else from the nearest direction word before the
 * number (after it when there is none before). The tolerance is the claim's own rounding: "14%" matches
 * magnitudes in [13.5%, 14.5%), "10.3%" in [10.25%, 10.35%); "more than / over / at least X" matches
 * any magnitude >= X and "less than / under X" any magnitude below X.
 *
 * @example parseClaim("plummeted 14%") // { value: -0.14, direction: "down", band: [0.135, 0.145], ... }
 * @example parseClaim("closed 10.3% lower").band // [0.1025, 0.1035]
 */
export function parseClaim(text: string): ParsedClaim {
  const normalised = text.toLowerCase().replace(/[\u2212\u2013\u2014]/g, "-").replace(/\u00a0/g, " ");
  const match = PERCENT.exec(normalised) ?? BARE_NUMBER.exec(normalised);
  PERCENT.lastIndex = 0;
  if (match === null) {
    throw new InputError("invalid-claim", `cannot read a move from the claim "${text}": write its size as a percentage, e.g. "fell 14%", "rose 7.03 percent" or "-14"`);
  }
  const [whole, sign, digits] = match as unknown as [string, string, string];
  const magnitude = Number(digits) / 100;
  if (!Number.isFinite(magnitude)) throw new InputError("invalid-claim", `cannot read a move from the claim "${text}"`);
  const decimals = digits.includes(".") ? digits.length - digits.indexOf(".") - 1 : 0;
  const halfStep = 0.5 * 10 ** -decimals / 100;

  const before = normalised.slice(0, match.index);
  const after = normalised.slice(match.index + whole.length);
  const direction: Direction | null = sign === "-" ? "down" : sign === "+" ? "up" : directionFromWords(before, after);
  const bound = boundOf(before);
  const band: [number, number] =
    bound === "atLeast" ? [magnitude, Number.POSITIVE_INFINITY] : bound === "below" ? [0, magnitude] : [magnitude - halfStep, magnitude + halfStep];
  return {
    text,
    value: direction === "down" ? -magnitude : magnitude,
    direction,
    bound,
    band,
    measureHint: measureHintOf(normalised),
  };
}

function directionFromWords(before: string, after: string): Direction | null {
  const lastBefore = (pattern: RegExp) => Math.max(-1, ...[...before.matchAll(pattern)].map((m) => m.index ?? -1));
  const down = lastBefore(DOWN);
  const up = lastBefore(UP);
  if (down >= 0 || up >= 0) return down > up ? "down" : "up";
  const firstAfter = (pattern: RegExp) => [...after.matchAll(pattern)][0]?.index ?? Number.POSITIVE_INFINITY;
  const downAfter = firstAfter(DOWN);
  const upAfter = firstAfter(UP);
  if (downAfter === upAfter) return null;
  return downAfter < upAfter ? "down" : "up";
}

function boundOf(before: string): Bound {
  const lead = before.trimEnd();
  if (/\b(more than|over|at least|in excess of|upwards of|above)$/.test(lead)) return "atLeast";
  if (/\b(less than|under|fewer than|below)$/.test(lead)) return "below";
  return "rounded";
}

function measureHintOf(text: string): MeasureHint | null {
  if (/\b(as much as|intraday|intra-day|at one point|at its (lowest|highest)|session (low|high))\b/.test(text)) return "intraday";
  if (/\b(closed|closing|at the close|ended|finished|settled)\b/.test(text)) return "close";
  if (/\b(opened|opening|at the open)\b/.test(text)) return "open";
  return null;
}

/**
 * Whether a measured move (a signed fraction) matches a claim: same direction (either, when the claim
 * has none) and a magnitude inside the claim's band. A tolerance of 1e-12 absorbs binary rounding of
 * values that sit exactly on a band edge.
 *
 * @example matchesClaim(-0.1363, parseClaim("fell 14%")) // true
 */
export function matchesClaim(measure: number | null, claim: ParsedClaim): boolean {
  if (measure === null || !Number.isFinite(measure)) return false;
  if (claim.direction === "down" && !(measure < 0)) return false;
  if (claim.direction === "up" && !(measure > 0)) return false;
  const magnitude = Math.abs(measure);
  const [low, high] = claim.band;
  const epsilon = 1e-12;
  return magnitude >= low - epsilon && magnitude < high - epsilon;
}
