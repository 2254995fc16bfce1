import { InputError } from "../errors.js";
import type { Bound, Direction, MeasureHint, MoveClaim, ParsedClaim, PriceClaim, RecordClaim, Span } from "./checkSchema.js";
import { MAX_CLAIM_LENGTH, normaliseClaimText, tokenize, type Token } from "./claimText.js";
import { datePeriodAt, yearsBefore } from "./textDates.js";
import {
  AT_LEAST_PHRASES,
  BELOW_PHRASES,
  FALL_WORDS,
  FRACTION_WORDS,
  MARKET_VALUE_WORDS,
  MONEY_SCALES,
  NUMBER_WORDS,
  RISE_WORDS,
  SIZE_VERBS,
} from "./vocabulary.js";

export type { Bound, Direction, MeasureHint, ParsedClaim } from "./checkSchema.js";

/**
 * A claim's text read as tokens, with what every claim in it shares precomputed in one pass: the
 * nearest direction word before and after each token, so reading any number of claims stays linear.
 */
export class ClaimReader {
  readonly tokens: Token[];
  private readonly lastDirectionBefore: Int32Array;
  private readonly firstDirectionAfter: Int32Array;

  constructor(readonly text: string) {
    this.tokens = tokenize(text);
    const n = this.tokens.length;
    this.lastDirectionBefore = new Int32Array(n + 1).fill(-1);
    this.firstDirectionAfter = new Int32Array(n + 1).fill(n);
    for (let i = 0; i < n; i++) this.lastDirectionBefore[i + 1] = directionOfWord(this.tokens[i]!) === null ? this.lastDirectionBefore[i]! : i;
    for (let i = n - 1; i >= 0; i--) this.firstDirectionAfter[i] = directionOfWord(this.tokens[i]!) === null ? this.firstDirectionAfter[i + 1]! : i;
  }

  /** The lower-case text of token `i` ("" past either end). */
  private word(i: number): string {
    return this.tokens[i]?.text ?? "";
  }

  private phraseEndsAt(end: number, phrase: readonly string[], from: number): boolean {
    const start = end - phrase.length;
    if (start < from) return false;
    return phrase.every((w, k) => this.word(start + k) === w);
  }

  private phraseAt(i: number, phrase: readonly string[]): boolean {
    return phrase.every((w, k) => this.word(i + k) === w);
  }

  /** The direction of the claim whose size is at token `i` in the clause `[from, to)`: the nearest direction word before it, else after it. */
  private directionAround(i: number, from: number, to: number): Direction | null {
    const before = this.lastDirectionBefore[i]!;
    if (before >= from) return directionOfWord(this.tokens[before]!);
    const after = this.firstDirectionAfter[i + 1]!;
    return after < to ? directionOfWord(this.tokens[after]!) : null;
  }

  private boundBefore(i: number, from: number): Bound {
    const end = this.word(i - 1) === "by" ? i - 1 : i;
    if (AT_LEAST_PHRASES.some((phrase) => this.phraseEndsAt(end, phrase, from))) return "atLeast";
    if (BELOW_PHRASES.some((phrase) => this.phraseEndsAt(end, phrase, from))) return "below";
    return "rounded";
  }

  /** A per-cent unit at token `j`: its kind and how many tokens it takes. */
  private unitAt(j: number): { unit: MoveClaim["unit"]; length: number } | null {
    const w = this.word(j);
    if (w === "%" || w === "pc" || w === "pct" || w === "percent" || w === "per-cent") return { unit: "percent", length: 1 };
    if (w === "per" && this.word(j + 1) === "cent") return { unit: "percent", length: 2 };
    if (w === "pp" || w === "ppt" || w === "ppts" || w === "percentage-point" || w === "percentage-points") return { unit: "percentagePoints", length: 1 };
    if (w === "percentage" && (this.word(j + 1) === "point" || this.word(j + 1) === "points")) return { unit: "percentagePoints", length: 2 };
    return null;
  }

