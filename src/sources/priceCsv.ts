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
  Bom = 0xfeff,
}

const isDigit = (code: number) => code >= Char.Zero && code <= Char.Nine;
const isBlank = (code: number) => code === Char.Space || code === Char.Tab;

/** Powers of ten that a double holds exactly. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A decimal number `[+-]digits[.digits][e[+-]digits]` in `text[start, end)`, or NaN for anything else
 * (`null`, `NaN`, `1.2.3`, an empty cell), in one scan of the cell. Up to 15 significant digits and 22
 * decimals, the value is the integer of its digits divided by a power of ten, both exact, so the one
 * rounding of the division gives what `Number` gives (Clinger's fast path); other cells go to `Number`.
 */
export function decimalAt(text: string, start: number, end: number): number {
  let i = start;
  const first = text.charCodeAt(i);
  const negative = first === Char.Minus;
  if (negative || first === Char.Plus) i++;
  let digits = 0;
  let mantissa = 0;
  let decimals = 0;
  for (let code = text.charCodeAt(i); i < end && isDigit(code); code = text.charCodeAt(++i)) {
    mantissa = mantissa * 10 + (code - Char.Zero);
    digits++;
  }
  if (i < end && text.charCodeAt(i) === Char.Dot) {
    i++;
    for (let code = text.charCodeAt(i); i < end && isDigit(code); code = text.charCodeAt(++i)) {
      mantissa = mantissa * 10 + (code - Char.Zero);
      digits++;
      decimals++;
    }
  }
  if (digits === 0) return Number.NaN;
  if (i === end) {
    if (mantissa <= Number.MAX_SAFE_INTEGER && decimals <= 22) return (negative ? -mantissa : mantissa) / EXACT_POWERS_OF_TEN[decimals]!;
    return Number(text.slice(start, end));
  }
  const e = text.charCodeAt(i);
  if (e !== Char.LowerE && e !== Char.UpperE) return Number.NaN;
  i++;
  const sign = text.charCodeAt(i);
  if (sign === Char.Plus || sign === Char.Minus) i++;
  const exponentStart = i;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  return i === end && i > exponentStart ? Number(text.slice(start, end)) : Number.NaN;
}

function digitsAt(text: string, at: number, count: number): boolean {
  for (let k = at; k < at + count; k++) if (!isDigit(text.charCodeAt(k))) return false;
  return true;
}

function numberAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let k = at; k < at + count; k++) value = value * 10 + (text.charCodeAt(k) - Char.Zero);
  return value;
}

/**
 * The trading date of a date cell `text[start, end)`: `2020-01-02`, or a stamp such as
 * `2020-01-02 00:00:00+08:00` (yfinance) whose date part is taken; null when it is neither.
 */
function tradingDateAt(text: string, start: number, end: number): string | null {
  if (end - start < 10 || !digitsAt(text, start, 4) || text.charCodeAt(start + 4) !== Char.Minus || !digitsAt(text, start + 5, 2) || text.charCodeAt(start + 7) !== Char.Minus || !digitsAt(text, start + 8, 2)) return null;
  const year = numberAt(text, start, 4);
  const month = numberAt(text, start + 5, 2);
  const day = numberAt(text, start + 8, 2);
  if (!isCalendarDay(year, month, day)) return null;
  if (start + 10 < end && !timeOfDayEndsAt(text, start + 10, end)) return null;
  const key = year * 10_000 + month * 100 + day;
  let date = dateStrings.get(key);
  if (date === undefined) {
    if (dateStrings.size >= MAX_HELD_DATES) dateStrings.clear();
    dateStrings.set(key, (date = text.slice(start, start + 10)));
  }
  return date;
}

/**
 * Date strings already made, by `yyyymmdd`: the files of one market share their dates, so a universe read
 * holds each date once rather than once per file (fewer objects for the garbage collector to copy).
 */
const dateStrings = new Map<number, string>();
const MAX_HELD_DATES = 100_000;

