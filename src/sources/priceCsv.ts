import { isCalendarDay } from "../calendar/isoDate.js";
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
const MAX_VOLUME = 1e15;
/** A day whose adjusted close is below 1/1000 or above 1000 times the previous one is flagged (a move beyond -99.9% or x1000). */
const MAX_DAY_RATIO = 1000;

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

const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** The text of `bytes[start, end)` decoded as UTF-8 (a malformed byte becomes U+FFFD, as `readFileSync(file, "utf8")` makes it). */
function textAt(bytes: Uint8Array, start: number, end: number): string {
  return utf8.decode(bytes.subarray(start, end));
}

/**
 * True when `bytes[start, end)` decodes to more than `limit` characters (UTF-16 code units, as `String.length`
 * counts them). A character takes 1 to 3 bytes per code unit, so only a span of `limit` to `3 * limit` bytes
 * needs decoding to tell.
 */
function longerThan(bytes: Uint8Array, start: number, end: number, limit: number): boolean {
  const size = end - start;
  return size > limit && (size > 3 * limit || textAt(bytes, start, end).length > limit);
}

const enum Byte {
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
  UpperZ = 90,
  LowerE = 101,
}

const isDigit = (byte: number) => byte >= Byte.Zero && byte <= Byte.Nine;
const isBlank = (byte: number) => byte === Byte.Space || byte === Byte.Tab;

/** Powers of ten that a double holds exactly. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A decimal number `[+-]digits[.digits][e[+-]digits]` in the bytes `bytes[start, end)`, or NaN for anything
 * else (`null`, `NaN`, `1.2.3`, an empty cell), in one scan of the cell. While its digits form an integer of
 * at most 2^53 - 1 and it has at most 22 decimals, the value is that integer divided by a power of ten, both
 * exact, so the one rounding of the division gives what `Number` gives (Clinger's fast path); other cells (an
 * exponent, more digits) go to `Number`, whose text is then ASCII.
 */
export function decimalAt(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  const first = byteAt(bytes, i, end);
  const negative = first === Byte.Minus;
  if (negative || first === Byte.Plus) i++;
  let digits = 0;
  // -0, a double: V8 then compiles the digit loop with float arithmetic, not small integers that would
  // overflow (and discard the optimised reader) at the first value above 2^31, such as a volume.
  let mantissa = -0;
  let decimals = 0;
  for (; i < end; i++) {
    const byte = bytes[i]!;
    if (!isDigit(byte)) break;
    mantissa = mantissa * 10 + (byte - Byte.Zero);
    digits++;
  }
  if (i < end && bytes[i] === Byte.Dot) {
    for (i++; i < end; i++) {
      const byte = bytes[i]!;
      if (!isDigit(byte)) break;
      mantissa = mantissa * 10 + (byte - Byte.Zero);
      digits++;
      decimals++;
    }
  }
  if (digits === 0) return Number.NaN;
  if (i === end) {
    if (mantissa <= Number.MAX_SAFE_INTEGER && decimals <= 22) return (negative ? -mantissa : mantissa) / EXACT_POWERS_OF_TEN[decimals]!;
    return Number(textAt(bytes, start, end));
  }
  const e = bytes[i];
  if (e !== Byte.LowerE && e !== Byte.UpperE) return Number.NaN;
  i++;
  const sign = byteAt(bytes, i, end);
  if (sign === Byte.Plus || sign === Byte.Minus) i++;
  const exponentStart = i;
  while (i < end && isDigit(bytes[i]!)) i++;
  return i === end && i > exponentStart ? Number(textAt(bytes, start, end)) : Number.NaN;
}

/** True when `bytes[at, at + count)` are digits, all before `end`. */
function digitsAt(bytes: Uint8Array, at: number, count: number, end: number): boolean {
  if (at + count > end) return false;
  for (let k = at; k < at + count; k++) if (!isDigit(bytes[k]!)) return false;
  return true;
}

/** The byte at `i`, or -1 at or past `end` (a cell's bytes are followed by other cells' or stale ones). */
function byteAt(bytes: Uint8Array, i: number, end: number): number {
  return i < end ? bytes[i]! : -1;
}

