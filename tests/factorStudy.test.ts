import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { alignPrices } from "../src/engine/alignment.js";
import { eventSpan, type EventStudyOptions } from "../src/engine/eventWindows.js";
import { factorsOf, modelFactors, type FactorModelName } from "../src/models/factorModel.js";
import { readFactorFiles } from "../src/sources/factorFile.js";
import { bundledDataDir, readPriceSeries } from "../src/sources/localFiles.js";
import { analyseEvents, prepareFirm, residualAt, type AlignedReturns, type PreparedFirm } from "../src/engine/eventBatch.js";
import { alignedReturns } from "../src/engine/eventStudy.js";
import { parseStudySpec, runStudy } from "../src/study/runStudy.js";
import type { StudySpecInput } from "../src/study/spec.js";
import { twoSidedTReference } from "./reference/highPrecision.js";
import { multipleRegression, referenceCarVariance } from "./reference/multipleRegression.js";
import { repoRoot, runCli } from "./helpers/cli.js";
import { thrownInputError } from "./helpers/inputError.js";
import { seededRandom } from "../src/statistics/seededRandom.js";
import { normalGenerator } from "./helpers/random.js";

const FF3 = join(repoRoot, "data/factors/F-F_Research_Data_Factors_daily.CSV");
const MOM = join(repoRoot, "data/factors/F-F_Momentum_Factor_daily.CSV");
const FF5 = join(repoRoot, "data/factors/F-F_Research_Data_5_Factors_2x3_daily.CSV");

const WINDOWS: [number, number][] = [
  [0, 0],
  [-1, 1],
  [0, 5],
];

function expectClose(a: number, b: number, scale: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-10 * Math.max(Math.abs(a), Math.abs(b), scale));
}

/**
 * Every number of the batch for a factor model against a direct refit per event (QR on `R - RF` over the
 * estimation window, tests/reference/multipleRegression.ts): alpha, betas, s2, df, AR and SAR by day,
 * CAR, Var(CAR), t, p and BHAR by window, the CAR path, and the estimation residuals.
 */
function compareWithRefit(firms: PreparedFirm[], events: { firm: Int32Array; day0: Int32Array }, options: EventStudyOptions): void {
  const columns = analyseEvents(firms, events, options);
  const k0 = factorsOf(options.model).length;
  expect(columns.betaCount).toBe(k0);
  const [spanStart, spanEnd] = eventSpan(options.eventWindows);
  for (let k = 0; k < columns.count; k++) {
    const firm = firms[events.firm[k]!]!;
    const { firm: r, factors } = firm.returns;
    const day0 = events.day0[k]!;
    const first = Math.max(1, day0 + options.estimationWindow[0]);
    const last = day0 + options.estimationWindow[1];
    const days = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    const excess = (t: number) => r[t]! - factors!.rf[t]!;
    const row = (t: number) => factors!.values.map((f) => f[t]!);
    const fit = multipleRegression(days.map(excess), factors!.values.map((f) => days.map((t) => f[t]!)));
    const sigma = Math.sqrt(fit.s2);
    const expected = (t: number) => factors!.rf[t]! + fit.coefficients[0]! + row(t).reduce((sum, f, j) => sum + fit.coefficients[j + 1]! * f, 0);
    expectClose(columns.alpha[k]!, fit.coefficients[0]!, sigma);
    for (let j = 0; j < k0; j++) expectClose(columns.betas[k * k0 + j]!, fit.coefficients[j + 1]!, 1);
    expectClose(columns.s2[k]!, fit.s2, fit.s2);
    expect(columns.df[k]).toBe(days.length - k0 - 1);
    days.forEach((t, i) => expectClose(residualAt(columns, k, firm, t), fit.residuals[i]!, sigma));
    let pathCar = 0;
    for (let offset = spanStart; offset <= spanEnd; offset++) {
      const t = day0 + offset;
      const i = k * columns.spanLength + offset - spanStart;
      const ar = r[t]! - expected(t);
      pathCar += ar;
      expectClose(columns.ar[i]!, ar, sigma);
      expectClose(columns.sar[i]!, ar / Math.sqrt(referenceCarVariance(fit, [row(t)])), 1);
      expectClose(columns.pathCar[i]!, pathCar, sigma);
      const path = Array.from({ length: offset - spanStart + 1 }, (_, d) => row(day0 + spanStart + d));
      expectClose(columns.pathVariance[i]!, referenceCarVariance(fit, path), fit.s2);
    }
    options.eventWindows.forEach(([start, end], w) => {
      const cell = k * columns.windows.length + w;
      const window = Array.from({ length: end - start + 1 }, (_, d) => day0 + start + d);
      const car = window.reduce((sum, t) => sum + r[t]! - expected(t), 0);
      const variance = referenceCarVariance(fit, window.map(row));
      const t = car / Math.sqrt(variance);
      expectClose(columns.car[cell]!, car, sigma);
      expectClose(columns.variance[cell]!, variance, fit.s2);
      expectClose(columns.t[cell]!, t, 1);
      expectClose(columns.p[cell]!, twoSidedTReference(t, fit.df), 1e-3);
      const bhar = window.reduce((g, d) => g * (1 + r[d]!), 1) - window.reduce((g, d) => g * (1 + expected(d)), 1);
      expectClose(columns.bhar[cell]!, bhar, sigma);
    });
  }
}