/** True when `text[i, end)` is a time of day ` HH:MM[:SS[.fff]][Z|+HH[:]MM]` (or with `T`). */
function timeOfDayEndsAt(text: string, i: number, end: number): boolean {
  const separator = text.charCodeAt(i);
  if (separator !== Char.Space && separator !== Char.UpperT) return false;
  i++;
  if (!digitsAt(text, i, 2) || text.charCodeAt(i + 2) !== Char.Colon || !digitsAt(text, i + 3, 2)) return false;
  i += 5;
  if (text.charCodeAt(i) === Char.Colon && digitsAt(text, i + 1, 2)) i += 3;
  if (text.charCodeAt(i) === Char.Dot) {
    i++;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
  }
  if (i === end) return true;
  const zone = text.charCodeAt(i);
  if (zone === Char.UpperZ) return i + 1 === end;
  if (zone !== Char.Plus && zone !== Char.Minus) return false;
  i++;
  if (!digitsAt(text, i, 2)) return false;
  i += 2;
  if (text.charCodeAt(i) === Char.Colon) i++;
  return digitsAt(text, i, 2) && i + 2 === end;
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

const VALUE_FIELDS = ["open", "high", "low", "close", "adj_close", "volume"] as const;
const VOLUME = 5;

/** The first of a row's values (open, high, low, close, adjClose, volume) that is not a number within its sane range, or -1. */
function unusableValue(values: Float64Array): number {
  for (let k = 0; k < VOLUME; k++) {
    const value = values[k]!;
    if (!(value >= PRICE_RANGE[0] && value <= PRICE_RANGE[1])) return k;
  }
  const volume = values[VOLUME]!;
  return volume >= 0 && volume <= MAX_VOLUME ? -1 : VOLUME;
}

/** Why value `k` of a row (see `unusableValue`), read from the cell `cell`, cannot be used, naming its column. */
function valueProblem(k: number, value: number, cell: string): { field: string; message: string } {
  const field = VALUE_FIELDS[k]!;
  if (Number.isNaN(value)) return { field, message: `${field}: expected a number, found "${echo(cell)}"` };
  if (k === VOLUME) return { field, message: `volume: ${cell} must be between 0 and ${MAX_VOLUME}` };
  return { field, message: value > 0 ? `${field}: ${cell} is outside the sane price range ${PRICE_RANGE[0]} to ${PRICE_RANGE[1]}` : `${field}: must be a positive price, found ${cell}` };
}

/**
 * How far a low may sit above, or a high below, the open or close, relative to the price: the rounding of
 * back-adjusted float prices (1.7266775369644167 against 1.7266775369644165), not an inconsistency.
 */
export const OHLC_TOLERANCE = 1e-9;

/** Why a row's low/high do not bracket its open and close (beyond `OHLC_TOLERANCE`), or null when they do. */
export function ohlcProblem(open: number, high: number, low: number, close: number): string | null {
  if (low > Math.min(open, close) * (1 + OHLC_TOLERANCE)) return `low ${low} is above min(open, close) ${Math.min(open, close)}`;
  if (high < Math.max(open, close) * (1 - OHLC_TOLERANCE)) return `high ${high} is below max(open, close) ${Math.max(open, close)}`;
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
  const builder = new ColumnBuilder(Math.ceil(text.length / 48));
  const warnings: PriceWarning[] = [];
  const cells: Cells = { start: new Int32Array(MAX_LINE_LENGTH + 2), end: new Int32Array(MAX_LINE_LENGTH + 2), quoted: [], count: 0 };
  let layout: Layout | null = null;
  const values = new Float64Array(6);
  const length = text.length;
  let position = text.charCodeAt(0) === Char.Bom ? 1 : 0;
  let lineNumber = 0;
  try {
    while (position < length) {
      lineNumber++;
      const lineStart = position;
      const newline = text.indexOf("\n", position);
      let lineEnd = newline < 0 ? length : newline;
      if (lineEnd - lineStart > MAX_LINE_LENGTH) throw new LineError(lineTooLong(text, lineStart));
      position = lineEnd + 1;
      if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === Char.Return) lineEnd--;
      if (!splitCells(text, lineStart, lineEnd, cells)) continue;
      if (layout === null) {
        layout = readHeader(text, cells);
        continue;
      }
      if (cells.count !== layout.fieldCount) throw new LineError(`expected ${layout.fieldCount} fields like the header, found ${cells.count}`);
      const date = dateCell(text, cells, layout.date);
      for (let k = 0; k < 6; k++) values[k] = numberCell(text, cells, layout.values[k]!);
      const unusable = date === null ? -1 : unusableValue(values);
      if (date === null || unusable >= 0) {
        const problem = date === null ? { field: "date", message: dateProblem(text, cells, layout.date) } : valueProblem(unusable, values[unusable]!, cellText(text, cells, layout.values[unusable]!));
        const message = `${problem.message} (row: ${echo(text.slice(lineStart, lineEnd))})`;
        if (onInvalidRow === undefined) throw new LineError(message, problem.field);
        onInvalidRow(lineNumber, message);
        continue;
      }
      const previousDate = builder.dates[builder.length - 1];
      if (previousDate !== undefined && date! <= previousDate) throw new LineError(dateOrderProblem(date!, previousDate, builder.lastLine()), "date");
      const ohlc = ohlcProblem(values[0]!, values[1]!, values[2]!, values[3]!);
      if (ohlc !== null) warnings.push(warning(lineNumber, date!, "ohlc", `${ohlc}: intraday measures of ${date} are not used`, strict));
      if (builder.length > 0) {
        const ratio = values[4]! / builder.lastAdjClose();
        if (ratio > MAX_DAY_RATIO || ratio < 1 / MAX_DAY_RATIO) warnings.push(warning(lineNumber, date!, "move", moveMessage(builder.lastAdjClose(), values[4]!, ratio), strict));
      }
      builder.push(date!, values, lineNumber);
    }
  } catch (error) {
    if (error instanceof LineError) throw new InputError("invalid-file", `${file} line ${lineNumber}: ${error.message}`, { file, line: lineNumber, field: error.field });
    throw error;
  }
  if (layout === null) throw new InputError("invalid-file", `${file}: the file is empty`, { file });
  if (builder.length === 0) throw new InputError("invalid-file", `${file}: no price rows after the header`, { file });
  return { columns: builder.columns(), warnings };
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

/** The cells of one line: `text[start[k], end[k])`, or `quoted[k]` when `start[k]` is -1. */
interface Cells {
  start: Int32Array;
  end: Int32Array;
  quoted: string[];
  count: number;
}

/** Where a file's columns are: its field count, the date column, and open, high, low, close, adjClose, volume. */
interface Layout {
  fieldCount: number;
  date: number;
  values: number[];
}

/**
 * Splits `text[lineStart, lineEnd)` into trimmed cells (a quoted cell may hold commas; `""` inside quotes
 * is one quote); false for a blank line.
 */
function splitCells(text: string, lineStart: number, lineEnd: number, cells: Cells): boolean {
  let count = 0;
  let i = lineStart;
  let blankLine = true;
  for (;;) {
    while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
    let start = i;
    let end: number;
    if (i < lineEnd && text.charCodeAt(i) === Char.Quote) {
      const value = quotedCell(text, i, lineStart, lineEnd);
      i = value.next;
      cells.quoted[count] = value.text;
      start = -1;
      end = value.text.length - 1;
      blankLine = false;
    } else {
      const comma = text.indexOf(",", i);
      i = comma < 0 || comma > lineEnd ? lineEnd : comma;
      end = i;
      while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
      if (end > start) blankLine = false;
    }
    cells.start[count] = start;
    cells.end[count] = end;
    cells.count = count + 1;
    if (end - start > MAX_CELL_LENGTH) throw new LineError(`field ${count + 1} is longer than ${MAX_CELL_LENGTH} characters: ${echo(cellText(text, cells, count))}`);
    count++;
    if (i >= lineEnd) break;
    i++;
    blankLine = false;
  }
  return !blankLine;
}

/** The text of a quoted cell opening at `at`, and where the next cell starts (at its comma or the line end). */
function quotedCell(text: string, at: number, lineStart: number, lineEnd: number): { text: string; next: number } {
  let value = "";
  let i = at + 1;
  let from = i;
  for (;;) {
    const quote = text.indexOf('"', i);
    i = quote < 0 || quote > lineEnd ? lineEnd : quote;
    if (i >= lineEnd) throw new LineError(`a quoted field is not closed: ${echo(text.slice(lineStart, lineEnd))}`);
    value += text.slice(from, i);
    if (text.charCodeAt(i + 1) !== Char.Quote) break;
    value += '"';
    i += 2;
    from = i;
  }
  i++;
  while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
  if (i < lineEnd && text.charCodeAt(i) !== Char.Comma) throw new LineError(`text after a quoted field: ${echo(text.slice(lineStart, lineEnd))}`);
  return { text: value, next: i };
}

function cellText(text: string, cells: Cells, k: number): string {
  return cells.start[k]! < 0 ? cells.quoted[k]! : text.slice(cells.start[k], cells.end[k]);
}

function dateCell(text: string, cells: Cells, k: number): string | null {
  if (cells.start[k]! >= 0) return tradingDateAt(text, cells.start[k]!, cells.end[k]!);
  const quoted = cells.quoted[k]!;
  return tradingDateAt(quoted, 0, quoted.length);
}

function numberCell(text: string, cells: Cells, k: number): number {
  if (cells.start[k]! >= 0) return decimalAt(text, cells.start[k]!, cells.end[k]!);
  const quoted = cells.quoted[k]!;
  return decimalAt(quoted, 0, quoted.length);
}

/** The layout of a header line, or an error naming the columns it lacks. */
function readHeader(text: string, cells: Cells): Layout {
  const columns = Array.from({ length: cells.count }, (_, k) => cellText(text, cells, k).toLowerCase().split(" ").filter(Boolean).join("_"));
  const missing = REQUIRED_COLUMNS.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    throw new LineError(`missing column(s) ${missing.join(", ")}; expected date,open,high,low,close,adj_close,volume (or Yahoo's Date,Open,High,Low,Close,Adj Close,Volume)`);
  }
  const close = columns.indexOf("close");
  const adjusted = columns.indexOf("adj_close");
  return { fieldCount: cells.count, date: columns.indexOf("date"), values: [columns.indexOf("open"), columns.indexOf("high"), columns.indexOf("low"), close, adjusted >= 0 ? adjusted : close, columns.indexOf("volume")] };
}

