import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";
import { claimCheckSchema, type ClaimCheck } from "../claims/checkSchema.js";
import { InputError, zodInputError } from "../errors.js";
import { eventResultSchema, studyResultFileSchema, studyResultSchema, type EventResult, type StudyResult } from "../study/studyResult.js";

/** A result file as the report reads it: what it holds, and the SHA-256 of its bytes. */
export type ResultFile = { file: string; sha256: string } & ({ kind: "study"; result: StudyResult } | { kind: "check"; check: ClaimCheck });

/**
 * Reads a study result (`study --out DIR` writes `DIR/result.json` with its events in `DIR/events.ndjson`;
 * `study --json` writes one with `events` inline) or a claim check
 * (`check --json`; it has `measures`) and validates every field the report and its charts use; errors
 * name the file and the field path.
 */
export function readResultFile(file: string): ResultFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError("missing-file", `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw new InputError("invalid-file", `${file} is not valid JSON: ${(error as Error).message}`, { file });
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const record = typeof json === "object" && json !== null ? (json as Record<string, unknown>) : {};
  if ("events" in record) return { file, sha256, kind: "study", result: parse(studyResultSchema, json, file) };
  if ("eventsFile" in record) {
    const { eventCount, eventsFile, ...rest } = parse(studyResultFileSchema, json, file);
    return { file, sha256, kind: "study", result: { ...rest, events: readEvents(join(dirname(file), eventsFile), eventCount) } };
  }
  if ("measures" in record) return { file, sha256, kind: "check", check: parse(claimCheckSchema, json, file) };
  throw new InputError("invalid-file", `${file} is neither a study result (no "events") nor a claim check (no "measures"); write one with: event-impact study SPEC --out DIR, or event-impact check SYMBOL --date DATE --json > check.json`, { file });
}

/** The events of a `result.json`, one per line of its events file, each validated; errors name the file and line. */
function readEvents(file: string, count: number): EventResult[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError("missing-file", `cannot read ${file}, the events of the result beside it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file });
  }
  const lines = text.split("\n").filter((line) => line.length > 0);
  if (lines.length !== count) throw new InputError("invalid-file", `${file} has ${lines.length} event(s); the result beside it says ${count}`, { file });
  return lines.map((line, i) => {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new InputError("invalid-file", `${file} line ${i + 1} is not valid JSON: ${(error as Error).message}`, { file, line: i + 1 });
    }
    return parse(eventResultSchema, json, file, `${file} line ${i + 1}`);
  });
}

function parse<Schema extends z.ZodType>(schema: Schema, json: unknown, file: string, prefix = file): z.output<Schema> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw zodInputError("invalid-file", parsed.error, { prefix, file });
  return parsed.data;
}
