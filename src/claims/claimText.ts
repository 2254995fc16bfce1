/**
 * Claim text as tokens, in one linear pass: Unicode forms folded (NFKC: fullwidth digits and signs
 * become ASCII, non-breaking and thin spaces become spaces), invisible characters (zero-width spaces
 * and joiners, soft hyphens, bidirectional marks, byte-order marks) removed, every minus sign and dash
 * (U+2010-U+2015, U+2212, U+FE58, U+FE63) read as "-".
 */

/** The longest single claim read (`--claim`, `?claim=`): a sentence or two of an article, checked before anything else. */
export const MAX_CLAIM_LENGTH = 1_000;
/** The longest text read at once (`--text`, `/api/check-text`): a long article. */
export const MAX_TEXT_LENGTH = 1_000_000;

export type TokenKind = "number" | "word" | "currency" | "symbol";

export interface Token {
  kind: TokenKind;
  /** Lower-case text of the token ("hk$", "per", "1,400"). */
  text: string;
  /** A number token's value (thousands separators dropped: "1,400" is 1400). */
  value: number;
  /** Digits after the decimal point of a number token ("10.30" has 2). */
  decimals: number;
  /** Offsets in the normalised text: `[start, end)`. */
  start: number;
  end: number;
}

const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]/g;
const DASHES = /[\u2010-\u2015\u2212\u2796\ufe58\ufe63]/g;

/** The text as the tokenizer reads it: NFKC, invisible characters removed, dashes as "-", line breaks and tabs as spaces. */
export function normaliseClaimText(text: string): string {
  return text.normalize("NFKC").replace(INVISIBLE, "").replace(DASHES, "-").replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, " ");
}

const LETTER = /[\p{L}\p{M}]/u;
const CURRENCY_SIGNS = new Set(["$", "€", "£", "¥"]);

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return true;
  return code > 127 && LETTER.test(text.charAt(at));
}

/**
 * The tokens of normalised text, in order, in one pass over its characters: currencies ("HK$", "US$",
 * "$", "€"), numbers with optional thousands separators and decimals ("1,400", "29.30", ".5"), words
 * (letters joined by inner hyphens or apostrophes: "one-day", "Xiaomi's"), and any other single
 * character. Whitespace separates tokens and is not one.
 */
export function tokenize(normalised: string): Token[] {
  const tokens: Token[] = [];
  const n = normalised.length;
  const push = (kind: TokenKind, start: number, end: number) =>
    tokens.push({ kind, text: normalised.slice(start, end).toLowerCase(), value: Number.NaN, decimals: 0, start, end });
  let at = 0;
  while (at < n) {
    const code = normalised.charCodeAt(at);
    if (code === 32 || code === 0x3000) {
      at++;
      continue;
    }
    const start = at;
    if (isDigit(code) || (code === 46 && isDigit(normalised.charCodeAt(at + 1)))) {
      while (isDigit(normalised.charCodeAt(at))) at++;
      // thousands groups: ",ddd" not followed by another digit
      while (normalised.charCodeAt(at) === 44 && isDigit(normalised.charCodeAt(at + 1)) && isDigit(normalised.charCodeAt(at + 2)) && isDigit(normalised.charCodeAt(at + 3)) && !isDigit(normalised.charCodeAt(at + 4))) at += 4;
      let decimals = 0;
      if (normalised.charCodeAt(at) === 46 && isDigit(normalised.charCodeAt(at + 1))) {
        at++;
        while (isDigit(normalised.charCodeAt(at))) {
          at++;
          decimals++;
        }
      }
      const text = normalised.slice(start, at);
      tokens.push({ kind: "number", text, value: Number(text.replace(/,/g, "")), decimals, start, end: at });
      continue;
    }
    if (isLetter(normalised, at)) {
      at++;
      for (;;) {
        while (at < n && isLetter(normalised, at)) at++;
        const joiner = normalised.charAt(at);
        if ((joiner === "-" || joiner === "'" || joiner === "’") && isLetter(normalised, at + 1)) at++;
        else break;
      }
      if (at - start <= 3 && normalised.charAt(at) === "$") push("currency", start, ++at);
      else push("word", start, at);
      continue;
    }
    const char = normalised.charAt(at);
    at += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    push(CURRENCY_SIGNS.has(char) ? "currency" : "symbol", start, at);
  }
  return tokens;
}