/** A synthetic firm whose excess returns load on K correlated factors, on `n` days. */
function syntheticFirm(seed: number, n: number, k: number): PreparedFirm {
  const normal = normalGenerator(seededRandom(seed));
  const common = Array.from({ length: n }, () => normal());
  const values = Array.from({ length: k }, (_, j) => Float64Array.from(common, (z, t) => (t === 0 ? Number.NaN : 0.006 * (0.4 * z + normal()) + 0.0001 * j)));
  const rf = Float64Array.from({ length: n }, (_, t) => (t === 0 ? Number.NaN : 0.0001 * (t % 3)));
  const market = Float64Array.from(values[0]!, (f, t) => f + rf[t]!);
  const firm = Float64Array.from({ length: n }, (_, t) => (t === 0 ? Number.NaN : rf[t]! + 0.0002 + values.reduce((sum, f, j) => sum + (1.2 - 0.3 * j) * f[t]!, 0) + 0.018 * normal()));
  const dates = Array.from({ length: n }, (_, t) => new Date(Date.UTC(2000, 0, 3 + t)).toISOString().slice(0, 10));
  const returns: AlignedReturns = { dates, firm, market, factors: { names: factorsOf(k === 3 ? "ff3" : k === 4 ? "carhart4" : "ff5"), values, rf } };
  return prepareFirm(`F${seed}`, "^M", returns);
}

describe("factor models in the batch equal a direct refit per event (1e-10 relative)", () => {
  it.each<[FactorModelName, number]>([
    ["ff3", 3],
    ["carhart4", 4],
    ["ff5", 5],
  ])("on a synthetic panel, %s", (model, k) => {
    const firms = [syntheticFirm(1, 900, k), syntheticFirm(2, 700, k), syntheticFirm(3, 1200, k)];
    const firm: number[] = [];
    const day0: number[] = [];
    firms.forEach((f, i) => {
      for (let d = 260; d + 5 < f.returns.dates.length; d += 37) {
        firm.push(i);
        day0.push(d);
      }
    });
    compareWithRefit(firms, { firm: Int32Array.from(firm), day0: Int32Array.from(day0) }, { model, returns: "simple", estimationWindow: [-250, -11], minEstimationObservations: 100, eventWindows: WINDOWS });
  });

});

describe.skipIf(process.env.SKIP_SLOW === "1")("factor models in the batch equal a direct refit per event on real data (slow)", () => {
  it.each<[FactorModelName, string[]]>([
    ["ff3", [FF3]],
    ["carhart4", [FF3, MOM]],
    ["ff5", [FF5]],
  ])("on the bundled data: every 4th trading day of LKNCY against ^GSPC as day 0, %s", (model, files) => {
    const dir = bundledDataDir;
    const prices = alignPrices(readPriceSeries(dir, "LKNCY").columns, readPriceSeries(dir, "^GSPC").columns);
    const returns = alignedReturns(prices, "simple", modelFactors(model, readFactorFiles(files), files));
    const firm = prepareFirm("LKNCY", "^GSPC", returns);
    const days = Array.from({ length: Math.floor((returns.dates.length - 251 - 5) / 4) }, (_, i) => 251 + 4 * i);
    compareWithRefit([firm], { firm: new Int32Array(days.length), day0: Int32Array.from(days) }, { model, returns: "simple", estimationWindow: [-250, -11], minEstimationObservations: 100, eventWindows: WINDOWS });
  }, 120_000);
});

