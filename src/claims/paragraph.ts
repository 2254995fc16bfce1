import { InputError } from "../errors.js";
import type { ModelName } from "../models/expectedReturnModel.js";
import { availableSymbols, bundledDataDir } from "../sources/localFiles.js";
import { checkClaim } from "./checkClaim.js";
import { CHECK_SCHEMA_VERSION } from "./checkSchemaVersion.js";
import type { TextCheck, TextClaim } from "./checkSchema.js";
import { MAX_TEXT_LENGTH, normaliseClaimText, type Token } from "./claimText.js";
import { bundledNames, NameMatcher, type Mention } from "./names.js";
import { ClaimReader } from "./parseClaim.js";
import { datePeriodAt } from "./textDates.js";
import { MARKET_NAMES } from "./verdict.js";

export interface TextCheckRequest {
  /** A paragraph (or a whole story) of news text, at most `MAX_TEXT_LENGTH` characters. */
  text: string;
  /** The day claims refer to when their sentence gives none (and the week a weekday such as "on Friday" falls in). */
  date?: string | undefined;
  /** Folder of price files; symbols it lacks come from the bundled data. */
  dataDir?: string | undefined;
  priceDirs?: readonly string[] | undefined;
  /** A universe folder: its `constituents.csv` names are added to the names table. */
  universeDir?: string | undefined;
  /** A CSV of `symbol,name[,shares]` read before the bundled names. */
  namesFile?: string | undefined;
  /** The names table, when the caller built it once for many texts (a server); else built from `universeDir` and `namesFile`. */
  names?: NameMatcher | undefined;
  model?: ModelName | undefined;
  /** Kenneth French daily factor files for a factor model. */
  factors?: readonly string[] | undefined;
}

const WEEKDAYS = new Map(["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].map((day, k) => [day, k]));
const ABBREVIATIONS = new Set(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "corp", "ltd", "co", "inc", "mr", "ms", "mrs", "dr", "st", "no", "vs"]);
const CLAUSE_WORDS = new Set(["while", "whereas", "but", "although", "meanwhile"]);

/**
 * Checks every market-move claim in a text (README, "A paragraph at once"): sentences and their clauses
 * are read in one pass; each claim's company is the name nearest before it in its clause (else in its
 * sentence, else after it in the clause, else the previous claim's), resolved to a symbol through the
 * names table; its day is a date written in its sentence ("on 15 January 2021", "on Friday"), else
 * the previous sentence's, else the text's first date or `date`. Each claim gets the verdict
 * `checkClaim` gives, or "unverifiable" with why (no company named, no prices for it, no date).
 */
export function checkParagraph(request: TextCheckRequest): TextCheck {
  if (request.text.length > MAX_TEXT_LENGTH) throw new InputError("invalid-claim", `the text is ${request.text.length} characters long; at most ${MAX_TEXT_LENGTH} are read at once`, { field: "text" });
  const text = normaliseClaimText(request.text);
  const reader = new ClaimReader(text);
  const tokens = reader.tokens;
  const matcher = request.names ?? new NameMatcher(bundledNames({ universeDir: request.universeDir, namesFile: request.namesFile }));
  const mentions = matcher.mentions(tokens);
  const dataDirs = request.priceDirs ?? [request.dataDir ?? bundledDataDir, bundledDataDir];
  const priced = new Set(dataDirs.flatMap(availableSymbols));
  const reference = request.date ?? firstDay(tokens);

  const claims: TextClaim[] = [];
  let subject: string[] | null = null;
  let sentenceDate = reference;
  for (const [sentenceFrom, sentenceTo] of sentences(text, tokens)) {
    const sentence = text.slice(tokens[sentenceFrom]!.start, tokens[sentenceTo - 1]!.end);
    sentenceDate = dayIn(tokens, sentenceFrom, sentenceTo, reference) ?? sentenceDate;
    for (const [from, to] of clauses(tokens, sentenceFrom, sentenceTo)) {
      for (const { claim, at } of reader.claimsIn(from, to, { date: sentenceDate ?? undefined })) {
        const mention = lastMentionIn(mentions, from, at) ?? lastMentionIn(mentions, sentenceFrom, at) ?? firstMentionIn(mentions, at, to);
        if (mention !== null) subject = mention.symbols;
        const base = { sentence, claim: claim.text, kind: claim.kind, date: sentenceDate };
        const symbol = subject?.find((s) => priced.has(s)) ?? null;
        if (subject === null) {
          claims.push({ ...base, symbol: null, label: "unverifiable", why: "the sentence names no company or index the names table knows (add it with --names)", check: null });
          continue;
        }
        if (symbol === null) {
          claims.push({ ...base, symbol: subject[0]!, label: "unverifiable", why: `no prices on file for ${subject.join(" or ")}`, check: null });
          continue;
        }
        if (sentenceDate === null) {
          claims.push({ ...base, symbol, label: "unverifiable", why: "the text gives no date (give one with --date)", check: null });
          continue;
        }
        try {
          const check = checkClaim({ symbol, date: sentenceDate, claim, market: MARKET_NAMES.has(symbol) ? symbol : undefined, priceDirs: dataDirs, model: request.model, factors: request.factors, shares: matcher.sharesOf(symbol) });
          claims.push({ ...base, symbol, label: check.verdict.label!, why: check.verdict.why, check });
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          claims.push({ ...base, symbol, label: "unverifiable", why: error.message, check: null });
        }
      }
    }
  }
  return { schemaVersion: CHECK_SCHEMA_VERSION, date: reference, claims };
}

/** Sentences as token ranges: a full stop, "!" or "?" ends one unless it follows an abbreviation or an initial ("Corp.", "U.S.") or the next word starts in lower case. */
function sentences(text: string, tokens: readonly Token[]): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    if (t !== "." && t !== "!" && t !== "?") continue;
    const previous = tokens[i - 1];
    if (t === "." && previous !== undefined && (ABBREVIATIONS.has(previous.text) || (previous.kind === "word" && previous.text.length === 1))) continue;
    const next = tokens[i + 1];
    if (next !== undefined && /\p{Ll}/u.test(text.charAt(next.start))) continue;
    out.push([from, i + 1]);
    from = i + 1;
  }
  if (from < tokens.length) out.push([from, tokens.length]);
  return out;
}