function numberAt(bytes: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let k = at; k < at + count; k++) value = value * 10 + (bytes[k]! - Byte.Zero);
  return value;
}

/**
 * The trading date of a date cell `bytes[start, end)` as `yyyymmdd`: `2020-01-02`, or a stamp such as
 * `2020-01-02 00:00:00+08:00` (yfinance) whose date part is taken; -1 when it is neither.
 */
function tradingDayAt(bytes: Uint8Array, start: number, end: number): number {
  if (end - start < 10 || !digitsAt(bytes, start, 4, end) || bytes[start + 4] !== Byte.Minus || !digitsAt(bytes, start + 5, 2, end) || bytes[start + 7] !== Byte.Minus || !digitsAt(bytes, start + 8, 2, end)) return -1;
  const year = numberAt(bytes, start, 4);
  const month = numberAt(bytes, start + 5, 2);
  const day = numberAt(bytes, start + 8, 2);
  if (!isCalendarDay(year, month, day)) return -1;
  if (start + 10 < end && !timeOfDayEndsAt(bytes, start + 10, end)) return -1;
  return year * 10_000 + month * 100 + day;
}

/** The `YYYY-MM-DD` string of a `yyyymmdd` day read from the date cell at `start`, made once per day (see `dateStrings`). */
function dateString(day: number, bytes: Uint8Array, start: number): string {
  let date = dateStrings.get(day);
  if (date === undefined) {
    if (dateStrings.size >= MAX_HELD_DATES) dateStrings.clear();
    dateStrings.set(day, (date = textAt(bytes, start, start + 10)));
  }
  return date;
}

/**
 * Date strings already made, by `yyyymmdd`: the files of one market share their dates, so a universe read
 * holds each date once rather than once per file (fewer objects for the garbage collector to copy).
 */
const dateStrings = new Map<number, string>();
const MAX_HELD_DATES = 100_000;

/** True when `bytes[i, end)` is a time of day ` HH:MM[:SS[.fff]][Z|+HH[:]MM]` (or with `T`). */
function timeOfDayEndsAt(bytes: Uint8Array, i: number, end: number): boolean {
  const separator = byteAt(bytes, i, end);
  if (separator !== Byte.Space && separator !== Byte.UpperT) return false;
  i++;
  if (!digitsAt(bytes, i, 2, end) || byteAt(bytes, i + 2, end) !== Byte.Colon || !digitsAt(bytes, i + 3, 2, end)) return false;
  i += 5;
  if (byteAt(bytes, i, end) === Byte.Colon && digitsAt(bytes, i + 1, 2, end)) i += 3;
  if (byteAt(bytes, i, end) === Byte.Dot) {
    i++;
    while (isDigit(byteAt(bytes, i, end))) i++;
  }
  if (i === end) return true;
  const zone = bytes[i];
  if (zone === Byte.UpperZ) return i + 1 === end;
  if (zone !== Byte.Plus && zone !== Byte.Minus) return false;
  i++;
  if (!digitsAt(bytes, i, 2, end)) return false;
  i += 2;
  if (byteAt(bytes, i, end) === Byte.Colon) i++;
  return digitsAt(bytes, i, 2, end) && i + 2 === end;
}

const VALUE_FIELDS = ["open", "high", "low", "close", "adj_close", "volume"] as const;
const VOLUME = 5;

/** The first of row `k`'s values (open, high, low, close, adjClose, volume) that is not a number within its sane range, or -1. */
function unusableValue(values: readonly Float64Array[], k: number): number {
  for (let field = 0; field < VOLUME; field++) {
    const value = values[field]![k]!;
    if (!(value >= PRICE_RANGE[0] && value <= PRICE_RANGE[1])) return field;
  }
  const volume = values[VOLUME]![k]!;
  return volume >= 0 && volume <= MAX_VOLUME ? -1 : VOLUME;
}

/** Why value `k` of a row (see `unusableValue`), read from the cell `cell`, cannot be used, naming its column. */
function valueProblem(k: number, value: number, cell: string): string {
  const field = VALUE_FIELDS[k]!;
  if (Number.isNaN(value)) return `${field}: expected a number, found "${echo(cell)}"`;
  if (k === VOLUME) return `volume: ${cell} must be between 0 and ${MAX_VOLUME}`;
  return value > 0 ? `${field}: ${cell} is outside the sane price range ${PRICE_RANGE[0]} to ${PRICE_RANGE[1]}` : `${field}: must be a positive price, found ${cell}`;
}

