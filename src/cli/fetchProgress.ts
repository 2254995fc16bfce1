import type { FetchEvent, FetchOutcome } from "../sources/fetchPrices.js";

/** A few words about a finished symbol: its rows and dates, or the kind of failure (the message comes with the summary). */
function outcomeNote(outcome: FetchOutcome): string {
  if (outcome.error !== null) return `failed (${outcome.error.failure})`;
  const entry = outcome.entry!;
  return `${entry.rows} rows, ${entry.first} to ${entry.last} (${outcome.added} new, ${outcome.changed} changed)`;
}

function retryLine(event: Extract<FetchEvent, { type: "retry" }>): string {
  return `${event.symbol}: ${event.error.message}; attempt ${event.attempt} of ${event.attempts} failed, retrying in ${event.delayMs / 1000} s`;
}

/**
 * Reports fetch progress on a stream: on a terminal, a bar redrawn in place (`[#####-----] 3/10 0700.HK`)
 * and cleared when done; otherwise one plain line per finished symbol and per retry. Failures are
 * named by kind; their messages are for the caller to print.
 */
export function fetchProgress(stream: NodeJS.WriteStream = process.stderr): (event: FetchEvent) => void {
  if (!stream.isTTY) {
    return (event) => {
      if (event.type === "start") stream.write(`fetching ${event.total} symbol(s) from ${event.origin}\n`);
      else if (event.type === "retry") stream.write(`${retryLine(event)}\n`);
      else stream.write(`[${event.done}/${event.total}] ${event.outcome.symbol}: ${outcomeNote(event.outcome)}\n`);
    };
  }
  const width = 24;
  let done = 0;
  let total = 0;
  const draw = (note: string) => {
    const filled = total === 0 ? 0 : Math.round((done / total) * width);
    const line = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${note}`;
    stream.write(`\r\x1b[2K${line.slice(0, Math.max(20, (stream.columns || 80) - 1))}`);
  };
  return (event) => {
    if (event.type === "start") {
      total = event.total;
      return draw(`fetching from ${event.origin}`);
    }
    if (event.type === "retry") return draw(`${event.symbol}: ${event.error.failure}, retry ${event.attempt} in ${event.delayMs / 1000} s`);
    ({ done, total } = event);
    if (done === total) stream.write("\r\x1b[2K");
    else draw(`${event.outcome.symbol} ${event.outcome.error === null ? "ok" : "failed"}`);
  };
}
