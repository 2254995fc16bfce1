import { isCalendarDate } from "../calendar/isoDate.js";
import { InputError } from "../errors.js";
import type { PriceBar, PriceWarning } from "./priceBar.js";

/**
 * Column layouts accepted for daily prices, keyed by normalised header name
 * (lower case, spaces as `_`):
 * - event-impact: `date,open,high,low,close,adj_close,volume`
 * - Yahoo CSV download: `Date,Open,High,Low,Close,Adj Close,Volume`
 * - yfinance `history()`: `Date,Open,High,Low,Close,Volume,Dividends,Stock Splits`, dates such as
 *   `2020-01-02 00:00:00+08:00`; its prices are already adjusted, so `adjClose = close`.
 */
const REQUIRED_COLUMNS = ["date", "open", "high", "low", "close", "volume"] as const;

/** The longest line and cell read; anything longer is an error (price rows are ~60 characters). */
export const MAX_LINE_LENGTH = 1000;
export const MAX_CELL_LENGTH = 100;
/** Prices outside this range are rejected as absurd (a price, not a unit error or an overflow). */
export const PRICE_RANGE: readonly [number, number] = [1e-8, 1e12];
/** The largest volume accepted. */
export const MAX_VOLUME = 1e15;
/** A day whose adjusted close is below 1/1000 or above 1000 times the previous one is flagged (a move beyond -99.9% or x1000). */
export const MAX_DAY_RATIO = 1000;

const ECHO_LENGTH = 80;

/** The prices of one file as parallel columns, one entry per row kept, with the line each came from. */
export interface PriceColumns {
  dates: string[];
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  adjClose: Float64Array;
  volume: Float64Array;
  lines: Int32Array;
}

/** Receives a row that failed validation, in lenient reading, instead of an error. */
export type InvalidRowHandler = (line: number, message: string) => void;

export interface PriceCsvOptions {
  /** Lenient reading: rows that fail validation go here and are skipped. */
  onInvalidRow?: InvalidRowHandler | undefined;
  /** Make every warning an error naming the file and line. */
  strict?: boolean | undefined;
}

export interface ParsedPrices {
  columns: PriceColumns;
  warnings: PriceWarning[];
}

function echo(text: string): string {
  return text.length <= ECHO_LENGTH ? text : `${text.slice(0, ECHO_LENGTH)}... (${text.length} characters)`;
}

const enum Char {
  Tab = 9,
  Newline = 10,
  Return = 13,
  Space = 32,
  Quote = 34,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  UpperE = 69,
  UpperT = 84,
  LowerE = 101,
  Bom = 0xfeff,
}

const isDigit = (code: number) => code >= Char.Zero && code <= Char.Nine;
const isBlank = (code: number) => code === Char.Space || code === Char.Tab;

/**
 * A decimal number `[+-]digits[.digits][e[+-]digits]` in `text[start, end)`, or NaN for anything else
 * (`null`, `NaN`, `1.2.3`, an empty cell). One scan of the cell, then `Number` on it.
 */
export function decimalAt(text: string, start: number, end: number): number {
  let i = start;
  const first = text.charCodeAt(i);
  if (first === Char.Plus || first === Char.Minus) i++;
  let digits = 0;
  while (i < end && isDigit(text.charCodeAt(i))) i++, digits++;
  if (i < end && text.charCodeAt(i) === Char.Dot) {
    i++;
    while (i < end && isDigit(text.charCodeAt(i))) i++, digits++;
  }
  if (digits === 0) return Number.NaN;
  const e = text.charCodeAt(i);
  if (i < end && (e === Char.LowerE || e === Char.UpperE)) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === Char.Plus || sign === Char.Minus) i++;
    const exponentStart = i;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
    if (i === exponentStart) return Number.NaN;
  }
  return i === end ? Number(text.slice(start, end)) : Number.NaN;
}

function digitsAt(text: string, at: number, count: number): boolean {
  for (let k = at; k < at + count; k++) if (!isDigit(text.charCodeAt(k))) return false;
  return true;
}

/**
 * The trading date of a date cell `text[start, end)`: `2020-01-02`, or a stamp such as
 * `2020-01-02 00:00:00+08:00` (yfinance) whose date part is taken; null when it is neither.
 */
