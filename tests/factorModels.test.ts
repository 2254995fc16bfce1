import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { factorCarVariance, factorSums, factorWindowSum, fitFactorsOnWindow } from "../src/models/factorFit.js";
import { joinFactorTables, parseFactorFile, readFactorFiles } from "../src/sources/factorFile.js";
import { ols } from "./helpers/ols.js";
import { thrownInputError } from "./helpers/inputError.js";
import { seededRandom } from "../src/statistics/seededRandom.js";
import { normalGenerator } from "./helpers/random.js";
import { multipleRegression, referenceCarVariance } from "./reference/multipleRegression.js";

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

/** Series with a NaN at index 0, as returns have (no previous price). */
const series = (values: readonly number[]) => Float64Array.from([Number.NaN, ...values]);

describe("factor model fit from running sums", () => {
  // Hand example with an exact solution: centred, orthogonal factors (sums 0, f1.f2 = 0, |f1|^2 = |f2|^2 = 4c^2)
  // and a residual e orthogonal to [1, f1, f2], so OLS returns the generating coefficients and SSE = |0.5 e|^2.
  const c = 0.01;
  const f1 = [1, -1, 1, -1, 0, 0].map((v) => v * c);
  const f2 = [1, 1, -1, -1, 0, 0].map((v) => v * c);
  const e = [1, -1, -1, 1, 0, 0];
  const y = f1.map((_, i) => 0.002 + 2 * f1[i]! - 3 * f2[i]! + 0.5 * c * e[i]!);

  it("recovers the coefficients, s2 = SSE/(L1-K-1) and df of a hand example", () => {
    const fit = fitFactorsOnWindow(factorSums(series(y), [series(f1), series(f2)]), 1, 6);
    expect(fit.alpha).toBeCloseTo(0.002, 15);
    expect(fit.betas[0]).toBeCloseTo(2, 12);
    expect(fit.betas[1]).toBeCloseTo(-3, 12);
    // SSE = 0.25 c^2 * 4 = c^2, over 6 - 2 - 1 = 3 df
    expect(fit.df).toBe(3);
    expect(relative(fit.s2, (c * c) / 3)).toBeLessThan(1e-10);
  });

  it("gives Var(AR) = s2 (1 + 1/L1 + d'C^-1 d) and Var(CAR) with the window's factor sums", () => {
    const fit = fitFactorsOnWindow(factorSums(series(y), [series(f1), series(f2)]), 1, 6);
    // X'X = diag(6, 4c^2, 4c^2); a day with f = (2c, -c): 1 + 1/6 + 4/4 + 1/4
    expect(relative(factorCarVariance(fit, 1, [2 * c, -c]), (fit.s2 * (1 + 1 / 6 + 1 + 1 / 4)))).toBeLessThan(1e-12);
    // three days summing to f = (c, 3c): 3 + 9/6 + 1/4 + 9/4
    expect(relative(factorCarVariance(fit, 3, [c, 3 * c]), fit.s2 * (3 + 9 / 6 + 1 / 4 + 9 / 4))).toBeLessThan(1e-12);
  });

  it("with one factor equals the market-model regression of R - RF on Mkt-RF (independent OLS)", () => {
    const normal = normalGenerator(seededRandom(7));
    const market = Array.from({ length: 120 }, () => 0.01 * normal());
    const excess = market.map((m) => 0.0003 + 1.3 * m + 0.02 * normal());
    const reference = ols(excess, market);
    const fit = fitFactorsOnWindow(factorSums(series(excess), [series(market)]), 1, 120);
    expect(relative(fit.alpha, reference.alpha)).toBeLessThan(1e-10);
    expect(relative(fit.betas[0]!, reference.beta)).toBeLessThan(1e-10);
    expect(relative(fit.s2, reference.s2)).toBeLessThan(1e-10);
    // MacKinlay's one-day variance: s2 (1 + 1/L1 + (Rm - Rm_bar)^2 / Smm)
    expect(relative(factorCarVariance(fit, 1, [0.03]), reference.s2 * (1 + 1 / 120 + (0.03 - reference.mx) ** 2 / reference.sxx))).toBeLessThan(1e-10);
  });

  it("equals a direct QR refit on every window of a correlated 5-factor panel to 1e-10 relative", () => {
    const normal = normalGenerator(seededRandom(2024));
    const n = 1500;
    const k = 5;
    const common = Array.from({ length: n }, () => normal());
    const factors = Array.from({ length: k }, (_, j) => common.map((z) => 0.004 * (0.5 * z + normal()) + 0.0002 * j));
    const y = common.map((_, t) => 0.0001 + factors.reduce((sum, f, j) => sum + (j - 1.5) * 0.4 * f[t]!, 0) + 0.015 * normal());
    const sums = factorSums(series(y), factors.map(series));
    let worst = 0;
    for (let first = 1; first + 239 <= n - 20; first += 97) {
      const last = first + 239;
      const fit = fitFactorsOnWindow(sums, first, last);
      const reference = multipleRegression(y.slice(first - 1, last), factors.map((f) => f.slice(first - 1, last)));
      worst = Math.max(worst, relative(fit.alpha, reference.coefficients[0]!), relative(fit.s2, reference.s2));
      fit.betas.forEach((b, j) => (worst = Math.max(worst, relative(b, reference.coefficients[j + 1]!))));
      expect(fit.df).toBe(reference.df);
      // the window [last + 11, last + 15]
      const windowRows = Array.from({ length: 5 }, (_, i) => factors.map((f) => f[last + 10 + i]!));
      const windowSums = factors.map((_, j) => factorWindowSum(sums, j, last + 11, last + 15));
      worst = Math.max(worst, relative(factorCarVariance(fit, 5, windowSums), referenceCarVariance(reference, windowRows)));
    }
    expect(worst).toBeLessThan(1e-10);
  });

  it("is all NaN when a factor is constant over the window (collinear with the intercept)", () => {
    const fit = fitFactorsOnWindow(factorSums(series([0.01, 0.02, 0.03, 0.01]), [series([0.01, 0.01, 0.01, 0.01]), series([0.1, 0.2, 0.4, 0.3])]), 1, 4);
    expect(fit.alpha).toBeNaN();
    expect(fit.s2).toBeNaN();
  });
});

