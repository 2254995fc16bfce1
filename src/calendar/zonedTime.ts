/**
 * The UTC instant (ms since epoch) of a wall-clock date and time in an IANA time zone.
 * Uses the offset that Intl reports for the zone at that moment; a wall time that falls in a
 * daylight-saving gap resolves to the instant one offset later, as most libraries do.
 *
 * @example zonedInstant("2021-01-14", "15:50", "America/New_York") // Date.UTC(2021, 0, 14, 20, 50)
 */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const key = `${date} ${time} ${timeZone}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    if (instants.size >= 100_000) instants.clear();
    instant = computeZonedInstant(date, time, timeZone);
    instants.set(key, instant);
  }
  return instant;
}

/** Instants already computed: a large study asks for the same few dates, times and zones many times. */
const instants = new Map<string, number>();

function computeZonedInstant(date: string, time: string, timeZone: string): number {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const guessOffset = offsetMs(asUtc, timeZone);
  const guess = asUtc - guessOffset;
  const actualOffset = offsetMs(guess, timeZone);
  if (actualOffset === guessOffset) return guess;
  const other = asUtc - actualOffset;
  if (offsetMs(other, timeZone) === actualOffset) return other;
  return Math.max(guess, other);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetMs(instant: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** True when `timeZone` is an IANA zone name this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  let known = timeZones.get(timeZone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone });
      known = true;
    } catch {
      known = false;
    }
    if (timeZones.size < 10_000) timeZones.set(timeZone, known);
  }
  return known;
}

/** Zone names already checked (a large spec names the same few zones many times). */
const timeZones = new Map<string, boolean>();
