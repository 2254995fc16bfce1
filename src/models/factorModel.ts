import { InputError } from "../errors.js";

/** Daily factor returns by date: ISO dates ascending, each column in decimal units (a Data Library `1.25` is 0.0125). */
export interface FactorTable {
  dates: string[];
  columns: Map<string, Float64Array>;
}

/** The factor models (DESIGN section 9). */
export const FACTOR_MODEL_NAMES = ["ff3", "carhart4", "ff5"] as const;
export type FactorModelName = (typeof FACTOR_MODEL_NAMES)[number];

/** Every factor a model uses, in output order (the CSV exports have one beta column each). */
export const FACTOR_NAMES = ["Mkt-RF", "SMB", "HML", "Mom", "RMW", "CMA"] as const;
export type FactorName = (typeof FACTOR_NAMES)[number];

/**
 * The factors of each model: Fama & French (1993) three factors; Carhart (1997) adds momentum; Fama & French
 * (2015) five factors add profitability (RMW) and investment (CMA).
 */
const MODEL_FACTORS: ReadonlyMap<string, readonly FactorName[]> = new Map<FactorModelName, readonly FactorName[]>([
  ["ff3", ["Mkt-RF", "SMB", "HML"]],
  ["carhart4", ["Mkt-RF", "SMB", "HML", "Mom"]],
  ["ff5", ["Mkt-RF", "SMB", "HML", "RMW", "CMA"]],
]);

export function isFactorModel(model: string): model is FactorModelName {
  return MODEL_FACTORS.has(model);
}

/** The factors a model regresses on; none for the market models. */
export function factorsOf(model: string): readonly FactorName[] {
  return MODEL_FACTORS.get(model) ?? [];
}

/** A model's factor returns and the risk-free rate by date (decimal units), from the files named. */
export interface ModelFactors {
  model: FactorModelName;
  /** The files, as given. */
  files: readonly string[];
  dates: readonly string[];
  names: readonly FactorName[];
  values: readonly Float64Array[];
  rf: Float64Array;
}

/** Selects a model's factors and RF from joined factor files; an `invalid-file` error names a column none of them has. */
export function modelFactors(model: FactorModelName, table: FactorTable, files: readonly string[]): ModelFactors {
  const names = factorsOf(model);
  const column = (name: string) => {
    const values = table.columns.get(name);
    if (values === undefined) {
      throw new InputError("invalid-file", `the ${model} model needs a ${name} column, which ${files.join(", ")} ${files.length > 1 ? "do" : "does"} not have (columns: ${[...table.columns.keys()].join(", ")})`, { file: files[0] });
    }
    return values;
  };
  return { model, files, dates: table.dates, names, values: names.map(column), rf: column("RF") };
}

/** Factor returns on a firm's aligned calendar: `values[j][t]` and `rf[t]` are the factors' and RF's returns on `dates[t]`. */
export interface FactorReturns {
  names: readonly FactorName[];
  values: Float64Array[];
  rf: Float64Array;
}

/**
 * Restricts an aligned calendar to the dates the factor files have (trading days are the inner join of
 * stock, market and factor dates, DESIGN section 9): the indices kept, and the factor returns on them.
 */
export function factorCalendar(dates: readonly string[], factors: ModelFactors): { keep: number[]; returns: FactorReturns } {
  const row = new Map(factors.dates.map((date, i) => [date, i]));
  const keep: number[] = [];
  const rows: number[] = [];
  dates.forEach((date, t) => {
    const i = row.get(date);
    if (i !== undefined) {
      keep.push(t);
      rows.push(i);
    }
  });
  return {
    keep,
    returns: { names: factors.names, values: factors.values.map((column) => Float64Array.from(rows, (i) => column[i]!)), rf: Float64Array.from(rows, (i) => factors.rf[i]!) },
  };
}