const preamble = "This file was created by using the 202604 CRSP database.\r\nThe Tbill return is ...\r\n\r\n";

describe("Kenneth French daily factor files", () => {
  it("reads the preamble, header, percent values and stops at the copyright footer", () => {
    const table = parseFactorFile(`${preamble},Mkt-RF,SMB,HML,RF\r\n20200313,    9.33,   -1.51,   -0.93,    0.01\r\n20200316,  -12.01,    0.66,   -1.10,    0.00\r\n\r\nCopyright 2026 Eugene F. Fama and Kenneth R. French\r\n`, "ff3.csv");
    expect(table.dates).toEqual(["2020-03-13", "2020-03-16"]);
    expect([...table.columns.keys()]).toEqual(["Mkt-RF", "SMB", "HML", "RF"]);
    expect([...table.columns.get("Mkt-RF")!]).toEqual([0.0933, -0.1201]);
    expect([...table.columns.get("RF")!]).toEqual([0.0001, 0]);
  });

  it("stops at an annual block, accepts a Date header cell and reads UMD as Mom", () => {
    const table = parseFactorFile("Date,UMD\n20200102,0.5\n20200103,-0.25\n\n Annual Factors: January-December\n,UMD\n2020,3.1\n", "mom.csv");
    expect(table.dates).toEqual(["2020-01-02", "2020-01-03"]);
    expect([...table.columns.get("Mom")!]).toEqual([0.005, -0.0025]);
  });

  it("leaves out a date with -99.99 or -999 in any column", () => {
    const table = parseFactorFile(",A,B\n20200102,1,-99.99\n20200103,-999,1\n20200106,1,2\n", "f.csv");
    expect(table.dates).toEqual(["2020-01-06"]);
  });

  it.each([
    ["no header", "just text\n20200102,1\n", undefined, /no header line/],
    ["monthly file", ",Mkt-RF\n202001,1.2\n", 2, /daily date YYYYMMDD, found "202001"/],
    ["impossible date", ",A\n20200230,1\n", 2, /20200230 is not a calendar date/],
    ["descending dates", ",A\n20200103,1\n20200102,1\n", 3, /not after the previous row's date/],
    ["a value short", ",A,B\n20200102,1\n", 2, /1 values for 2 columns \(A, B\)/],
    ["not a number", ",A,B\n20200102,1,x1\n", 2, /B is "x1", not a number/],
    ["an empty value", ",A,B\n20200102,1,\n", 2, /B is "", not a number/],
    ["a repeated column", ",A,A\n20200102,1,2\n", 1, /named twice/],
    ["no rows", ",A,B\n\nCopyright\n", undefined, /no daily rows/],
  ])("rejects %s with the file and line", (_, text, line, message) => {
    const error = thrownInputError(() => parseFactorFile(text, "bad.csv"));
    expect(error.code).toBe("invalid-file");
    expect(error.file).toBe("bad.csv");
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.message.split("\n")).toHaveLength(1);
  });

  it("echoes at most a line of a huge cell", () => {
    const error = thrownInputError(() => parseFactorFile(`,A\n20200102,${"9".repeat(100_000)}x\n`, "huge.csv"));
    expect(error.message.length).toBeLessThan(200);
  });

  it("inner-joins files on date, each column (RF included) from the first file that names it", () => {
    const ff3 = parseFactorFile(",Mkt-RF,RF\n20200102,1,0.01\n20200103,2,0.01\n20200106,3,0.01\n", "a.csv");
    const mom = parseFactorFile(",Mom,RF\n20200103,5,0.5\n20200106,6,0.5\n20200107,7,0.5\n", "b.csv");
    const joined = joinFactorTables([ff3, mom]);
    expect(joined.dates).toEqual(["2020-01-03", "2020-01-06"]);
    expect([...joined.columns.get("Mkt-RF")!]).toEqual([0.02, 0.03]);
    expect([...joined.columns.get("Mom")!]).toEqual([0.05, 0.06]);
    expect([...joined.columns.get("RF")!]).toEqual([0.0001, 0.0001]);
  });

  it("reads the bundled files with the values their provenance checks", () => {
    const table = readFactorFiles(["data/factors/F-F_Research_Data_Factors_daily.CSV", "data/factors/F-F_Momentum_Factor_daily.CSV", "data/factors/F-F_Research_Data_5_Factors_2x3_daily.CSV"]);
    const day = table.dates.indexOf("2020-03-16");
    // The S&P 500 fell 12.0% on 16 March 2020; PROVENANCE.md: Mkt-RF -12.01 (FF3 file, first named there).
    expect(table.columns.get("Mkt-RF")![day]).toBeCloseTo(-0.1201, 12);
    expect([...table.columns.keys()]).toEqual(["Mkt-RF", "SMB", "HML", "RF", "Mom", "RMW", "CMA"]);
    // The join ends with the 5-factor file (vintage 202511, last row 2025-11-28).
    expect(table.dates.at(-1)).toBe("2025-11-28");
    // SMB differs by construction between the files (FF3 -0.21, FF5 -0.81 that day): the first file's is kept.
    expect(readFileSync("data/factors/F-F_Research_Data_5_Factors_2x3_daily.CSV", "utf8")).toContain("20200316,  -12.01,   -0.81,");
    expect(table.columns.get("SMB")![day]).toBeCloseTo(-0.0021, 12);
  });
});