function tradingDateAt(text: string, start: number, end: number): string | null {
  if (end - start < 10) return null;
  const date = text.slice(start, start + 10);
  if (!isCalendarDate(date)) return null;
  let i = start + 10;
  if (i === end) return date;
  const separator = text.charCodeAt(i);
  if (separator !== Char.Space && separator !== Char.UpperT) return null;
  i++;
  if (!digitsAt(text, i, 2) || text.charCodeAt(i + 2) !== Char.Colon || !digitsAt(text, i + 3, 2)) return null;
  i += 5;
  if (text.charCodeAt(i) === Char.Colon && digitsAt(text, i + 1, 2)) i += 3;
  if (text.charCodeAt(i) === Char.Dot) {
    i++;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
  }
  if (i === end) return date;
  const zone = text.charCodeAt(i);
  if (zone === 90 /* Z */) return i + 1 === end ? date : null;
  if (zone !== Char.Plus && zone !== Char.Minus) return null;
  i++;
  if (!digitsAt(text, i, 2)) return null;
  i += 2;
  if (text.charCodeAt(i) === Char.Colon) i++;
  return digitsAt(text, i, 2) && i + 2 === end ? date : null;
}

/** Growable column storage; `columns()` trims to the rows kept. */
class ColumnBuilder {
  private capacity: number;
  private count = 0;
  readonly dates: string[] = [];
  private open: Float64Array;
  private high: Float64Array;
  private low: Float64Array;
  private close: Float64Array;
  private adjClose: Float64Array;
  private volume: Float64Array;
  private lines: Int32Array;

  constructor(capacity: number) {
    this.capacity = Math.max(16, capacity);
    this.open = new Float64Array(this.capacity);
    this.high = new Float64Array(this.capacity);
    this.low = new Float64Array(this.capacity);
    this.close = new Float64Array(this.capacity);
    this.adjClose = new Float64Array(this.capacity);
    this.volume = new Float64Array(this.capacity);
    this.lines = new Int32Array(this.capacity);
  }

  get length(): number {
    return this.count;
  }

  lastAdjClose(): number {
    return this.adjClose[this.count - 1]!;
  }

  lastLine(): number {
    return this.lines[this.count - 1]!;
  }

  push(date: string, values: Float64Array, line: number): void {
    if (this.count === this.capacity) this.grow();
    const k = this.count++;
    this.dates.push(date);
    this.open[k] = values[0]!;
    this.high[k] = values[1]!;
    this.low[k] = values[2]!;
    this.close[k] = values[3]!;
    this.adjClose[k] = values[4]!;
    this.volume[k] = values[5]!;
    this.lines[k] = line;
  }

  private grow(): void {
    this.capacity *= 2;
    const larger = <T extends Float64Array | Int32Array>(old: T): T => {
      const next = new (old.constructor as new (n: number) => T)(this.capacity);
      next.set(old);
      return next;
    };
    this.open = larger(this.open);
    this.high = larger(this.high);
    this.low = larger(this.low);
    this.close = larger(this.close);
    this.adjClose = larger(this.adjClose);
    this.volume = larger(this.volume);
    this.lines = larger(this.lines);
  }

  columns(): PriceColumns {
    const n = this.count;
    return {
      dates: this.dates,
      open: this.open.slice(0, n),
      high: this.high.slice(0, n),
      low: this.low.slice(0, n),
      close: this.close.slice(0, n),
      adjClose: this.adjClose.slice(0, n),
      volume: this.volume.slice(0, n),
      lines: this.lines.slice(0, n),
    };
  }
}

const PRICE_FIELDS = ["open", "high", "low", "close", "adj_close"] as const;

/** Why a row's values cannot be used, or null when they can (finite, within the sane ranges). */
function valueProblem(values: Float64Array, cell: (k: number) => string): string | null {
  for (let k = 0; k < PRICE_FIELDS.length; k++) {
    const value = values[k]!;
    const name = PRICE_FIELDS[k]!;
    if (Number.isNaN(value)) return `${name}: expected a number, found "${echo(cell(k))}"`;
    if (!(value >= PRICE_RANGE[0] && value <= PRICE_RANGE[1])) {
      return value > 0 ? `${name}: ${cell(k)} is outside the sane price range ${PRICE_RANGE[0]} to ${PRICE_RANGE[1]}` : `${name}: must be a positive price, found ${cell(k)}`;
    }
  }
  const volume = values[5]!;
  if (Number.isNaN(volume)) return `volume: expected a number, found "${echo(cell(5))}"`;
  if (!(volume >= 0 && volume <= MAX_VOLUME)) return `volume: ${cell(5)} must be between 0 and ${MAX_VOLUME}`;
  return null;
}

/** Why a row's low/high do not bracket its open and close, or null when they do. */
export function ohlcProblem(open: number, high: number, low: number, close: number): string | null {
  if (low > Math.min(open, close)) return `low ${low} is above min(open, close) ${Math.min(open, close)}`;
  if (high < Math.max(open, close)) return `high ${high} is below max(open, close) ${Math.max(open, close)}`;
  return null;
}