  /** A size at token `i`: a number, a number word ("ten") or a fraction ("a tenth", "two-thirds"), with the band its wording gives. */
  private sizeAt(i: number): { value: number; halfStep: number; length: number; isFraction: boolean } | null {
    const t = this.tokens[i];
    if (t === undefined) return null;
    if (t.kind === "number") return { value: t.value, halfStep: 0.5 * 10 ** -t.decimals, length: 1, isFraction: false };
    if (t.kind !== "word") return null;
    const fraction = FRACTION_WORDS.get(t.text);
    if (fraction !== undefined) return { value: fraction * 100, halfStep: 0.5, length: 1, isFraction: true };
    if ((t.text === "a" || t.text === "one") && FRACTION_WORDS.has(this.word(i + 1))) return { value: FRACTION_WORDS.get(this.word(i + 1))! * 100, halfStep: 0.5, length: 2, isFraction: true };
    const number = NUMBER_WORDS.get(t.text);
    if (number !== undefined && t.text !== "a" && t.text !== "single") return { value: number, halfStep: 0.5, length: 1, isFraction: false };
    return null;
  }

  /** A move claim whose size starts at token `i`, if one does; `end` receives the token after it. */
  private moveAt(i: number, from: number, to: number, clause: ClauseFeatures): { claim: Omit<MoveClaim, "text">; end: number } | null {
    const t = this.tokens[i]!;
    const sizeVerb = t.kind === "word" ? SIZE_VERBS.get(t.text) : undefined;
    if (sizeVerb !== undefined) {
      const magnitude = Math.abs(sizeVerb);
      const direction: Direction = sizeVerb < 0 ? "down" : "up";
      return { claim: { kind: "move", value: sizeVerb, direction, bound: "rounded", band: [magnitude - 0.005, magnitude + 0.005], measureHint: clause.hint, unit: "percent", span: clause.span }, end: i + 1 };
    }
    const size = this.sizeAt(i);
    if (size === null) return null;
    let j = i + size.length;
    let unit = this.unitAt(j);
    let high = size;
    let bound: Bound = this.boundBefore(i, from);
    // ranges: "10-14%", "10% to 14%", "10 to 14 per cent", "between 10% and 14%"
    const between = this.word(i - 1) === "between";
    const joinAt = unit === null ? j : j + unit.length;
    const join = this.word(joinAt);
    if (join === "-" || join === "to" || (between && join === "and")) {
      const second = this.sizeAt(joinAt + 1);
      const secondUnit = second === null ? null : this.unitAt(joinAt + 1 + second.length);
      if (second !== null && secondUnit !== null && (unit === null || unit.unit === secondUnit.unit) && second.value >= size.value) {
        high = second;
        unit = secondUnit;
        j = joinAt + 1 + second.length;
        bound = "range";
      }
    }
    if (unit === null && !size.isFraction) return null;
    const end = unit === null ? j : j + unit.length;
    const previous = this.tokens[i - 1];
    const signed = previous !== undefined && previous.end === t.start && (previous.text === "-" || previous.text === "+") && this.tokens[i - 2]?.kind !== "number" ? previous.text : null;
    const direction: Direction | null = signed === "-" ? "down" : signed === "+" ? "up" : this.directionAround(i, from, to);
    const lowMagnitude = size.value / 100;
    const highMagnitude = high.value / 100;
    const band: [number, number] =
      bound === "atLeast"
        ? [lowMagnitude, Number.POSITIVE_INFINITY]
        : bound === "below"
          ? [0, lowMagnitude]
          : [(size.value - size.halfStep) / 100, (high.value + high.halfStep) / 100];
    const magnitude = bound === "range" ? (lowMagnitude + highMagnitude) / 2 : lowMagnitude;
    return {
      claim: { kind: "move", value: direction === "down" ? -magnitude : magnitude, direction, bound, band, measureHint: clause.hint, unit: unit?.unit ?? "percent", span: clause.span },
      end,
    };
  }