describe("factor-model studies", () => {
  const spec: StudySpecInput = { model: "carhart4", factors: [FF3, MOM], market: "^GSPC", events: [{ symbol: "CHL", date: "2020-11-13" }, { symbol: "CHA", date: "2020-11-13" }] };

  it("report betas by factor name and the market beta as the slope on Mkt-RF", () => {
    const result = runStudy(spec);
    expect(result.factors).toEqual([FF3, MOM]);
    for (const event of result.events) {
      expect(Object.keys(event.betas!)).toEqual(["Mkt-RF", "SMB", "HML", "Mom"]);
      expect(event.beta).toBe(event.betas!["Mkt-RF"]);
      expect(event.df).toBe(event.nEstimation - 5);
    }
    expect(runStudy({ ...spec, model: "market", factors: undefined }).events[0]!.betas).toBeUndefined();
  });

  it("cut the calendar to the factor files' dates (inner join of stock, market and factors)", () => {
    // A factor file without 2020-11-12: the day before day 0 is then 2020-11-11 and day 0's return spans two sessions.
    const dir = mkdtempSync(join(tmpdir(), "factors-"));
    const lines = readFileSync(FF3, "utf8").split("\n").filter((line) => !line.startsWith("20201112"));
    writeFileSync(join(dir, "ff3.csv"), lines.join("\n"));
    const result = runStudy({ ...spec, model: "ff3", factors: [join(dir, "ff3.csv")] });
    const day = result.events[0]!.abnormalReturns.find((row) => row.offset === -1)!;
    expect(day.date).toBe("2020-11-11");
    const chl = readFileSync(join(bundledDataDir, "prices", "CHL.csv"), "utf8");
    const close = (date: string) => Number(chl.split("\n").find((line) => line.startsWith(date))!.split(",")[5]);
    expect(result.events[0]!.abnormalReturns.find((row) => row.offset === 0)!.ret).toBeCloseTo(close("2020-11-13") / close("2020-11-11") - 1, 14);
  });

  it.each([
    [{ model: "ff3" }, "factors", /the ff3 model needs factors/],
    [{ model: "market", factors: "x.csv" }, "factors", /factor files are for the factor models/],
    [{ model: "ff3", factors: "x.csv", returns: "log" }, "returns", /uses simple returns/],
    [{ model: "ff5", factors: "x.csv", minEstimationObservations: 8 }, "minEstimationObservations", /at least 9 for the ff5 model/],
  ])("reject %j in the spec", (fields, field, message) => {
    const error = thrownInputError(() => parseStudySpec({ events: [{ symbol: "CHL", date: "2020-11-13" }], ...fields }));
    expect(error.code).toBe("invalid-spec");
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it("drop an event after the factor files end, saying so", () => {
    const result = runStudy({ ...spec, model: "ff5", factors: [FF5], events: [...spec.events!, { symbol: "LKNCY", date: "2025-12-01" }] });
    expect(result.dropped).toEqual([{ symbol: "LKNCY", date: "2025-12-01", reason: "LKNCY: the event date 2025-12-01 is after the factor files end (2025-11-28)" }]);
  });

  it("name the file when it lacks a factor the model needs", () => {
    const error = thrownInputError(() => runStudy({ ...spec, model: "ff5", factors: [FF3] }));
    expect(error.code).toBe("invalid-file");
    expect(error.message).toMatch(/the ff5 model needs a RMW column, which .*F-F_Research_Data_Factors_daily.CSV does not have/);
  });
});

describe("factor models on the command line", () => {
  it("study: factor files relative to the spec file; the same result on 2 threads", () => {
    const dir = mkdtempSync(join(tmpdir(), "factor-spec-"));
    writeFileSync(join(dir, "F-F_Research_Data_5_Factors_2x3_daily.CSV"), readFileSync(FF5));
    writeFileSync(join(dir, "spec.json"), JSON.stringify({ model: "ff5", factors: "F-F_Research_Data_5_Factors_2x3_daily.CSV", market: "^GSPC", events: [{ symbol: "CHL", date: "2020-11-13" }, { symbol: "CEO", date: "2020-11-13" }, { symbol: "LKNCY", date: "2020-04-02" }] }));
    const one = runCli(["study", join(dir, "spec.json"), "--json", "--offline", "--threads", "1"]);
    const two = runCli(["study", join(dir, "spec.json"), "--json", "--offline", "--threads", "2"]);
    expect(one.stderr).toBe("");
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).toContain('"betas":{"Mkt-RF":');
    const out = join(dir, "out");
    expect(runCli(["study", join(dir, "spec.json"), "--out", out, "--offline"]).code).toBe(0);
    const [header, first] = readFileSync(join(out, "cars.csv"), "utf8").split("\n");
    const cells = new Map(header!.split(",").map((name, i) => [name, first!.split(",")[i]]));
    expect(cells.get("model")).toBe("ff5");
    expect(Number(cells.get("betaCMA"))).not.toBeNaN();
    expect(cells.get("betaMom")).toBe("");
    expect(cells.get("betaMktRF")).toBe(cells.get("beta"));
  });

  it("check --model ff3 --factors gives the factor-model abnormal return with its betas; without --factors exit 2", () => {
    const { code, stdout } = runCli(["check", "CHL", "--date", "2020-11-13", "--model", "ff3", "--factors", FF3, "--json", "--offline"]);
    expect(code).toBe(0);
    const check = JSON.parse(stdout);
    expect(check.inference.model).toBe("ff3");
    expect(Object.keys(check.inference.betas)).toEqual(["Mkt-RF", "SMB", "HML"]);
    expect(check.inference.df).toBe(check.inference.nEstimation - 4);
    const missing = runCli(["check", "CHL", "--date", "2020-11-13", "--model", "ff3", "--offline"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--factors: the ff3 model needs a Kenneth French daily factor file/);
  });
});

const hasR = spawnSync("Rscript", ["--version"]).status === 0;

describe.skipIf(!hasR || process.env.SKIP_SLOW === "1")("a peer: R's lm (Debian R)", () => {
  it("gives the same Carhart fit, day-0 AR with its prediction-error variance and CAR[-1,1] for CHL on 2020-11-13", () => {
    const files = [FF3, MOM];
    const returns = alignedReturns(alignPrices(readPriceSeries(bundledDataDir, "CHL").columns, readPriceSeries(bundledDataDir, "^GSPC").columns), "simple", modelFactors("carhart4", readFactorFiles(files), files));
    const day0 = returns.dates.indexOf("2020-11-13");
    const rows = ["est,y,mkt,smb,hml,mom"];
    for (let t = day0 - 250; t <= day0 + 1; t++) rows.push([t <= day0 - 11 ? 1 : 0, returns.firm[t]! - returns.factors!.rf[t]!, ...returns.factors!.values.map((v) => v[t]!)].join(","));
    const dir = mkdtempSync(join(tmpdir(), "r-peer-"));
    writeFileSync(join(dir, "data.csv"), rows.join("\n"));
    const script = [
      `d <- read.csv("${join(dir, "data.csv")}")`,
      "fit <- lm(y ~ mkt + smb + hml + mom, data = d[d$est == 1, ])",
      "s2 <- summary(fit)$sigma^2",
      "ev <- d[d$est == 0, ]; w <- ev[10:12, ]; X <- model.matrix(fit)",
      "p <- predict(fit, newdata = ev[11, ], se.fit = TRUE)",
      "sw <- c(3, sum(w$mkt), sum(w$smb), sum(w$hml), sum(w$mom))",
      "cat(sprintf('%.17g', c(coef(fit), s2, ev[11, 'y'] - p$fit, s2 + p$se.fit^2, sum(w$y - predict(fit, newdata = w)), s2 * (3 + t(sw) %*% solve(t(X) %*% X) %*% sw))), sep = ',')",
    ].join("\n");
    const r = spawnSync("Rscript", ["-e", script], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const [alpha, ...rest] = r.stdout.split(",").map(Number);
    const event = runStudy({ model: "carhart4", factors: files, market: "^GSPC", events: [{ symbol: "CHL", date: "2020-11-13" }] }).events[0]!;
    const ours = [event.alpha, ...Object.values(event.betas!), event.sigma ** 2, event.windows[0]!.car, event.windows[0]!.variance, event.windows[1]!.car, event.windows[1]!.variance];
    [alpha!, ...rest].forEach((value, i) => expect(Math.abs(ours[i]! - value)).toBeLessThanOrEqual(1e-10 * Math.abs(value)));
  });
});