/**
 * How far a low may sit above, or a high below, the open or close, relative to the price: the rounding of
 * back-adjusted float prices (1.7266775369644167 against 1.7266775369644165), not an inconsistency.
 */
const OHLC_TOLERANCE = 1e-9;

const lowAboveBody = (open: number, low: number, close: number) => low > Math.min(open, close) * (1 + OHLC_TOLERANCE);
const highBelowBody = (open: number, high: number, close: number) => high < Math.max(open, close) * (1 - OHLC_TOLERANCE);

/** Why a row's low/high do not bracket its open and close (beyond `OHLC_TOLERANCE`), or null when they do. */
export function ohlcProblem(open: number, high: number, low: number, close: number): string | null {
  if (lowAboveBody(open, low, close)) return `low ${low} is above min(open, close) ${Math.min(open, close)}`;
  if (highBelowBody(open, high, close)) return `high ${high} is below max(open, close) ${Math.max(open, close)}`;
  return null;
}

/** True when an adjusted close `to` is beyond `MAX_DAY_RATIO` times the previous one, `from`, either way. */
function implausibleMove(from: number, to: number): boolean {
  const ratio = to / from;
  return ratio > MAX_DAY_RATIO || ratio < 1 / MAX_DAY_RATIO;
}

/**
 * True when row `k` is kept with a warning (DESIGN section 2): its low/high do not bracket its open and close
 * (see `ohlcProblem`), or its adjusted close moved implausibly from row `k - 1`'s.
 */
function suspectRow(columns: PriceColumns, k: number): boolean {
  const { open, high, low, close, adjClose } = columns;
  return lowAboveBody(open[k]!, low[k]!, close[k]!) || highBelowBody(open[k]!, high[k]!, close[k]!) || (k > 0 && implausibleMove(adjClose[k - 1]!, adjClose[k]!));
}

function moveMessage(from: number, to: number): string {
  return `the adjusted close moves from ${from} to ${to} (x${(to / from).toPrecision(3)}) in one day: check for an unadjusted split or a unit change`;
}

/** The warnings of a suspect row `k` (see `suspectRow`): `ohlc`, then `move`, as they apply. */
function rowWarnings(columns: PriceColumns, k: number): PriceWarning[] {
  const { dates, open, high, low, close, adjClose, lines } = columns;
  const date = dates[k]!;
  const line = lines[k]!;
  const warnings: PriceWarning[] = [];
  const ohlc = ohlcProblem(open[k]!, high[k]!, low[k]!, close[k]!);
  if (ohlc !== null) warnings.push({ line, date, kind: "ohlc", message: `${ohlc}: intraday measures of ${date} are not used` });
  if (k > 0 && implausibleMove(adjClose[k - 1]!, adjClose[k]!)) warnings.push({ line, date, kind: "move", message: moveMessage(adjClose[k - 1]!, adjClose[k]!) });
  return warnings;
}

/**
 * Reads a daily price CSV into columns in one pass over its bytes (a string is read as its UTF-8 bytes):
 * no regular expression on a cell, no string per cell (strings are made for header cells, once per
 * distinct date, and for messages), every line and cell length bounded (`MAX_LINE_LENGTH`,
 * `MAX_CELL_LENGTH` characters), so the time is linear in the input. Every row is checked: a calendar
 * date, prices within `PRICE_RANGE`, a volume within 0 to `MAX_VOLUME`, dates ascending and unique;
 * errors name the file and line and echo at most 80 characters. Rows whose low/high do not bracket open
 * and close, and days whose adjusted close moves by a factor beyond `MAX_DAY_RATIO`, are kept and
 * returned as warnings (DESIGN section 2), or are errors with `strict`. With `onInvalidRow` (lenient
 * reading), rows with unusable values are passed to it and skipped; the header, the field count and the
 * date order stay strict.
 *
 * @example readPriceColumns(readFileSync("data/prices/1810.HK.csv"), "1810.HK.csv").columns.close
 */
