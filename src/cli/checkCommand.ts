import { z } from "zod";
import { checkClaim } from "../claims/checkClaim.js";
import { checkText, paragraphText } from "../reports/checkText.js";
import { isoDateSchema } from "../calendar/isoDate.js";
import { InputError } from "../errors.js";
import { claimPriceNeeds } from "../claims/claimPriceNeeds.js";
import { modelNameSchema } from "../engine/eventAnalysisSchema.js";
import { parseOptions } from "./options.js";
import { preparePrices, priceSourceFlags } from "./priceOptions.js";
import { MODEL_NAMES } from "../models/expectedReturnModel.js";

const checkOptions = z.strictObject({
  date: isoDateSchema.optional(),
  claim: z.string().min(1, "the claim is empty").optional(),
  text: z.string().min(1, "the text is empty").optional(),
  names: z.string().min(1).optional(),
  market: z.string().min(1).optional(),
  model: modelNameSchema,
  factors: z.array(z.string().min(1)).optional(),
  data: z.string().min(1).optional(),
  universe: z.string().min(1).optional(),
  charts: z.string().min(1).optional(),
  json: z.boolean().optional(),
  shares: z.coerce.number({ error: "--shares: give the number of shares outstanding, e.g. 25000000000" }).positive("--shares must be positive").optional(),
  strict: z.boolean().optional(),
  ...priceSourceFlags,
});

export async function checkCommand(symbol: string | undefined, rawOptions: unknown): Promise<void> {
  const options = parseOptions(checkOptions, rawOptions);
  if (options.text !== undefined) {
    if (symbol !== undefined || options.claim !== undefined) throw new InputError("invalid-option", "--text checks every claim of a paragraph: give it without a symbol or --claim", { field: "--text" });
    const priceDirs = await preparePrices([], options, options.data);
    const { checkParagraph } = await import("../claims/paragraph.js");
    const result = checkParagraph({ text: options.text, date: options.date, priceDirs, universeDir: options.universe, namesFile: options.names, model: options.model, factors: options.factors });
    process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : `${paragraphText(result)}\n`);
    return;
  }
  if (symbol === undefined) throw new InputError("invalid-option", "give a symbol (e.g. event-impact check 1810.HK --date 2021-01-15), or a paragraph with --text", { field: "symbol" });
  if (options.date === undefined) throw new InputError("invalid-option", "--date: required with a symbol: the trading day the claim is about (YYYY-MM-DD)", { field: "--date" });
  const priceDirs = await preparePrices(claimPriceNeeds({ symbol, date: options.date, market: options.market }), options, options.data);
  const check = checkClaim({ symbol, date: options.date, claim: options.claim, market: options.market, model: options.model, factors: options.factors, priceDirs, universeDir: options.universe, shares: options.shares, strict: options.strict });
  if (options.charts !== undefined) {
    const { checkCharts, writeCharts } = await import("../reports/charts/charts.js");
    process.stderr.write(`wrote ${(await writeCharts(options.charts, checkCharts(check))).join(", ")}\n`);
  }
  process.stdout.write(options.json ? `${JSON.stringify(check, null, 2)}\n` : `${checkText(check)}\n`);
}