/**
 * Reads the text of a daily price CSV into columns in one pass: no regular expression on a cell, every
 * line and cell length bounded (`MAX_LINE_LENGTH`, `MAX_CELL_LENGTH`), so the time is linear in the text.
 * Every row is checked: a calendar date, prices within `PRICE_RANGE`, a volume within 0 to `MAX_VOLUME`,
 * dates ascending and unique; errors name the file and line and echo at most 80 characters. Rows whose
 * low/high do not bracket open and close, and days whose adjusted close moves by a factor beyond
 * `MAX_DAY_RATIO`, are kept and returned as warnings (DESIGN section 2), or are errors with `strict`.
 * With `onInvalidRow` (lenient reading), rows with unusable values are passed to it and skipped; the
 * header, the field count and the date order stay strict.
 */
export function readPriceColumns(text: string, file: string, options: PriceCsvOptions = {}): ParsedPrices {
  const { onInvalidRow, strict = false } = options;
  const fail: (line: number, message: string) => never = (line, message) => {
    throw new InputError(`${file} line ${line}: ${message}`);
  };
  const builder = new ColumnBuilder(Math.ceil(text.length / 48));
  const warnings: PriceWarning[] = [];
  const cellStart: number[] = [];
  const cellEnd: number[] = [];
  const values = new Float64Array(6);
  let header: number[] | null = null;
  let fieldCount = 0;
  let at: number[] = [];
  const quoted: string[] = [];

  const length = text.length;
  let position = text.charCodeAt(0) === Char.Bom ? 1 : 0;
  let lineNumber = 0;
  while (position < length) {
    lineNumber++;
    const lineStart = position;
    let lineEnd = position;
    const limit = Math.min(length, position + MAX_LINE_LENGTH + 1);
    while (lineEnd < limit && text.charCodeAt(lineEnd) !== Char.Newline) lineEnd++;
    if (lineEnd - lineStart > MAX_LINE_LENGTH) fail(lineNumber, `the line is longer than ${MAX_LINE_LENGTH} characters: ${echo(text.slice(lineStart, lineStart + ECHO_LENGTH))}...`);
    position = lineEnd + 1;
    if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === Char.Return) lineEnd--;

    // Split the line into trimmed cells; a cell may be quoted ("" inside quotes is one quote).
    cellStart.length = 0;
    cellEnd.length = 0;
    quoted.length = 0;
    let i = lineStart;
    let blankLine = true;
    for (;;) {
      while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
      let start = i;
      let end: number;
      if (i < lineEnd && text.charCodeAt(i) === Char.Quote) {
        let value = "";
        let from = ++i;
        for (;;) {
          while (i < lineEnd && text.charCodeAt(i) !== Char.Quote) i++;
          if (i >= lineEnd) fail(lineNumber, `a quoted field is not closed: ${echo(text.slice(lineStart, lineEnd))}`);
          value += text.slice(from, i);
          if (text.charCodeAt(i + 1) === Char.Quote) {
            value += '"';
            i += 2;
            from = i;
          } else break;
        }
        i++;
        while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
        if (i < lineEnd && text.charCodeAt(i) !== Char.Comma) fail(lineNumber, `text after a quoted field: ${echo(text.slice(lineStart, lineEnd))}`);
        quoted[cellStart.length] = value;
        start = -1;
        end = -1;
        blankLine = false;
      } else {
        while (i < lineEnd && text.charCodeAt(i) !== Char.Comma) i++;
        end = i;
        while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
        if (end > start) blankLine = false;
      }
      if (end - start > MAX_CELL_LENGTH || (start < 0 && quoted[cellStart.length]!.length > MAX_CELL_LENGTH)) {
        fail(lineNumber, `field ${cellStart.length + 1} is longer than ${MAX_CELL_LENGTH} characters: ${echo(start < 0 ? quoted[cellStart.length]! : text.slice(start, end))}`);
      }
      cellStart.push(start);
      cellEnd.push(end);
      if (i >= lineEnd) break;
      i++;
      blankLine = false;
    }
    if (blankLine) continue;
    const cell = (k: number) => (cellStart[k]! < 0 ? quoted[k]! : text.slice(cellStart[k], cellEnd[k]));

    if (header === null) {
      header = cellStart.map((_, k) => k);
      fieldCount = cellStart.length;
      const columns = header.map((k) => cell(k).toLowerCase().split(" ").filter(Boolean).join("_"));
      const missing = REQUIRED_COLUMNS.filter((name) => !columns.includes(name));
      if (missing.length > 0) {
        fail(lineNumber, `missing column(s) ${missing.join(", ")}; expected date,open,high,low,close,adj_close,volume (or Yahoo's Date,Open,High,Low,Close,Adj Close,Volume)`);
      }
      const adjusted = columns.indexOf("adj_close");
      at = ["date", "open", "high", "low", "close", "volume"].map((name) => columns.indexOf(name));
      at.push(adjusted >= 0 ? adjusted : at[4]!);
      continue;
    }
    if (cellStart.length !== fieldCount) fail(lineNumber, `expected ${fieldCount} fields like the header, found ${cellStart.length}`);

    const dateCell = at[0]!;
    const date = cellStart[dateCell]! < 0 ? tradingDateAt(quoted[dateCell]!, 0, quoted[dateCell]!.length) : tradingDateAt(text, cellStart[dateCell]!, cellEnd[dateCell]!);
    // values: open, high, low, close, adjClose, volume
    const order = [at[1]!, at[2]!, at[3]!, at[4]!, at[6]!, at[5]!];
    for (let k = 0; k < 6; k++) {
      const c = order[k]!;
      values[k] = cellStart[c]! < 0 ? decimalAt(quoted[c]!, 0, quoted[c]!.length) : decimalAt(text, cellStart[c]!, cellEnd[c]!);
    }
    const problem =
      date === null
        ? `date: expected a date YYYY-MM-DD (optionally with a time), found "${echo(cell(dateCell))}"`
        : valueProblem(values, (k) => cell(order[k]!));
    if (problem !== null) {
      const message = `${problem} (row: ${echo(text.slice(lineStart, lineEnd))})`;
      if (onInvalidRow === undefined) fail(lineNumber, message);
      onInvalidRow(lineNumber, message);
      continue;
    }
    const previousDate = builder.dates[builder.length - 1];
    if (previousDate !== undefined && date! <= previousDate) {
      fail(lineNumber, date === previousDate ? `duplicate date ${date}, also on line ${builder.lastLine()}` : `dates are not in ascending order: ${date} follows ${previousDate}`);
    }
    const warn = (kind: PriceWarning["kind"], message: string) => {
      if (strict) fail(lineNumber, `${message} (strict reading; without it the row is kept with a warning)`);
      warnings.push({ line: lineNumber, date: date!, kind, message });
    };
    const ohlc = ohlcProblem(values[0]!, values[1]!, values[2]!, values[3]!);
    if (ohlc !== null) warn("ohlc", `${ohlc}: intraday measures of ${date} are not used`);
    if (builder.length > 0) {
      const ratio = values[4]! / builder.lastAdjClose();
      if (ratio > MAX_DAY_RATIO || ratio < 1 / MAX_DAY_RATIO) {
        warn("move", `the adjusted close moves from ${builder.lastAdjClose()} to ${values[4]} (x${ratio.toPrecision(3)}) in one day: check for an unadjusted split or a unit change`);
      }
    }
    builder.push(date!, values, lineNumber);
  }
  if (header === null) throw new InputError(`${file}: the file is empty`);
  if (builder.length === 0) throw new InputError(`${file}: no price rows after the header`);
  return { columns: builder.columns(), warnings };
}

