import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import jstatModule from "jstat";
import { beforeEach, describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import { parseStudySpec, runStudy } from "../src/study/runStudy.js";
import { ols } from "./helpers/ols.js";
import { thrownInputError } from "./helpers/inputError.js";
import { xiaomiSpec } from "./helpers/xiaomiStudy.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const { jStat } = jstatModule as any;

/** Reads date -> adj_close from a bundled price file with a plain split, independently of src/sources. */
function readAdjCloses(file: string): Map<string, number> {
  const text = readFileSync(fileURLToPath(new URL(`../data/prices/${file}`, import.meta.url)), "utf8");
  const [header, ...rows] = text.trim().split(/\r?\n/);
  const columns = header!.split(",");
  const dateAt = columns.indexOf("date");
  const adjAt = columns.indexOf("adj_close");
  expect(dateAt).toBeGreaterThanOrEqual(0);
  expect(adjAt).toBeGreaterThanOrEqual(0);
  const out = new Map<string, number>();
  for (const row of rows) {
    const cells = row.split(",");
    out.set(cells[dateAt]!, Number(cells[adjAt]));
  }
  return out;
}

const thrownMessage = (fn: () => unknown): string => thrownInputError(fn).message;

describe("runStudy on the bundled Xiaomi data", () => {
  // Built before each test, not in the describe body, so that Stryker's per-test coverage credits the tests with it.
  let result: ReturnType<typeof runStudy>;
  let event: (typeof result.events)[number];
  beforeEach(() => {
    result = runStudy(xiaomiSpec() as never);
    event = result.events[0]!;
  });

  const firm = readAdjCloses("1810.HK.csv");
  const market = readAdjCloses("INDEX_HSI.csv");
  const dates = [...firm.keys()].filter((d) => market.has(d)).sort();
  const firmP = dates.map((d) => firm.get(d)!);
  const marketP = dates.map((d) => market.get(d)!);
  const day0 = dates.indexOf("2021-01-15");

  it("studies one event and drops none, echoing the spec", () => {
    expect(result.schemaVersion).toBe(1);
    expect(result.name).toBe("Xiaomi CCMC listing");
    expect(result.events).toHaveLength(1);
    expect(result.dropped).toEqual([]);
    expect(result.estimationWindow).toEqual([-250, -11]);
    expect(result.eventWindows).toEqual([
      [0, 0],
      [-1, 1],
      [0, 5],
    ]);
    expect(event.symbol).toBe("1810.HK");
    expect(event.market).toBe("^HSI");
    expect(event.announcement).toEqual({ date: "2021-01-14", time: "15:50", timezone: "America/New_York" });
    expect(result.prices.map((p) => p.symbol).sort()).toEqual(["1810.HK", "^HSI"]);
    expect(result.prices.find((p) => p.symbol === "1810.HK")).toMatchObject({ first: "2019-06-14", last: "2021-12-31" });
  });

  it("puts day 0 on 2021-01-15 (15:50 New York on the 14th is after the HK close) with 240 estimation days", () => {
    expect(event.day0).toBe("2021-01-15");
    expect(event.nEstimation).toBe(240);
    expect(event.df).toBe(238);
    expect(event.estimation).toEqual({ start: dates[day0 - 250], end: dates[day0 - 11] });
  });

  it("the day-0 return is 29.30/32.65 - 1 and the market's 28573.86/28496.86 - 1, read from the files", () => {
    expect(firm.get("2021-01-14")).toBe(32.65);
    expect(firm.get("2021-01-15")).toBe(29.3);
    expect(market.get("2021-01-14")).toBe(28496.86);
    expect(market.get("2021-01-15")).toBe(28573.86);
    const row0 = event.abnormalReturns.find((row) => row.offset === 0)!;
    expect(row0.date).toBe("2021-01-15");
    expect(row0.ret).toBe(29.3 / 32.65 - 1);
    expect(row0.ret).toBeCloseTo(-0.1026033690658499, 14);
    expect(row0.marketRet).toBe(28573.86 / 28496.86 - 1);
  });

  it("abnormal log volume and CAV (Campbell & Wasley 1996) recomputed from the CSV's volume column", () => {
    const text = readFileSync(fileURLToPath(new URL("../data/prices/1810.HK.csv", import.meta.url)), "utf8");
    const [header, ...rows] = text.trim().split(/\r?\n/);
    const volumeAt = header!.split(",").indexOf("volume");
    const volumes = new Map(rows.map((row) => [row.split(",")[0]!, Number(row.split(",")[volumeAt])]));
    // V = ln(1 + volume) over the estimation days with volume > 0; mean and sd (n-1).
    const logVolumes = dates.slice(day0 - 250, day0 - 10).filter((d) => volumes.get(d)! > 0).map((d) => Math.log(1 + volumes.get(d)!));
    const meanV = logVolumes.reduce((a, b) => a + b, 0) / logVolumes.length;
    const sdV = Math.sqrt(logVolumes.reduce((a, b) => a + (b - meanV) ** 2, 0) / (logVolumes.length - 1));
    const av = (offset: number) => Math.log(1 + volumes.get(dates[day0 + offset]!)!) - meanV;
    const row0 = event.abnormalReturns.find((row) => row.offset === 0)!;
    expect(Math.abs(row0.av - av(0))).toBeLessThan(1e-12);
    const w = event.windows[1]!; // [-1, 1]
    const cav = av(-1) + av(0) + av(1);
    expect(Math.abs(w.volume.cav - cav)).toBeLessThan(1e-12);
    expect(Math.abs(w.volume.t - cav / (sdV * Math.sqrt(3)))).toBeLessThan(1e-10);
    expect(w.volume.df).toBe(logVolumes.length - 1);
    expect(w.volume.days).toBe(3);
    // Xiaomi traded far more than usual around the listing
    expect(w.volume.p).toBeLessThan(0.01);
  });

  it("alpha, beta and sigma equal an OLS recomputed from the CSV files over offsets -250..-11", () => {
    const y: number[] = [];
    const x: number[] = [];
    for (let k = day0 - 250; k <= day0 - 11; k++) {
      y.push(firmP[k]! / firmP[k - 1]! - 1);
      x.push(marketP[k]! / marketP[k - 1]! - 1);
    }
    expect(y).toHaveLength(240);
    const { n, mx, sxx, alpha, beta, s2 } = ols(y, x);

    expect(Math.abs(event.beta - beta)).toBeLessThan(1e-10);
    expect(Math.abs(event.alpha - alpha)).toBeLessThan(1e-12);
    expect(Math.abs(event.sigma - Math.sqrt(s2))).toBeLessThan(1e-12);

    // Day-0 window, from the same independent numbers.
    const r0 = firmP[day0]! / firmP[day0 - 1]! - 1;
    const m0 = marketP[day0]! / marketP[day0 - 1]! - 1;
    const ar0 = r0 - alpha - beta * m0;
    const var0 = s2 * (1 + 1 / n + (m0 - mx) ** 2 / sxx);
    const t0 = ar0 / Math.sqrt(var0);
    const w0 = event.windows[0]!;
    expect(Math.abs(w0.car - ar0)).toBeLessThan(1e-12);
    expect(Math.abs(w0.variance - var0) / var0).toBeLessThan(1e-9);
    expect(Math.abs(w0.t - t0)).toBeLessThan(1e-8);
    // jStat's incomplete beta stops at about 3e-7 relative; the product's exact p is pinned in pValues.test.ts.
    const jStatP = 2 * jStat.studentt.cdf(-Math.abs(t0), 238);
    expect(Math.abs(w0.p - jStatP) / jStatP).toBeLessThan(1e-6);
    // A ~10% fall on day 0 is far outside Xiaomi's usual daily noise.
    expect(w0.car).toBeLessThan(-0.08);
    expect(w0.p).toBeLessThan(0.001);

    // [0, 5]: six ARs; Var(CAR) with L2 = 6.
    let car = 0;
    let sumM = 0;
    for (let k = day0; k <= day0 + 5; k++) {
      const r = firmP[k]! / firmP[k - 1]! - 1;
      const m = marketP[k]! / marketP[k - 1]! - 1;
      car += r - alpha - beta * m;
      sumM += m;
    }
    const w5 = event.windows[2]!;
    expect(w5.endDate).toBe(dates[day0 + 5]);
    expect(Math.abs(w5.car - car)).toBeLessThan(1e-12);
    const var5 = s2 * (6 + 36 / n + (sumM - 6 * mx) ** 2 / sxx);
    expect(Math.abs(w5.variance - var5) / var5).toBeLessThan(1e-9);
  });
});

describe("parseStudySpec", () => {
  it("accepts the Xiaomi spec and fills defaults for a minimal one", () => {
    expect(parseStudySpec(xiaomiSpec()).events[0]!.symbol).toBe("1810.HK");
    const minimal = parseStudySpec({ events: [{ symbol: "1810.HK", date: "2021-01-14" }] });
    expect(minimal).toMatchObject({ model: "market", returns: "simple", estimationWindow: [-250, -11], minEstimationObservations: 100 });
    expect(minimal.eventWindows).toEqual([
      [0, 0],
      [-1, 1],
      [0, 5],
    ]);
  });

  function invalid(edit: (spec: ReturnType<typeof xiaomiSpec>) => void): string {
    const spec = xiaomiSpec();
    edit(spec);
    return thrownMessage(() => parseStudySpec(spec));
  }

  it("a malformed event date names events.0.date", () => {
    expect(invalid((s) => (s.events[0]!.date = "2021-1-14"))).toContain("events.0.date");
  });

  it("an impossible event date (30 February) names events.0.date", () => {
    expect(invalid((s) => (s.events[0]!.date = "2021-02-30"))).toContain("events.0.date");
  });

  // Regression: "2021-13-01" passes the YYYY-MM-DD regex but is an Invalid Date, whose toISOString() throws a
  // RangeError; the shared calendar-date validator (src/calendar/isoDate.ts) must turn it into an InputError.
  it("a month 13 event date is an InputError naming events.0.date (not a RangeError)", () => {
    expect(invalid((s) => (s.events[0]!.date = "2021-13-01"))).toContain("events.0.date");
  });

  it("a bad time names events.0.time", () => {
    expect(invalid((s) => (s.events[0]!.time = "25:00"))).toContain("events.0.time");
  });

  it("an unknown time zone names events.0.timezone", () => {
    expect(invalid((s) => (s.events[0]!.timezone = "Mars/Olympus_Mons"))).toContain("events.0.timezone");
  });

  it("an event window with start > end names eventWindows.0", () => {
    expect(invalid((s) => (s.eventWindows = [[5, 0]]))).toContain("eventWindows.0");
  });

  it("an event window overlapping the estimation window names eventWindows.1", () => {
    expect(
      invalid(
        (s) =>
          (s.eventWindows = [
            [0, 0],
            [-20, 0],
          ]),
      ),
    ).toContain("eventWindows.1");
  });

  it("an unknown model names model", () => {
    expect(invalid((s) => (s.model = "capm"))).toMatch(/: model: /);
  });

  it("an unknown return kind names returns", () => {
    expect(invalid((s) => (s.returns = "percent"))).toMatch(/: returns: /);
  });

  it("a reversed estimation window names estimationWindow", () => {
    expect(invalid((s) => (s.estimationWindow = [-11, -250]))).toContain("estimationWindow");
  });

  it("minEstimationObservations below 3 names it", () => {
    expect(invalid((s) => (s.minEstimationObservations = 2))).toContain("minEstimationObservations");
  });

  it("no events names events", () => {
    expect(invalid((s) => (s.events = []))).toMatch(/events: .*at least one event/);
  });

  it("an unknown top-level key is rejected and named", () => {
    expect(invalid((s) => (s.extra = 1))).toContain("extra");
  });

  it("names the origin it is given", () => {
    expect(thrownMessage(() => parseStudySpec({}, "spec.json"))).toContain("spec.json");
  });
});

describe("runStudy with events the data cannot support", () => {
  it("keeps the good event and drops one whose symbol has no price file, with the reason", () => {
    const spec = xiaomiSpec();
    spec.events.push({ symbol: "9999.HK", date: "2021-01-14" });
    const result = runStudy(spec as never);
    expect(result.events.map((e) => e.symbol)).toEqual(["1810.HK"]);
    expect(result.dropped).toHaveLength(1);
    expect(result.dropped[0]).toMatchObject({ symbol: "9999.HK", date: "2021-01-14" });
    expect(result.dropped[0]!.reason).toMatch(/no price file for 9999\.HK/);
  });

  it("drops an event with too few estimation days, saying how many", () => {
    const spec = xiaomiSpec();
    spec.events.push({ symbol: "1810.HK", date: "2019-07-02" });
    const result = runStudy(spec as never);
    expect(result.events).toHaveLength(1);
    expect(result.dropped).toHaveLength(1);
    expect(result.dropped[0]!.reason).toMatch(/only \d+ estimation observations/);
    expect(result.dropped[0]!.reason).toContain("100");
  });

  it("throws an InputError listing every reason when no event can be studied", () => {
    const spec = xiaomiSpec();
    spec.events = [
      { symbol: "9999.HK", date: "2021-01-14" },
      { symbol: "8888.HK", date: "2021-01-14" },
    ];
    const message = thrownMessage(() => runStudy(spec as never));
    expect(message).toMatch(/no event could be studied/);
    expect(message).toContain("9999.HK");
    expect(message).toContain("8888.HK");
  });

  it("an event before the prices start is a clear InputError naming the first date", () => {
    const spec = xiaomiSpec();
    spec.events = [{ symbol: "1810.HK", date: "2019-01-02" }];
    const message = thrownMessage(() => runStudy(spec as never));
    expect(message).toContain("2019-01-02");
    expect(message).toMatch(/before the prices start \(2019-06-14\)/);
  });

  it("an event after the prices end is a clear InputError naming the last date", () => {
    const spec = xiaomiSpec();
    spec.events = [{ symbol: "1810.HK", date: "2022-03-01" }];
    const message = thrownMessage(() => runStudy(spec as never));
    expect(message).toContain("2022-03-01");
    expect(message).toMatch(/after the prices end \(2021-12-31\)/);
  });

  it("an event window running past the last price is a clear InputError", () => {
    const spec = xiaomiSpec();
    spec.events = [{ symbol: "1810.HK", date: "2021-12-28" }];
    const message = thrownMessage(() => runStudy(spec as never));
    expect(message).toMatch(/prices end 2021-12-31/);
  });

  it("an invalid symbol is dropped as an InputError, never read from outside the data folder", () => {
    const spec = xiaomiSpec();
    spec.events.push({ symbol: "../../etc/passwd", date: "2021-01-14" });
    const result = runStudy(spec as never);
    expect(result.events).toHaveLength(1);
    expect(result.dropped[0]!.reason).toMatch(/invalid symbol/);
  });
});

describe("parseStudySpec never fails with anything but an InputError (property)", () => {
  function succeedsOrInputError(input: unknown): void {
    try {
      parseStudySpec(input);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
    }
  }

  it("on random JSON values", () => {
    fc.assert(fc.property(fc.jsonValue(), succeedsOrInputError), { numRuns: 300 });
  });

  it("on random objects with the spec's keys", () => {
    const keys = ["name", "market", "model", "returns", "estimationWindow", "minEstimationObservations", "eventWindows", "events"];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 })), succeedsOrInputError),
      { numRuns: 300 },
    );
  });

  /** Every path (list of keys/indices) in a JSON value, the root included. */
  function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    const out: (string | number)[][] = [prefix];
    if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
    else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
    return out;
  }

  function getAt(root: unknown, path: (string | number)[]): unknown {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return path.reduce<any>((v, k) => (v === null || typeof v !== "object" ? undefined : v[k]), root);
  }

  function setAt(root: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
    if (path.length === 0) return remove ? undefined : value;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const parent = getAt(root, path.slice(0, -1)) as any;
    const key = path[path.length - 1]!;
    if (parent === null || typeof parent !== "object") return root;
    if (remove) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else parent[key] = value;
    return root;
  }

  type Mutation =
    | { kind: "set"; at: number; value: unknown }
    | { kind: "delete"; at: number }
    | { kind: "char"; at: number; pos: number; char: string }
    | { kind: "number"; at: number; value: number };

  const index = fc.noBias(fc.nat(1000));
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant("set" as const), at: index, value: fc.jsonValue({ maxDepth: 2 }) }),
    fc.record({ kind: fc.constant("delete" as const), at: index }),
    fc.record({ kind: fc.constant("char" as const), at: index, pos: index, char: fc.oneof(fc.constantFrom(..."0123456789-:/ ".split("")), fc.string({ minLength: 1, maxLength: 1 })) }),
    // A digit written over a digit of a string field: keeps dates and times well-formed but makes months,
    // days and hours out of range ("2021-31-14", "2021-01-94", "35:50").
    fc.record({ kind: fc.constant("char" as const), at: index, pos: fc.integer({ min: 0, max: 9 }), char: fc.constantFrom(..."0123456789".split("")) }),
    fc.record({ kind: fc.constant("number" as const), at: index, value: fc.oneof(fc.integer({ min: -400, max: 400 }), fc.double()) }),
  );

  function apply(spec: unknown, m: Mutation): unknown {
    // Character edits pick among the string fields (dates, times, zones, names), the rest among all paths.
    const all = m.kind === "char" ? paths(spec).filter((p) => typeof getAt(spec, p) === "string") : paths(spec);
    if (all.length === 0) return spec;
    const path = all[m.at % all.length]!;
    switch (m.kind) {
      case "set":
        return setAt(spec, path, m.value);
      case "delete":
        return setAt(spec, path, undefined, true);
      case "char": {
        const current = getAt(spec, path);
        if (typeof current !== "string") return spec;
        const i = current.length === 0 ? 0 : m.pos % current.length;
        return setAt(spec, path, current.slice(0, i) + m.char + current.slice(i + 1));
      }
      case "number":
        return setAt(spec, path, m.value);
    }
  }

  // Character edits of the dates reach month/day values such as "2021-31-14" (see the month-13 regression above).
  it("on mutations of the valid Xiaomi spec (set/delete a field, change a character or a number)", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        succeedsOrInputError(mutations.reduce(apply, xiaomiSpec() as unknown));
      }),
      { numRuns: 300 },
    );
  });
});