  /** A price at token `i` ("HK$29.30", "29"), claimed by the words before it: "closed at", "fell to", "a low of". */
  private priceAt(i: number, from: number): { claim: Omit<PriceClaim, "text">; end: number } | null {
    const currency = this.tokens[i]!.kind === "currency";
    const k = currency ? i + 1 : i;
    const number = this.tokens[k];
    if (number?.kind !== "number" || this.unitAt(k + 1) !== null || MONEY_SCALES.has(this.word(k + 1))) return null;
    const fields = this.priceFields(i - 1, from);
    if (fields === null) return null;
    const half = 0.5 * 10 ** -number.decimals;
    return { claim: { kind: "price", price: number.value, band: [number.value - half, number.value + half], fields }, end: k + 1 };
  }

  private priceFields(lead: number, from: number): PriceClaim["fields"] | null {
    const w = this.word(lead);
    const verb = lead > from ? this.word(lead - 1) : "";
    if ((w === "of" || (w === "as" && this.word(lead - 2) === "as")) && (verb === "low" || verb === "high")) return [verb];
    if (w === "at") {
      for (let k = lead - 1; k >= Math.max(from, lead - 8); k--) {
        if (CLOSE_WORDS.has(this.word(k)) && this.word(k) !== "close") return ["close"];
        if (OPEN_WORDS.has(this.word(k)) && this.word(k) !== "open") return ["open"];
      }
      return null;
    }
    if (w === "to") {
      const before = this.lastDirectionBefore[lead]!;
      const direction = before >= Math.max(from, lead - 8) ? directionOfWord(this.tokens[before]!) : null;
      if (direction === "down") return ["close", "low"];
      if (direction === "up") return ["close", "high"];
    }
    return null;
  }

  /** An amount of money at token `i` in a clause about market value: "HK$80bn", "US$5 billion". */
  private marketValueAt(i: number, from: number, to: number, clause: ClauseFeatures): { claim: Omit<Extract<ParsedClaim, { kind: "marketValue" }>, "text">; end: number } | null {
    if (!clause.marketValue || this.tokens[i]!.kind !== "currency") return null;
    const number = this.tokens[i + 1];
    if (number?.kind !== "number") return null;
    const scale = MONEY_SCALES.get(this.word(i + 2)) ?? 1;
    const end = MONEY_SCALES.has(this.word(i + 2)) ? i + 3 : i + 2;
    const half = 0.5 * 10 ** -number.decimals * scale;
    const amount = number.value * scale;
    return { claim: { kind: "marketValue", direction: this.directionAround(i, from, to), amount, band: [amount - half, amount + half] }, end };
  }

  /**
   * A record claim whose superlative is at token `i`: "biggest one-day fall since ...", "worst day on record", "lowest
   * close since ...", "closed at its lowest since March 2020"; "at its lowest" with no period after it ("At its lowest,
   * Xiaomi was down 14%") is the intraday extreme of a move, not a record.
   */
  private recordAt(i: number, to: number, year: number | undefined): { claim: Omit<RecordClaim, "text">; end: number } | null {
    const w = this.word(i);
    if (!SUPERLATIVES.has(w)) return null;
    let direction: Direction | null = null;
    let extreme: RecordClaim["extreme"] = "move";
    let basis: RecordClaim["basis"] = null;
    let j = i + 1;
    if (w === "lowest" || w === "highest") {
      direction = w === "lowest" ? "down" : "up";
      extreme = "close";
    } else {
      for (; j < Math.min(to, i + 5); j++) {
        const next = this.word(j);
        if (next === "intraday" || next === "intra-day") basis = "intraday";
        if (RECORD_FALL_NOUNS.has(next)) direction = "down";
        else if (RECORD_RISE_NOUNS.has(next)) direction = "up";
        else if ((next === "day" || next === "session" || next === "performance") && (w === "worst" || w === "best" || w === "weakest" || w === "strongest")) direction = w === "worst" || w === "weakest" ? "down" : "up";
        if (direction !== null) break;
      }
      if (direction === null) return null;
    }
    const since = this.sinceAfter(j, to, year);
    if (since === undefined) return null;
    if (since.end === j && INTRADAY_PHRASES.some((phrase) => this.phraseEndsAt(i + 1, phrase, 0))) return null;
    return { claim: { kind: "record", direction, extreme, basis, since: since.period }, end: since.end };
  }

