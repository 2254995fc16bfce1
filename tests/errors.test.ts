import { execFileSync } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkClaim } from "../src/claims/checkClaim.js";
import { parseOptions } from "../src/cli/options.js";
import { InputError } from "../src/errors.js";
import { parseCheckQuery } from "../src/serve/checkQuery.js";
import { invalidFields } from "../src/serve/page.js";
import { parsePriceCsv } from "../src/sources/priceCsv.js";
import { parseStudySpec, runStudy } from "../src/study/runStudy.js";
import { readStudySpec } from "../src/cli/studyCommand.js";
import { readFactorFile } from "../src/sources/factorFile.js";
import { readPriceSeries } from "../src/sources/localFiles.js";
import { thrownInputError } from "./helpers/inputError.js";

describe("InputError: typed code, field, file and line", () => {
  it("a bad price row names the file, the line and the column", () => {
    const error = thrownInputError(() => parsePriceCsv("date,open,high,low,close,adj_close,volume\n2021-01-14,1,1,1,1,1,100\n2021-01-15,1,1,1,-1,1,100\n", "X.csv"));
    expect({ code: error.code, file: error.file, line: error.line, field: error.field }).toEqual({ code: "invalid-file", file: "X.csv", line: 3, field: "close" });
  });

  it("a bad spec names the field path of each issue", () => {
    const error = thrownInputError(() => parseStudySpec({ events: [{ symbol: "1810.HK", date: "2021-13-01" }] }));
    expect(error.code).toBe("invalid-spec");
    expect(error.field).toBe("events.0.date");
    expect(error.issues.map((issue) => issue.at)).toContain("events.0.date");
  });

  it("a bad option names the flag as typed on the command line", () => {
    const error = thrownInputError(() => parseOptions(z.object({ estimationDays: z.number().int() }), { estimationDays: 1.5 }));
    expect({ code: error.code, field: error.field }).toEqual({ code: "invalid-option", field: "--estimation-days" });
    expect(error.message).toMatch(/^--estimation-days: /);
  });

  it("bad query parameters are each an issue, and the page marks exactly those fields", () => {
    const error = thrownInputError(() => parseCheckQuery(new URLSearchParams("symbol=../x&date=2021-02-30")));
    expect(error.code).toBe("invalid-option");
    expect(invalidFields(error).sort()).toEqual(["date", "symbol"]);
  });

  it("a date without trading is no-prices and marks no form field", () => {
    const error = thrownInputError(() => checkClaim({ symbol: "1810.HK", date: "2030-01-15" }));
    expect(error.code).toBe("no-prices");
    expect(invalidFields(error)).toEqual([]);
  });

  it("a study with every event dropped lists each dropped event as an issue", () => {
    const error = thrownInputError(() => runStudy({ events: [{ symbol: "9999.HK", date: "2021-01-14" }, { symbol: "8888.HK", date: "2021-01-14" }] }));
    expect(error.code).toBe("no-events");
    expect(error.issues.map((issue) => issue.at)).toEqual(["9999.HK 2021-01-14", "8888.HK 2021-01-14"]);
    expect(error.field).toBeUndefined();
  });
});

/** Reads `file` as the price file of a symbol: a data folder holding a symbolic link to it as `X.csv`. */
function readAsPriceFile(file: string): unknown {
  const dir = mkdtempSync(join(tmpdir(), "event-impact-device-"));
  symlinkSync(file, join(dir, "X.csv"));
  return readPriceSeries(dir, "X");
}

describe("input files that are not regular files", () => {
  it.each([
    ["a price file", readAsPriceFile],
    ["a study spec", readStudySpec],
    ["a factor file", readFactorFile],
  ])("%s that is a device (/dev/zero, which never ends) is a missing-file error naming it, not a hang", (_, read) => {
    const error = thrownInputError(() => read("/dev/zero"));
    expect(error.code).toBe("missing-file");
    expect(error.file).toMatch(/^\/dev\/zero$|\/X\.csv$/);
    expect(error.message).toBe(`${error.file} is not a regular file (a device, pipe or socket)`);
  });

  it.each([
    ["a price file", readAsPriceFile],
    ["a study spec", readStudySpec],
    ["a factor file", readFactorFile],
  ])("%s that is a named pipe with no writer is refused at once, not waited on", (_, read) => {
    const fifo = join(mkdtempSync(join(tmpdir(), "event-impact-fifo-")), "prices.fifo");
    execFileSync("mkfifo", [fifo]);
    const error = thrownInputError(() => read(fifo));
    expect(error.code).toBe("missing-file");
    expect(error.message).toBe(`${error.file} is not a regular file (a device, pipe or socket)`);
  });
});
