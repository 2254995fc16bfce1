import { parse } from "csv-parse/sync";
import { z } from "zod";
import { isoDateSchema } from "../calendar/isoDate.js";
import { InputError } from "../errors.js";
import type { PriceBar } from "./priceBar.js";

/**
 * Column layouts accepted for daily prices, keyed by normalised header name
 * (lower case, spaces as `_`):
 * - event-impact: `date,open,high,low,close,adj_close,volume`
 * - Yahoo CSV download: `Date,Open,High,Low,Close,Adj Close,Volume`
 * - yfinance `history()`: `Date,Open,High,Low,Close,Volume,Dividends,Stock Splits`, dates such as
 *   `2020-01-02 00:00:00+08:00`; its prices are already adjusted, so `adjClose = close`.
 */
const REQUIRED_COLUMNS = ["date", "open", "high", "low", "close", "volume"] as const;

const price = z.number({ error: "expected a number" }).finite().positive("must be a positive price");

const barSchema = z
  .object({
    date: isoDateSchema,
    open: price,
    high: price,
    low: price,
    close: price,
    adjClose: price,
    volume: z.number({ error: "expected a number" }).finite().nonnegative("must not be negative"),
  })
  .superRefine((bar, ctx) => {
    if (bar.low > Math.min(bar.open, bar.close)) ctx.addIssue({ code: "custom", path: ["low"], message: `low ${bar.low} is above min(open, close) ${Math.min(bar.open, bar.close)}` });
    if (bar.high < Math.max(bar.open, bar.close)) ctx.addIssue({ code: "custom", path: ["high"], message: `high ${bar.high} is below max(open, close) ${Math.max(bar.open, bar.close)}` });
  });

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function toNumber(text: string | undefined): number {
  const trimmed = (text ?? "").trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The date part of a date cell: `2020-01-02`, or a stamp such as `2020-01-02 00:00:00+08:00` (yfinance). */
function tradingDate(text: string): string {
  const stamp = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text.trim());
  return stamp === null ? text : stamp[1]!;
}

/**
 * The records of a CSV text with their line numbers. Price files rarely quote fields, so unquoted text is
 * split directly (several times faster than a general parser); text with quotes goes to csv-parse.
 */
function csvRecords(text: string, file: string): { record: string[]; line: number }[] {
  if (text.includes('"')) {
    try {
      const parsed = parse(text, { skip_empty_lines: true, trim: true, bom: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
      return parsed.map(({ record, info }) => ({ record, line: info.lines }));
    } catch (error) {
      throw new InputError("invalid-file", `${file}: not a readable CSV file: ${(error as Error).message}`, { file });
    }
  }
  const records: { record: string[]; line: number }[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    const record = line.split(",").map((cell) => cell.trim());
    const expected = records[0]?.record.length;
    if (expected !== undefined && record.length !== expected) {
      throw new InputError("invalid-file", `${file} line ${i + 1}: expected ${expected} fields like the header, found ${record.length}`, { file, line: i + 1 });
    }
    records.push({ record, line: i + 1 });
  }
  return records;
}

/** Receives a row that failed validation, in lenient reading, instead of an error. */
export type InvalidRowHandler = (line: number, message: string) => void;

/**
 * Parses and validates the text of a daily price CSV: every row checked (finite positive prices,
 * `low <= open, close <= high`), dates ascending and unique. Errors name the file and line. With
 * `onInvalidRow` (lenient reading), rows that fail the checks are passed to it and skipped; the header
 * and the date order stay strict.
 */
export function parsePriceCsv(text: string, file: string, onInvalidRow?: InvalidRowHandler): PriceBar[] {
  const rows = csvRecords(text, file);
  const header = rows[0]?.record;
  if (header === undefined) throw new InputError("invalid-file", `${file}: the file is empty`, { file });
  const columns = header.map((name) => name.trim().toLowerCase().replace(/\s+/g, "_"));
  const index = (name: string) => columns.indexOf(name);
  const missing = REQUIRED_COLUMNS.filter((name) => index(name) < 0);
  if (missing.length > 0) {
    throw new InputError(
      "invalid-file",
      `${file} line 1: missing column(s) ${missing.join(", ")}; expected date,open,high,low,close,adj_close,volume (or Yahoo's Date,Open,High,Low,Close,Adj Close,Volume)`,
      { file, line: 1 },
    );
  }
  const at = { date: index("date"), open: index("open"), high: index("high"), low: index("low"), close: index("close"), adjClose: index("adj_close"), volume: index("volume") };

  const bars: PriceBar[] = [];
  let previousLine = 0;
  for (let r = 1; r < rows.length; r++) {
    const { record: row, line } = rows[r]!;
    const close = toNumber(row[at.close]);
    const candidate = {
      date: tradingDate(row[at.date] ?? ""),
      open: toNumber(row[at.open]),
      high: toNumber(row[at.high]),
      low: toNumber(row[at.low]),
      close,
      adjClose: at.adjClose >= 0 ? toNumber(row[at.adjClose]) : close,
      volume: toNumber(row[at.volume]),
    };
    const checked = barSchema.safeParse(candidate);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const message = `${String(issue.path[0] ?? "row")}: ${issue.message} (row: ${row.join(",")})`;
      if (onInvalidRow === undefined) throw new InputError("invalid-file", `${file} line ${line}: ${message}`, { file, line, field: String(issue.path[0] ?? "row") });
      onInvalidRow(line, message);
      continue;
    }
    const previous = bars[bars.length - 1];
    if (previous !== undefined && checked.data.date <= previous.date) {
      const problem =
        checked.data.date === previous.date
          ? `duplicate date ${previous.date}, also on line ${previousLine}`
          : `dates are not in ascending order: ${checked.data.date} follows ${previous.date}`;
      throw new InputError("invalid-file", `${file} line ${line}: ${problem}`, { file, line, field: "date" });
    }
    bars.push(checked.data);
    previousLine = line;
  }
  if (bars.length === 0) throw new InputError("invalid-file", `${file}: no price rows after the header`, { file });
  return bars;
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