  /** What a record reaches back to, in the words after it: "since March 2020", "on record", "since its 2018 listing", "in (or for) five years"; a null period when none is said (the whole file), undefined when "since" names neither a date nor a listing. */
  private sinceAfter(from: number, to: number, year: number | undefined): { period: RecordClaim["since"]; end: number } | undefined {
    const limit = Math.min(to, from + 12);
    for (let j = from; j < limit; j++) {
      const w = this.word(j);
      if (w === "record" || w === "ever" || w === "all-time") return { period: null, end: j + 1 };
      if (w === "since") {
        const k = this.word(j + 1) === "its" || this.word(j + 1) === "the" ? j + 2 : j + 1;
        if (LISTING_WORDS.has(this.word(k)) || (datePeriodAt(this.tokens, k) !== null && LISTING_WORDS.has(this.word(k + 1)))) return { period: null, end: k + 2 };
        const period = datePeriodAt(this.tokens, k, year);
        if (period !== null) return { period: { start: period.start, end: period.end, text: this.text.slice(this.tokens[k]!.start, this.tokens[k + period.length - 1]!.end) }, end: k + period.length };
        return undefined;
      }
      if ((w === "in" || w === "for") && year !== undefined) {
        const n = this.sizeAt(j + 1)?.value ?? (this.word(j + 1) === "a" ? 1 : undefined);
        const unit = this.word(j + 2);
        if (n !== undefined && (unit === "years" || unit === "year" || unit === "decade")) return { period: { start: "", end: "", text: `${unit === "decade" ? "a decade" : `${n} ${unit}`}` }, end: j + 3 };
      }
    }
    return { period: null, end: from };
  }

  /**
   * Every claim in the clause `[from, to)`, in order: moves in per cent (with ranges and fractions),
   * record claims, prices of the day and changes of market value. `year` completes dates given
   * without one; `date` resolves "in five years" against day 0.
   */
  claimsIn(from: number, to: number, context: { date?: string | undefined } = {}): { claim: ParsedClaim; at: number }[] {
    const clause = this.clauseFeatures(from, to);
    const year = context.date === undefined ? undefined : Number(context.date.slice(0, 4));
    const claims: { claim: ParsedClaim; at: number }[] = [];
    const text = to > from ? this.text.slice(this.tokens[from]!.start, this.tokens[to - 1]!.end) : "";
    for (let i = from; i < to; ) {
      const found = this.recordAt(i, to, year) ?? this.marketValueAt(i, from, to, clause) ?? this.moveAt(i, from, to, clause) ?? this.priceAt(i, from);
      if (found === null) {
        i++;
        continue;
      }
      const claim = { ...found.claim, text } as ParsedClaim;
      if (claim.kind === "record" && claim.since !== null && claim.since.start === "" && context.date !== undefined) {
        const years = claim.since.text === "a decade" ? 10 : Number.parseFloat(claim.since.text);
        const start = yearsBefore(context.date, years);
        claim.since = { start, end: start, text: `in ${claim.since.text}` };
      }
      claims.push({ claim, at: i });
      i = Math.max(found.end, i + 1);
    }
    return claims;
  }

