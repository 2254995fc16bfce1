import { z } from "zod";

/**
 * A number as result files carry it: `JSON.stringify` writes NaN and the infinities as null, and reading
 * turns null back into NaN, so a result read from disk has the type and the values of one just computed.
 */
export const jsonNumber = z
  .number()
  .nullable()
  .transform((value) => value ?? Number.NaN);