/** Clauses of a sentence: split at ";" and before "while", "whereas", "but", and ", and" (a clause may be empty: it holds no claim). */
function clauses(tokens: readonly Token[], from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!.text;
    if (t === ";" || CLAUSE_WORDS.has(t) || (t === "and" && tokens[i - 1]?.text === ",")) {
      out.push([start, i]);
      start = t === ";" ? i + 1 : i;
    }
  }
  out.push([start, to]);
  return out;
}

/** How many mentions (in text order, not overlapping) end at or before token `end`: a binary search. */
function mentionsEndingBy(mentions: readonly Mention[], end: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.end <= end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lastMentionIn(mentions: readonly Mention[], from: number, before: number): Mention | null {
  const found = mentions[mentionsEndingBy(mentions, before) - 1];
  return found !== undefined && found.at >= from ? found : null;
}

function firstMentionIn(mentions: readonly Mention[], from: number, to: number): Mention | null {
  const found = mentions[mentionsEndingBy(mentions, from)];
  return found !== undefined && found.at >= from && found.end <= to ? found : null;
}

/** The first full date written in a text ("15 January 2021", "2021-01-15"). */
function firstDay(tokens: readonly Token[]): string | null {
  for (let i = 0; i < tokens.length; i++) {
    const period = datePeriodAt(tokens, i);
    if (period !== null && period.start === period.end) return period.start;
  }
  return null;
}

/** The day a sentence speaks of: a date in it (not one after "since"), or a weekday, the last one on or before the reference date. */
function dayIn(tokens: readonly Token[], from: number, to: number, reference: string | null): string | null {
  const year = reference === null ? undefined : Number(reference.slice(0, 4));
  for (let i = from; i < to; i++) {
    if (tokens[i - 1]?.text === "since") continue;
    const period = datePeriodAt(tokens, i, year);
    if (period !== null && period.start === period.end) return period.start;
    const weekday = WEEKDAYS.get(tokens[i]!.text);
    if (weekday !== undefined && reference !== null) {
      const day = new Date(`${reference}T00:00:00Z`);
      day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() - weekday + 7) % 7));
      return day.toISOString().slice(0, 10);
    }
  }
  return null;
}