  /** What every claim of a clause shares: the measure its wording names, the span of days, whether it speaks of market value. */
  private clauseFeatures(from: number, to: number): ClauseFeatures {
    let hint: MeasureHint | null = null;
    let span: Span = { kind: "sessions", sessions: 1 };
    let marketValue = false;
    for (let i = from; i < to; i++) {
      const w = this.word(i);
      if (hint !== "intraday") {
        if (INTRADAY_PHRASES.some((phrase) => this.phraseAt(i, phrase))) hint = "intraday";
        else if (hint === null && CLOSE_WORDS.has(w) && !(w === "close" && this.word(i - 1) !== "the")) hint = "close";
        else if (hint === null && OPEN_WORDS.has(w) && !(w === "open" && this.word(i - 1) !== "the")) hint = "open";
      }
      if (MARKET_VALUE_WORDS.has(w) && (w !== "value" || this.word(i - 1) === "market") && (w !== "cap" || this.word(i - 1) === "market")) marketValue = true;
      const sessions = this.sessionsAt(i);
      if (sessions !== null && sessions > 1) span = { kind: "sessions", sessions };
      if (w === "week" && (this.word(i - 1) === "this" || this.word(i - 1) === "the")) span = { kind: "week" };
      if (w === "since" && ANNOUNCEMENT_WORDS.has(this.word(i + (this.word(i + 1) === "the" ? 2 : 1)))) span = { kind: "sinceAnnouncement" };
    }
    return { hint, span, marketValue };
  }

  /** A count of sessions at token `i`: "two days", "3 sessions", "two-day", "three-session", "2-day". */
  private sessionsAt(i: number): number | null {
    const w = this.word(i);
    const hyphenated = /^([a-z]+)-(day|session)$/.exec(w);
    if (hyphenated !== null) return NUMBER_WORDS.get(hyphenated[1]!) ?? null;
    const t = this.tokens[i];
    const n = t?.kind === "number" && t.decimals === 0 ? t.value : NUMBER_WORDS.get(w);
    if (n === undefined || w === "a") return null;
    const next = this.word(i + 1) === "-" || this.word(i + 1) === "trading" || this.word(i + 1) === "straight" || this.word(i + 1) === "consecutive" ? i + 2 : i + 1;
    return SESSION_WORDS.has(this.word(next)) ? n : null;
  }
}

interface ClauseFeatures {
  hint: MeasureHint | null;
  span: Span;
  marketValue: boolean;
}

const SUPERLATIVES = new Set(["biggest", "largest", "steepest", "sharpest", "worst", "best", "heaviest", "deepest", "strongest", "weakest", "lowest", "highest"]);
const RECORD_FALL_NOUNS = new Set(["fall", "drop", "decline", "slide", "loss", "losses", "plunge", "selloff", "sell-off", "slump", "tumble", "retreat"]);
const RECORD_RISE_NOUNS = new Set(["gain", "gains", "rise", "jump", "rally", "advance", "increase", "surge", "climb", "rebound"]);
const LISTING_WORDS = new Set(["listing", "debut", "ipo", "flotation"]);
const ANNOUNCEMENT_WORDS = new Set(["announcement", "news", "listing", "designation", "ban", "order", "decision", "blacklisting"]);
const SESSION_WORDS = new Set(["day", "days", "session", "sessions"]);
const INTRADAY_PHRASES: readonly (readonly string[])[] = [["as", "much", "as"], ["intraday"], ["intra-day"], ["at", "one", "point"], ["at", "its", "lowest"], ["at", "its", "highest"], ["session", "low"], ["session", "high"]];
const CLOSE_WORDS = new Set(["closed", "closing", "close", "ended", "finished", "settled"]);
const OPEN_WORDS = new Set(["opened", "opening", "open"]);

function directionOfWord(token: Token): Direction | null {
  if (token.kind !== "word") return null;
  if (FALL_WORDS.has(token.text)) return "down";
  if (RISE_WORDS.has(token.text)) return "up";
  return null;
}