export function readPriceColumns(content: string | Uint8Array, file: string, options: PriceCsvOptions = {}): ParsedPrices {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.isBuffer(content) ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const cells = spareCells ?? newCells();
  spareCells = undefined;
  let columns: PriceColumns;
  try {
    columns = readRows(bytes, file, options, cells);
  } finally {
    spareCells = cells;
  }
  const warnings: PriceWarning[] = [];
  for (let k = 0; k < columns.dates.length; k++) if (suspectRow(columns, k)) warnings.push(...rowWarnings(columns, k));
  return { columns, warnings };
}

/**
 * The rows of a price file as columns (see `readPriceColumns`); with `strict`, a suspect row is an error.
 * Warnings are made afterwards, not here: a path first taken after V8 has optimised this loop (the first
 * suspect row of a later file) would discard the optimised code.
 */
function readRows(bytes: Buffer, file: string, { onInvalidRow, strict = false }: PriceCsvOptions, cells: Cells): PriceColumns {
  const length = bytes.length;
  // One row per line after the header at most, and at most one per `MIN_ROW_BYTES` (so that a file of blank
  // lines takes no more memory than rows would): the columns are allocated once, at their final size unless
  // blank lines or skipped rows leave them longer.
  const columns = emptyColumns(Math.max(Math.min(lineCount(bytes) - 1, Math.floor((length + 1) / MIN_ROW_BYTES) + 1), 0));
  const { dates, lines } = columns;
  const values = [columns.open, columns.high, columns.low, columns.close, columns.adjClose, columns.volume];
  let layout: Layout | null = null;
  let count = 0;
  let previousDay = -1;
  let position = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let lineNumber = 0;
  try {
    while (position < length) {
      lineNumber++;
      const lineStart = position;
      let lineEnd = lineEndFrom(bytes, position);
      if (longerThan(bytes, lineStart, lineEnd, MAX_LINE_LENGTH)) throw new LineError(lineTooLong(bytes, lineStart, lineEnd));
      position = lineEnd + 1;
      if (lineEnd > lineStart && bytes[lineEnd - 1] === Byte.Return) lineEnd--;
      const fields = splitCells(bytes, lineStart, lineEnd, cells);
      if (fields === 0) continue;
      if (layout === null) {
        layout = readHeader(bytes, cells, fields);
        continue;
      }
      if (fields !== layout.fieldCount) throw new LineError(`expected ${layout.fieldCount} fields like the header, found ${fields}`);
      const day = cellDay(bytes, cells, layout.date);
      readValues(bytes, cells, layout, values, count);
      const unusable = day < 0 ? -1 : unusableValue(values, count);
      if (day < 0 || unusable >= 0) {
        const message = rowProblem(bytes, cells, layout, unusable < 0 ? Number.NaN : values[unusable]![count]!, unusable, lineStart, lineEnd);
        if (onInvalidRow === undefined) throw new LineError(message, day < 0 ? "date" : VALUE_FIELDS[unusable]);
        onInvalidRow(lineNumber, message);
        continue;
      }
      const date = cellDate(bytes, cells, layout.date, day);
      if (day <= previousDay) throw new LineError(dateOrderProblem(date, dates[count - 1]!, lines[count - 1]!), "date");
      previousDay = day;
      dates[count] = date;
      lines[count] = lineNumber;
      if (strict && suspectRow(columns, count)) throw new LineError(`${rowWarnings(columns, count)[0]!.message} (strict reading; without it the row is kept with a warning)`);
      count++;
    }
  } catch (error) {
    if (error instanceof LineError) throw new InputError("invalid-file", `${file} line ${lineNumber}: ${error.message}`, { file, line: lineNumber, field: error.field });
    throw error;
  }
  if (layout === null) throw new InputError("invalid-file", `${file}: the file is empty`, { file });
  if (count === 0) throw new InputError("invalid-file", `${file}: no price rows after the header`, { file });
  return count === columns.open.length ? columns : firstRows(columns, count);
}

/**
 * The first `count` rows of columns allocated larger, as views of them: nothing is copied (fresh memory costs more
 * than the copy, see `keepRows`), and the views hold at most the capacity `readRows` allocated.
 */