function lineTooLong(text: string, lineStart: number): string {
  return `the line is longer than ${MAX_LINE_LENGTH} characters: ${echo(text.slice(lineStart, lineStart + ECHO_LENGTH))}...`;
}

function dateProblem(text: string, cells: Cells, k: number): string {
  return `date: expected a date YYYY-MM-DD (optionally with a time), found "${echo(cellText(text, cells, k))}"`;
}

function dateOrderProblem(date: string, previousDate: string, previousLine: number): string {
  return date === previousDate ? `duplicate date ${date}, also on line ${previousLine}` : `dates are not in ascending order: ${date} follows ${previousDate}`;
}

function moveMessage(from: number, to: number, ratio: number): string {
  return `the adjusted close moves from ${from} to ${to} (x${ratio.toPrecision(3)}) in one day: check for an unadjusted split or a unit change`;
}

/** A warning for a kept row, or with `strict` the error it becomes. */
function warning(line: number, date: string, kind: PriceWarning["kind"], message: string, strict: boolean): PriceWarning {
  if (strict) throw new LineError(`${message} (strict reading; without it the row is kept with a warning)`);
  return { line, date, kind, message };
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

/** The rows `rows` (ascending indices) of price columns, as columns. */
export function selectRows(columns: PriceColumns, rows: Int32Array): PriceColumns {
  const pick = <T extends Float64Array | Int32Array>(column: T, into: T): T => {
    for (let k = 0; k < rows.length; k++) into[k] = column[rows[k]!]!;
    return into;
  };
  const n = rows.length;
  return {
    dates: Array.from(rows, (row) => columns.dates[row]!),
    open: pick(columns.open, new Float64Array(n)),
    high: pick(columns.high, new Float64Array(n)),
    low: pick(columns.low, new Float64Array(n)),
    close: pick(columns.close, new Float64Array(n)),
    adjClose: pick(columns.adjClose, new Float64Array(n)),
    volume: pick(columns.volume, new Float64Array(n)),
    lines: pick(columns.lines, new Int32Array(n)),
  };
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