/**
 * Reads one claim (DESIGN section 7, README "Claim vocabulary"): a move in per cent ("plummeted 14%",
 * "closed down 3.6pc", "rose between 10% and 14%", "shed a tenth", "fell 20% over two days"), a record
 * ("biggest one-day fall since March 2020"), a price of the day ("closed at HK$29.30") or a change of
 * market value ("wiped HK$80bn off its market value"); the first one in the text, or the text itself
 * when it is a bare number ("-14"). The claim is at most `MAX_CLAIM_LENGTH` characters, checked first.
 * A move's tolerance is the claim's own rounding: "14%" matches magnitudes in [13.5%, 14.5%), "10.3%"
 * in [10.25%, 10.35%); a range matches its ends' rounding ("10-14%": [9.5%, 14.5%)); "more than / over
 * / at least X" any magnitude >= X and "less than / under X" any magnitude below X; a fraction word
 * half a percentage point either way ("a third": [32.83%, 33.83%)).
 *
 * @example parseClaim("plummeted 14%") // { kind: "move", value: -0.14, direction: "down", band: [0.135, 0.145], ... }
 * @example parseClaim("closed 10.3% lower").band // [0.1025, 0.1035]
 */
export function parseClaim(text: string, context: { date?: string | undefined } = {}): ParsedClaim {
  if (text.length > MAX_CLAIM_LENGTH) throw new InputError("invalid-claim", `the claim is ${text.length} characters long; a claim is at most ${MAX_CLAIM_LENGTH} (use --text for a whole article)`, { field: "claim" });
  const normalised = normaliseClaimText(text);
  const reader = new ClaimReader(normalised);
  const bare = /^\s*([+-]?)\s*(\d+(?:\.\d+)?)\s*$/.exec(normalised);
  if (bare !== null) return bareNumberClaim(text, bare[1]!, bare[2]!);
  const claim = reader.claimsIn(0, reader.tokens.length, context)[0]?.claim;
  if (claim === undefined) {
    throw new InputError(
      "invalid-claim",
      `cannot read a claim from "${shorten(text)}": write its size as a percentage ("fell 14%", "rose 7.03 per cent", "-14"), a price ("closed at HK$29.30"), a record ("biggest one-day fall since March 2020") or a change of market value ("wiped HK$80bn off its market value")`,
    );
  }
  return { ...claim, text };
}

function bareNumberClaim(text: string, sign: string, digits: string): MoveClaim {
  const magnitude = Number(digits) / 100;
  const decimals = digits.includes(".") ? digits.length - digits.indexOf(".") - 1 : 0;
  const halfStep = (0.5 * 10 ** -decimals) / 100;
  const direction: Direction | null = sign === "-" ? "down" : sign === "+" ? "up" : null;
  return { kind: "move", text, value: direction === "down" ? -magnitude : magnitude, direction, bound: "rounded", band: [magnitude - halfStep, magnitude + halfStep], measureHint: null, unit: "percent", span: { kind: "sessions", sessions: 1 } };
}

/** At most 80 characters of a text, for messages that echo it. */
export function shorten(text: string): string {
  const line = text.replace(/\s+/g, " ");
  return line.length <= 80 ? line : `${line.slice(0, 77)}...`;
}

/**
 * Whether a measured move (a signed fraction) matches a move claim: same direction (either, when the
 * claim states none) and a magnitude inside the claim's band. A tolerance of 1e-12 absorbs binary
 * rounding of values that sit exactly on a band edge.
 *
 * @example matchesClaim(-0.1363, parseClaim("fell 14%")) // true
 */
export function matchesClaim(measure: number | null, claim: Pick<MoveClaim, "direction" | "band">): boolean {
  if (measure === null || !Number.isFinite(measure)) return false;
  if (claim.direction === "down" && !(measure < 0)) return false;
  if (claim.direction === "up" && !(measure > 0)) return false;
  return inBand(Math.abs(measure), claim.band);
}

/** Whether a value lies in a band `[low, high)`, with 1e-12 of slack for binary rounding at the edges. */
export function inBand(value: number, [low, high]: readonly [number, number]): boolean {
  const epsilon = 1e-12 * Math.max(1, Math.abs(value));
  return value >= low - epsilon && value < high - epsilon;
}
