import { z } from "zod";
import { jsonNumber } from "../jsonNumber.js";

/** A test's statistic, its two-sided p-value and the number of events it used. */
export const testResultSchema = z.object({ statistic: jsonNumber, p: jsonNumber, n: z.number() });

export type TestResult = z.output<typeof testResultSchema>;
