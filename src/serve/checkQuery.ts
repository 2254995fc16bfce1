import { z } from "zod";
import { isoDateSchema } from "../calendar/isoDate.js";
import { InputError } from "../errors.js";
import { priceFileName } from "../sources/symbolFile.js";

/** A claim check asked for over HTTP (`/check?...`, `/api/check?...`), validated. */
export interface CheckQuery {
  symbol: string;
  date: string;
  claim?: string | undefined;
  market?: string | undefined;
}

/** The longest claim accepted: a sentence or two of an article. */
export const MAX_CLAIM_LENGTH = 500;

/** A parameter given once; the message for a missing or repeated one says what to give. */
function single(what: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? `required: ${what}` : `give it once, not ${(issue.input as unknown[]).length} times`) }).trim();
}

/** A symbol in Yahoo notation, by the rules of price file names (so it can never name a path). */
function symbol(what: string) {
  return single(what).superRefine((text, ctx) => {
    if (text === "") return void ctx.addIssue({ code: "custom", message: `required: ${what}` });
    try {
      priceFileName(text);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      ctx.addIssue({ code: "custom", message: error.message });
    }
  });
}

/** An optional parameter: absent, or blank as an empty form field sends it, means not given. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());
}

const checkQuerySchema = z.object({
  symbol: symbol("a Yahoo symbol such as 1810.HK"),
  date: single("the trading day, YYYY-MM-DD").pipe(isoDateSchema),
  claim: optional(single("the claim").max(MAX_CLAIM_LENGTH, `at most ${MAX_CLAIM_LENGTH} characters`)),
  market: optional(symbol("a market index such as ^HSI")),
});

/**
 * The named parameters of a query string as a record to validate: each one's value, or its values when it
 * is repeated (which the schema then rejects rather than silently taking one). Other parameters are
 * ignored; the parameters are gathered in a Map, so no name (`__proto__`, `constructor`) reaches an object.
 *
 * @example queryRecord(new URLSearchParams("symbol=1810.HK&date=a&date=b&__proto__=x"), ["symbol", "date"]) // { symbol: "1810.HK", date: ["a", "b"] }
 */
export function queryRecord(params: URLSearchParams, names: readonly string[]): Record<string, string | string[]> {
  const given = new Map<string, string[]>();
  for (const [name, value] of params) {
    const values = given.get(name);
    if (values === undefined) given.set(name, [value]);
    else values.push(value);
  }
  const record: Record<string, string | string[]> = {};
  for (const name of names) {
    const values = given.get(name);
    if (values !== undefined) record[name] = values.length === 1 ? values[0]! : values;
  }
  return record;
}

/**
 * Validates the parameters of a claim check: `symbol` and `date` required, `claim` and `market` optional
 * (empty means not given); other parameters are ignored. Throws an `InputError` naming each bad parameter.
 *
 * @example parseCheckQuery(new URLSearchParams("symbol=1810.HK&date=2021-01-15&claim=fell+14%25&market=")) // { symbol: "1810.HK", date: "2021-01-15", claim: "fell 14%", market: undefined }
 */
export function parseCheckQuery(params: URLSearchParams): CheckQuery {
  const parsed = checkQuerySchema.safeParse(queryRecord(params, Object.keys(checkQuerySchema.shape)));
  if (!parsed.success) {
    const firstPerParameter = new Map<string, string>();
    for (const issue of parsed.error.issues) if (!firstPerParameter.has(issue.path.join("."))) firstPerParameter.set(issue.path.join("."), issue.message);
    const issues = [...firstPerParameter].map(([at, message]) => ({ at, message }));
    throw new InputError("invalid-option", issues.map(({ at, message }) => `${at}: ${message}`).join("\n"), { field: issues[0]!.at, issues });
  }
  return parsed.data;
}

/**
 * The symbol as the data names it: an exact match, else the one match ignoring case (`1810.hk` is
 * `1810.HK`); an unknown symbol is an `InputError` listing some that exist.
 *
 * @example resolveSymbol("1810.hk", ["1810.HK", "^HSI"], "symbol") // "1810.HK"
 */
export function resolveSymbol(symbol: string, available: readonly string[], parameter: string): string {
  if (available.includes(symbol)) return symbol;
  const folded = available.filter((known) => known.toLowerCase() === symbol.toLowerCase());
  if (folded.length === 1) return folded[0]!;
  const shown = available.slice(0, 12).join(", ");
  const more = available.length > 12 ? ` and ${available.length - 12} more` : "";
  throw new InputError("no-prices", `${parameter}: no prices for "${symbol}" in the data; available: ${shown}${more}`, { field: parameter });
}

/** The query string of a check, the parameters given in a fixed order: the shareable form of a result. */
export function checkSearch(query: CheckQuery): string {
  const params = new URLSearchParams({ symbol: query.symbol, date: query.date });
  if (query.claim !== undefined) params.set("claim", query.claim);
  if (query.market !== undefined) params.set("market", query.market);
  return params.toString();
}
