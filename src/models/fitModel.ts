import type { FittedModel, ModelName } from "./expectedReturnModel.js";
import { fitMarketAdjusted } from "./marketAdjusted.js";
import { fitMarketModel } from "./marketModel.js";
import { fitMeanAdjusted } from "./meanAdjusted.js";
import { fitThinTrading } from "./thinTrading.js";

const FITTERS: Record<ModelName, (firm: ArrayLike<number>, market: ArrayLike<number>) => FittedModel> = {
  market: fitMarketModel,
  "market-adjusted": fitMarketAdjusted,
  "mean-adjusted": fitMeanAdjusted,
  "scholes-williams": (firm, market) => fitThinTrading("scholes-williams", firm, market),
  dimson: (firm, market) => fitThinTrading("dimson", firm, market),
};

/** Fits the named model on estimation-window firm and market returns. */
export function fitModel(model: ModelName, firm: ArrayLike<number>, market: ArrayLike<number>): FittedModel {
  return FITTERS[model](firm, market);
}