function firstRows(columns: PriceColumns, count: number): PriceColumns {
  const { dates, open, high, low, close, adjClose, volume, lines } = columns;
  dates.length = count;
  return { dates, open: open.subarray(0, count), high: high.subarray(0, count), low: low.subarray(0, count), close: close.subarray(0, count), adjClose: adjClose.subarray(0, count), volume: volume.subarray(0, count), lines: lines.subarray(0, count) };
}

/** The number of lines in `bytes` (newlines, plus one for a last line without one). */
function lineCount(bytes: Uint8Array): number {
  let count = bytes.length > 0 && bytes[bytes.length - 1] !== Byte.Newline ? 1 : 0;
  for (let position = bytes.indexOf(Byte.Newline); position >= 0; position = bytes.indexOf(Byte.Newline, position + 1)) count++;
  return count;
}

/** The fewest bytes a kept row takes: a 10-byte date, the five commas of the required columns, the newline. */
const MIN_ROW_BYTES = 16;

/**
 * Where the line from `position` ends: at its newline or the end of the bytes. The search is native (memchr): a loop
 * over the bytes here and in `lineCount` ran interpreted through the first files of a read, before V8 optimised it.
 */
function lineEndFrom(bytes: Uint8Array, position: number): number {
  const end = bytes.indexOf(Byte.Newline, position);
  return end < 0 ? bytes.length : end;
}

/** A problem with the current line, and the column at fault when there is one; `readPriceColumns` adds the file and line. */
class LineError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * The cells of one line, trimmed of spaces and tabs: cell `k` is `[start[k], end[k])` of the file's bytes,
 * or when `quoted[k]` is 1 of `unquoted`, which holds the line's quoted cells (a quoted cell may hold commas;
 * `""` inside quotes is one quote).
 */
interface Cells {
  start: Int32Array;
  end: Int32Array;
  quoted: Uint8Array;
  unquoted: Uint8Array;
}

function newCells(): Cells {
  // A line of at most MAX_LINE_LENGTH characters has at most MAX_LINE_LENGTH + 1 cells and 3 bytes per character.
  const cells = MAX_LINE_LENGTH + 1;
  return { start: new Int32Array(cells), end: new Int32Array(cells), quoted: new Uint8Array(cells), unquoted: Buffer.alloc(3 * MAX_LINE_LENGTH) };
}

/** The cells of the last read, for the next (a read started from an `onInvalidRow` callback makes its own). */
let spareCells: Cells | undefined;

/** Splits the line `bytes[lineStart, lineEnd)` into `cells`; the number of cells, 0 for a blank line. */
function splitCells(bytes: Uint8Array, lineStart: number, lineEnd: number, cells: Cells): number {
  const { start, end, quoted } = cells;
  let count = 0;
  let i = lineStart;
  let unquotedLength = 0;
  let blankLine = true;
  for (;;) {
    while (i < lineEnd && isBlank(bytes[i]!)) i++;
    if (i < lineEnd && bytes[i] === Byte.Quote) {
      i = unquote(bytes, i, lineStart, lineEnd, cells, count, unquotedLength);
      unquotedLength = end[count]!;
      blankLine = false;
    } else {
      const cellStart = i;
      while (i < lineEnd && bytes[i] !== Byte.Comma) i++;
      let cellEnd = i;
      while (cellEnd > cellStart && isBlank(bytes[cellEnd - 1]!)) cellEnd--;
      if (cellEnd > cellStart) blankLine = false;
      start[count] = cellStart;
      end[count] = cellEnd;
      quoted[count] = 0;
    }
    count++;
    if (longerThan(cellBytes(bytes, cells, count - 1), start[count - 1]!, end[count - 1]!, MAX_CELL_LENGTH)) {
      throw new LineError(`field ${count} is longer than ${MAX_CELL_LENGTH} characters: ${echo(cellText(bytes, cells, count - 1))}`);
    }
    if (i >= lineEnd) break;
    i++;
    blankLine = false;
  }
  return blankLine ? 0 : count;
}

/**
 * Copies the quoted cell opening at `at` into `cells.unquoted` from `into`, as cell `k`; where the next cell
 * starts (at its comma or the line end).
 */
