import { z } from "zod";
import { checkClaim } from "../claims/checkClaim.js";
import { checkText } from "../reports/checkText.js";
import { isoDateSchema } from "../calendar/isoDate.js";
import { claimPriceNeeds } from "../study/priceNeeds.js";
import { parseOptions } from "./options.js";
import { preparePrices, priceSourceFlags } from "./priceOptions.js";

const checkOptions = z.strictObject({
  date: isoDateSchema,
  claim: z.string().min(1, "the claim is empty").optional(),
  market: z.string().min(1).optional(),
  model: z.enum(["market", "market-adjusted", "mean-adjusted"]),
  data: z.string().min(1).optional(),
  universe: z.string().min(1).optional(),
  charts: z.string().min(1).optional(),
  json: z.boolean().optional(),
  strict: z.boolean().optional(),
  ...priceSourceFlags,
});

export async function checkCommand(symbol: string, rawOptions: unknown): Promise<void> {
  const options = parseOptions(checkOptions, rawOptions);
  const priceDirs = await preparePrices(claimPriceNeeds({ symbol, date: options.date, market: options.market }), options, options.data);
  const check = checkClaim({ symbol, date: options.date, claim: options.claim, market: options.market, model: options.model, priceDirs, universeDir: options.universe, strict: options.strict });
  if (options.charts !== undefined) {
    const { checkCharts, writeCharts } = await import("../reports/charts/charts.js");
    process.stderr.write(`wrote ${(await writeCharts(options.charts, checkCharts(check))).join(", ")}\n`);
  }
  process.stdout.write(options.json ? `${JSON.stringify(check, null, 2)}\n` : `${checkText(check)}\n`);
}
