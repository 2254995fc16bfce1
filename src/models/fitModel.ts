import type { FittedModel, MarketModelName } from "./expectedReturnModel.js";
import { fitMarketAdjusted } from "./marketAdjusted.js";
import { fitMarketModel } from "./marketModel.js";
import { fitMeanAdjusted } from "./meanAdjusted.js";

const FITTERS: Record<MarketModelName, (firm: ArrayLike<number>, market: ArrayLike<number>) => FittedModel> = {
  market: fitMarketModel,
  "market-adjusted": fitMarketAdjusted,
  "mean-adjusted": fitMeanAdjusted,
};

/** Fits the named model on estimation-window firm and market returns. */
export function fitModel(model: MarketModelName, firm: ArrayLike<number>, market: ArrayLike<number>): FittedModel {
  return FITTERS[model](firm, market);
}