function unquote(bytes: Uint8Array, at: number, lineStart: number, lineEnd: number, cells: Cells, k: number, into: number): number {
  const unquoted = cells.unquoted;
  let i = at + 1;
  let length = into;
  for (;;) {
    if (i >= lineEnd) throw new LineError(`a quoted field is not closed: ${echo(textAt(bytes, lineStart, lineEnd))}`);
    const byte = bytes[i]!;
    if (byte === Byte.Quote) {
      if (i + 1 >= lineEnd || bytes[i + 1] !== Byte.Quote) break;
      i++;
    }
    unquoted[length++] = byte;
    i++;
  }
  cells.start[k] = into;
  cells.end[k] = length;
  cells.quoted[k] = 1;
  i++;
  while (i < lineEnd && isBlank(bytes[i]!)) i++;
  if (i < lineEnd && bytes[i] !== Byte.Comma) throw new LineError(`text after a quoted field: ${echo(textAt(bytes, lineStart, lineEnd))}`);
  return i;
}

/** The bytes cell `k` lies in: the file's, or the unquoted copy of a quoted cell. */
function cellBytes(bytes: Uint8Array, cells: Cells, k: number): Uint8Array {
  return cells.quoted[k] === 1 ? cells.unquoted : bytes;
}

function cellText(bytes: Uint8Array, cells: Cells, k: number): string {
  return textAt(cellBytes(bytes, cells, k), cells.start[k]!, cells.end[k]!);
}

/**
 * Reads a row's values (open, high, low, close, adjClose, volume; see `decimalAt`) into row `row` of their
 * columns: stored here, a number is never boxed on its way back to a caller that V8 has not yet optimised.
 */
function readValues(bytes: Uint8Array, cells: Cells, layout: Layout, values: readonly Float64Array[], row: number): void {
  for (let field = 0; field < 6; field++) {
    const k = layout.values[field]!;
    values[field]![row] = decimalAt(cellBytes(bytes, cells, k), cells.start[k]!, cells.end[k]!);
  }
}

function cellDay(bytes: Uint8Array, cells: Cells, k: number): number {
  return tradingDayAt(cellBytes(bytes, cells, k), cells.start[k]!, cells.end[k]!);
}

function cellDate(bytes: Uint8Array, cells: Cells, k: number, day: number): string {
  return dateString(day, cellBytes(bytes, cells, k), cells.start[k]!);
}

/** Where a file's columns are: its field count, the date column, and open, high, low, close, adjClose, volume. */
interface Layout {
  fieldCount: number;
  date: number;
  values: Int32Array;
}

/** The layout of a header line of `count` cells, or an error naming the columns it lacks. */
function readHeader(bytes: Uint8Array, cells: Cells, count: number): Layout {
  const columns = Array.from({ length: count }, (_, k) => cellText(bytes, cells, k).toLowerCase().split(" ").filter(Boolean).join("_"));
  const missing = REQUIRED_COLUMNS.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    throw new LineError(`missing column(s) ${missing.join(", ")}; expected date,open,high,low,close,adj_close,volume (or Yahoo's Date,Open,High,Low,Close,Adj Close,Volume)`);
  }
  const close = columns.indexOf("close");
  const adjusted = columns.indexOf("adj_close");
  return { fieldCount: count, date: columns.indexOf("date"), values: Int32Array.of(columns.indexOf("open"), columns.indexOf("high"), columns.indexOf("low"), close, adjusted >= 0 ? adjusted : close, columns.indexOf("volume")) };
}

/** Why a row cannot be used, with the row echoed: its date (when `unusable` is -1) or its value `unusable` (see `unusableValue`), `value`. */
function rowProblem(bytes: Uint8Array, cells: Cells, layout: Layout, value: number, unusable: number, lineStart: number, lineEnd: number): string {
  const problem = unusable < 0 ? dateProblem(cellText(bytes, cells, layout.date)) : valueProblem(unusable, value, cellText(bytes, cells, layout.values[unusable]!));
  return `${problem} (row: ${echo(textAt(bytes, lineStart, lineEnd))})`;
}