/** The bars of price columns, one object per row. */
export function barsOf(columns: PriceColumns): PriceBar[] {
  const bars: PriceBar[] = new Array(columns.dates.length);
  for (let k = 0; k < bars.length; k++) {
    bars[k] = { date: columns.dates[k]!, open: columns.open[k]!, high: columns.high[k]!, low: columns.low[k]!, close: columns.close[k]!, adjClose: columns.adjClose[k]!, volume: columns.volume[k]! };
  }
  return bars;
}

/**
 * Parses and validates the text of a daily price CSV into bars (see `readPriceColumns`; warnings are
 * left out here). Errors name the file and line; with `onInvalidRow`, rows that fail the checks are
 * passed to it and skipped.
 */
export function parsePriceCsv(text: string, file: string, onInvalidRow?: InvalidRowHandler): PriceBar[] {
  return barsOf(readPriceColumns(text, file, { onInvalidRow }).columns);
}

/**
 * The text of a price file in the bundled layout, `date,open,high,low,close,adj_close,volume`, numbers
 * at full precision (what `parsePriceCsv` reads back to the same values).
 *
 * @example formatPriceCsv([{ date: "2021-01-15", open: 29.9, high: 30.5, low: 28.2, close: 29.3, adjClose: 29.3, volume: 1 }])
 * // "date,open,high,low,close,adj_close,volume\n2021-01-15,29.9,30.5,28.2,29.3,29.3,1\n"
 */
export function formatPriceCsv(bars: readonly PriceBar[]): string {
  const rows = bars.map((bar) => [bar.date, bar.open, bar.high, bar.low, bar.close, bar.adjClose, bar.volume].join(","));
  return ["date,open,high,low,close,adj_close,volume", ...rows, ""].join("\n");
}
