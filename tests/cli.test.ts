import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./helpers/cli.js";

const XIAOMI_SPEC = join(repoRoot, "data/studies/xiaomi-ccmc.json");

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "event-impact-cli-"));
}

/** A data folder with the bundled ^HSI and a 1810.HK file whose text is given. */
function dataWithXiaomi(xiaomiCsv: string): string {
  const dir = tempDir();
  copyFileSync(join(repoRoot, "data/prices/INDEX_HSI.csv"), join(dir, "INDEX_HSI.csv"));
  writeFileSync(join(dir, "1810.HK.csv"), xiaomiCsv);
  return dir;
}

const bundledXiaomi = readFileSync(join(repoRoot, "data/prices/1810.HK.csv"), "utf8");

function writeSpec(spec: unknown): string {
  const file = join(tempDir(), "spec.json");
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

describe("event-impact (the built binary)", () => {
  it("prints help", () => {
    const { code, stdout } = runCli(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: event-impact/);
    expect(stdout).toMatch(/check/);
    expect(stdout).toMatch(/study/);
  });

  it("check --json answers the Xiaomi claim", () => {
    const { code, stdout } = runCli(["check", "1810.HK", "--date", "2021-01-15", "--claim", "plummeted 14%", "--json"]);
    expect(code).toBe(0);
    const check = JSON.parse(stdout);
    expect(Object.keys(check)).toEqual(expect.arrayContaining(["schemaVersion", "symbol", "date", "previousDate", "market", "measures", "inference", "claim", "verdict"]));
    expect(check.measures.closeToClose).toBeCloseTo(-0.1026, 4);
    expect(check.measures.intradayLow).toBeCloseTo(-0.1363, 4);
    expect(check.measures.openGap).toBeCloseTo(-0.1118, 4);
    expect(check.claim.matches).toEqual(["intradayLow"]);
    expect(check.verdict.label).toBe("accurate-for-measure-only");
    expect(check.verdict.headline).toMatch(/down 10\.26% from the previous close of 32\.65/);
    expect(check.inference.df).toBe(238);
  });

  it("check prints a table and the verdict", () => {
    const { code, stdout } = runCli(["check", "1810.HK", "--date", "2021-01-15", "--claim", "plummeted 14%"]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe("Verdict: accurate for the intraday low only");
    expect(stdout).toMatch(/intraday low\s+-13\.63%\s+<- matches claim/);
    expect(stdout).toMatch(/close-to-close\s+-10\.26%/);
    expect(stdout).toMatch(/t = -3\.67/);
  });

  it("study --out writes result.json, events.ndjson, abnormal_returns.csv and cars.csv", () => {
    const out = join(tempDir(), "results");
    const { code, stdout } = runCli(["study", XIAOMI_SPEC, "--out", out, "--json"]);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    const saved = JSON.parse(readFileSync(join(out, "result.json"), "utf8"));
    const events = readFileSync(join(out, "events.ndjson"), "utf8").trim().split("\n").map((line) => JSON.parse(line));
    const { eventCount, eventsFile, ...header } = saved;
    expect([eventCount, eventsFile]).toEqual([1, "events.ndjson"]);
    expect({ ...header, events }).toEqual(printed);
    const event = events[0];
    expect(Object.keys(event)).toEqual(expect.arrayContaining(["symbol", "market", "day0", "model", "alpha", "beta", "sigma", "nEstimation", "estimation", "abnormalReturns", "windows"]));
    expect(event.day0).toBe("2021-01-15");
    const ars = readFileSync(join(out, "abnormal_returns.csv"), "utf8").trim().split("\n");
    const eventColumns = "event,symbol,market,catalogId,announcementDate,announcementTime,announcementTimezone,day0,model,alpha,beta,betaMktRF,betaSMB,betaHML,betaMom,betaRMW,betaCMA,sigma,nEstimation,df,estimationStart,estimationEnd";
    expect(ars[0]).toBe(`${eventColumns},offset,date,ret,marketRet,ar,sar,av`);
    expect(ars).toHaveLength(1 + 7);
    const cars = readFileSync(join(out, "cars.csv"), "utf8").trim().split("\n");
    expect(cars[0]).toBe(`${eventColumns},start,end,startDate,endDate,car,variance,t,p,bhar,sqP,sqQuantile,sqMinP,volatilityRatio,volatilityP,cav,cavT,cavP,volumeDf,volumeDays`);
    expect(cars).toHaveLength(1 + 3);
    const first = Object.fromEntries(cars[0]!.split(",").map((column, c) => [column, cars[1]!.split(",")[c]]));
    expect(first).toMatchObject({ event: "1", symbol: "1810.HK", day0: "2021-01-15", announcementDate: event.announcement.date, estimationStart: event.estimation.start, nEstimation: String(event.nEstimation) });
    expect([Number(first.car), Number(first.alpha), Number(first.beta), Number(first.sigma)]).toEqual([event.windows[0].car, event.alpha, event.beta, event.sigma]);
    expect(readdirSync(out).sort()).toEqual([".event-impact-study.json", "abnormal_returns.csv", "cars.csv", "events.ndjson", "result.json"]);
  });

  it("demo runs the Xiaomi study and claim check", () => {
    const { code, stdout } = runCli(["demo"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/day 0 = 2021-01-15/);
    expect(stdout).toMatch(/matches the intraday low/);
    expect(stdout).toMatch(/4\. Xiaomi's move against every firm named in the 2020-21 US actions[\s\S]*E13\s+1810\.HK.*<- 1810\.HK/);
  });
});

describe("bad input: a clear message and exit code 2, no stack trace, no output files", () => {
  function expectInputError(args: string[], message: RegExp): void {
    const { code, stderr, stdout } = runCli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe("");
  }

  it("unknown symbol / missing file", () => {
    expectInputError(["check", "9999.HK", "--date", "2021-01-15"], /no price file for 9999\.HK: .*9999\.HK\.csv does not exist; available: .*0883\.HK/);
  });

  it("a symbol that tries to name a path", () => {
    expectInputError(["check", "../../etc/passwd", "--date", "2021-01-15"], /invalid symbol/);
  });

  it("malformed CSV row, naming file and line", () => {
    const lines = bundledXiaomi.split("\n");
    lines[5] = "2019-06-21,9.9,abc,9.7,9.8,9.8,1000";
    const data = dataWithXiaomi(lines.join("\n"));
    expectInputError(["check", "1810.HK", "--date", "2021-01-15", "--data", data], /1810\.HK\.csv line 6: high: expected a number/);
  });

  it("unsorted dates", () => {
    const lines = bundledXiaomi.split("\n");
    [lines[3], lines[4]] = [lines[4]!, lines[3]!];
    expectInputError(["check", "1810.HK", "--date", "2021-01-15", "--data", dataWithXiaomi(lines.join("\n"))], /line 5: dates are not in ascending order/);
  });

  it("duplicate dates", () => {
    const lines = bundledXiaomi.split("\n");
    lines.splice(4, 0, lines[4]!);
    expectInputError(["check", "1810.HK", "--date", "2021-01-15", "--data", dataWithXiaomi(lines.join("\n"))], /line 6: duplicate date 2019-06-19/);
  });

  it("non-positive price", () => {
    const lines = bundledXiaomi.split("\n");
    lines[2] = "2019-06-17,9.6,9.7,9.48,0,0,49717577";
    expectInputError(["check", "1810.HK", "--date", "2021-01-15", "--data", dataWithXiaomi(lines.join("\n"))], /line 3: close: must be a positive price/);
  });

  it("event outside the data", () => {
    const spec = writeSpec({ events: [{ symbol: "1810.HK", date: "2023-03-01" }] });
    expectInputError(["study", spec], /2023-03-01 is after the prices end \(2021-12-31\)/);
    expectInputError(["check", "1810.HK", "--date", "2018-01-02"], /no prices on 2018-01-02/);
  });

  it("too few estimation observations", () => {
    const spec = writeSpec({ events: [{ symbol: "0981.HK", date: "2020-03-02" }] });
    expectInputError(["study", spec], /0981\.HK: only \d+ estimation observations in \[-250, -11\].*at least 100 needed/);
  });

  it("invalid spec, with the field path", () => {
    expectInputError(["study", writeSpec({ model: "capm", events: [{ symbol: "1810.HK", date: "2021-13-01" }] })], /spec\.json: model: Invalid option[\s\S]*events\.0\.date: not a calendar date/);
    expectInputError(["study", writeSpec({ events: [] })], /events: a study needs at least one event/);
    expectInputError(["study", writeSpec({ events: [{ symbol: "1810.HK", date: "2021-01-14", timezone: "Mars/Olympus" }] })], /events\.0\.timezone: unknown IANA time zone/);
  });

  it("a spec that is not JSON", () => {
    const file = join(tempDir(), "broken.json");
    writeFileSync(file, "{ events: ");
    expectInputError(["study", file], /broken\.json is not valid JSON/);
  });

  it("unparseable claim", () => {
    expectInputError(["check", "1810.HK", "--date", "2021-01-15", "--claim", "Xiaomi crashed"], /cannot read a claim from "Xiaomi crashed"/);
  });

  it("bad date flag", () => {
    expectInputError(["check", "1810.HK", "--date", "15/01/2021"], /--date: expected a date YYYY-MM-DD/);
  });

  it("a failed study writes nothing to --out", () => {
    const out = join(tempDir(), "results");
    const spec = writeSpec({ events: [{ symbol: "1810.HK", date: "2023-03-01" }] });
    expect(runCli(["study", spec, "--out", out]).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it("a study with one unusable event still runs the others and lists the dropped one", () => {
    const spec = writeSpec({ events: [{ symbol: "1810.HK", date: "2021-01-14", time: "15:50", timezone: "America/New_York" }, { symbol: "0005.HK", date: "2021-01-14" }] });
    const { code, stdout, stderr } = runCli(["study", spec, "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.events).toHaveLength(1);
    expect(result.dropped).toEqual([{ symbol: "0005.HK", date: "2021-01-14", reason: expect.stringMatching(/no price file for 0005\.HK/) }]);
    expect(stderr).toMatch(/warning: dropped 0005\.HK/);
  });
});

describe("atomic export", () => {
  it("leaves no file behind when a single-file write fails half-way", async () => {
    const { writeFileAtomically } = await import("../src/reports/outputSet.js");
    const dir = tempDir();
    const failing = (temporary: string) => {
      writeFileSync(temporary, "half a rep");
      throw Object.assign(new Error("no space left"), { code: "ENOSPC" });
    };
    await expect(writeFileAtomically(join(dir, "report.html"), failing)).rejects.toThrow(/cannot write to .*report\.html: ENOSPC/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("an --out folder that cannot be created is bad input (exit 2), not a crash", () => {
    const { code, stderr } = runCli(["study", XIAOMI_SPEC, "--out", "/dev/null/results"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/error: cannot write to \/dev\/null\/results: ENOTDIR/);
  });
});