/** The error for a line longer than `MAX_LINE_LENGTH`, echoing its first characters (at most 4 bytes each). */
function lineTooLong(bytes: Uint8Array, lineStart: number, lineEnd: number): string {
  const start = textAt(bytes, lineStart, Math.min(lineEnd, lineStart + 4 * ECHO_LENGTH)).slice(0, ECHO_LENGTH);
  return `the line is longer than ${MAX_LINE_LENGTH} characters: ${start}...`;
}

function dateProblem(cell: string): string {
  return `date: expected a date YYYY-MM-DD (optionally with a time), found "${echo(cell)}"`;
}

function dateOrderProblem(date: string, previousDate: string, previousLine: number): string {
  return date === previousDate ? `duplicate date ${date}, also on line ${previousLine}` : `dates are not in ascending order: ${date} follows ${previousDate}`;
}


/** The bars of price columns, one object per row (for APIs that hand bars to users; the study path reads the columns). */
export function barsOf(columns: PriceColumns): PriceBar[] {
  const bars: PriceBar[] = new Array(columns.dates.length);
  for (let k = 0; k < bars.length; k++) {
    bars[k] = { date: columns.dates[k]!, open: columns.open[k]!, high: columns.high[k]!, low: columns.low[k]!, close: columns.close[k]!, adjClose: columns.adjClose[k]!, volume: columns.volume[k]! };
  }
  return bars;
}

/**
 * The columns of bars in ascending date order (bars built in code, such as a synthetic panel); `lines`
 * counts rows from 1.
 *
 * @example alignPrices(columnsOf(myBars), readPriceSeries(bundledDataDir, "^HSI").columns)
 */
export function columnsOf(bars: readonly PriceBar[]): PriceColumns {
  const column = (field: Exclude<keyof PriceBar, "date">) => Float64Array.from(bars, (bar) => bar[field]);
  return {
    dates: bars.map((bar) => bar.date),
    open: column("open"),
    high: column("high"),
    low: column("low"),
    close: column("close"),
    adjClose: column("adjClose"),
    volume: column("volume"),
    lines: Int32Array.from(bars, (_, k) => k + 1),
  };
}

/** The rows `rows` (ascending indices) of price columns, as new columns. */
export function selectRows(columns: PriceColumns, rows: Int32Array): PriceColumns {
  const selected = emptyColumns(rows.length);
  copyRows(columns, selected, rows);
  return selected;
}

/**
 * The rows `rows` (ascending indices) of columns the caller owns, moved down in place: the columns are changed and
 * the result views them. Nothing is allocated: on some machines (virtual ones) a page of fresh memory costs more to
 * touch than copying it.
 */
export function keepRows(columns: PriceColumns, rows: Int32Array): PriceColumns {
  copyRows(columns, columns, rows);
  return firstRows(columns, rows.length);
}

/** Copies row `rows[k]` of `from` to row `k` of `to`, for each `k`; `to` may be `from` (with ascending rows, a row only moves down). */
function copyRows(from: PriceColumns, to: PriceColumns, rows: Int32Array): void {
  const { dates, open, high, low, close, adjClose, volume, lines } = to;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    dates[k] = from.dates[row]!;
    open[k] = from.open[row]!;
    high[k] = from.high[row]!;
    low[k] = from.low[row]!;
    close[k] = from.close[row]!;
    adjClose[k] = from.adjClose[row]!;
    volume[k] = from.volume[row]!;
    lines[k] = from.lines[row]!;
  }
}

/** Columns with room for `capacity` rows. */
function emptyColumns(capacity: number): PriceColumns {
  return {
    dates: new Array<string>(capacity),
    open: new Float64Array(capacity),
    high: new Float64Array(capacity),
    low: new Float64Array(capacity),
    close: new Float64Array(capacity),
    adjClose: new Float64Array(capacity),
    volume: new Float64Array(capacity),
    lines: new Int32Array(capacity),
  };
}

/**
 * Parses and validates a daily price CSV (its text or bytes) into bars (see `readPriceColumns`; warnings are
 * left out here). Errors name the file and line; with `onInvalidRow`, rows that fail the checks are
 * passed to it and skipped.
 */
export function parsePriceCsv(content: string | Uint8Array, file: string, onInvalidRow?: InvalidRowHandler): PriceBar[] {
  return barsOf(readPriceColumns(content, file, { onInvalidRow }).columns);
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
