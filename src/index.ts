export { runStudy, parseStudySpec } from "./study/runStudy.js";
export { marketOf } from "./calendar/exchanges.js";
export type { StudyOptions } from "./study/runStudy.js";
export { studyResultSchema, eventResultSchema, aggregateSchema, testBatterySchema, SCHEMA_VERSION } from "./study/studyResult.js";
export type {
  StudyResult,
  EventResult,
  DroppedEvent,
  Aggregate,
  WindowAggregate,
  DayAggregate,
  TestBattery,
  TestName,
  Cluster,
  OverlappingEvents,
  CarPathPoint,
} from "./study/studyResult.js";
export type { TestResult } from "./statistics/testResult.js";
export type { PriceProvenance } from "./sources/priceProvenanceSchema.js";
export type { UniverseRanking, Rank, StockMove } from "./engine/universeRankingSchema.js";
export { studySpecSchema } from "./study/spec.js";
export type { StudySpec, StudySpecInput, StudyEvent } from "./study/spec.js";
export { analyseEvent, alignedReturns } from "./engine/eventStudy.js";
export type { EventAnalysis, AbnormalReturnRow, WindowResult, EventStudyOptions } from "./engine/eventStudy.js";
export type { AlignedReturns } from "./engine/eventBatch.js";
export { checkClaim } from "./claims/checkClaim.js";
export type { ClaimCheck, ClaimCheckRequest, ClaimMeasures, ClaimInference, MoveMeasure } from "./claims/checkClaim.js";
export type { PricePathPoint, DailyReturn } from "./claims/checkSchema.js";
export { parseClaim, matchesClaim } from "./claims/parseClaim.js";
export { claimCheckSchema, textCheckSchema, parsedClaimSchema } from "./claims/checkSchema.js";
export { CHECK_SCHEMA_VERSION } from "./claims/checkSchemaVersion.js";
export type { CheckedClaim, MoveClaim, RecordClaim, PriceClaim, MarketValueClaim, Verdict, VerdictLabel, TextCheck, TextClaim } from "./claims/checkSchema.js";
export { checkParagraph } from "./claims/paragraph.js";
export type { TextCheckRequest } from "./claims/paragraph.js";
export { FALL_VERBS, RISE_VERBS } from "./claims/vocabulary.js";
export type { ParsedClaim, Direction, Bound, MeasureHint } from "./claims/parseClaim.js";
export { readPriceSeries, readPriceSeriesFrom, availableSymbols, bundledDataDir } from "./sources/localFiles.js";
export type { ReadOptions, PriceSource, PriceReader } from "./sources/localFiles.js";
export { barsOf, columnsOf, parsePriceCsv, readPriceColumns } from "./sources/priceCsv.js";
export type { InvalidRowHandler, PriceColumns, PriceCsvOptions, ParsedPrices } from "./sources/priceCsv.js";
export { priceFileName, symbolOfFileName } from "./sources/symbolFile.js";
export type { PriceBar, PriceSeries, PriceWarning } from "./sources/priceBar.js";
export { ensurePrices } from "./sources/priceSources.js";
export type { EnsurePricesOptions, PreparedPrices } from "./sources/priceSources.js";
export { priceFolders, checkDataDir } from "./sources/priceFolders.js";
export type { SourceChoice, PriceFolderOptions } from "./sources/priceFolders.js";
export { fetchPrices } from "./sources/fetchPrices.js";
export type { PriceNeed, FetchOptions, FetchOutcome, FetchEvent } from "./sources/fetchPrices.js";
export type { RetryPolicy } from "./sources/retry.js";
export type { LibraryLog } from "./sources/yahooClient.js";
export { importPriceFiles } from "./sources/importPrices.js";
export type { ImportOutcome } from "./sources/importPrices.js";
export { cacheDir, cacheState, readManifest } from "./sources/priceCache.js";
export type { CacheEntry, CacheManifest, CacheState } from "./sources/priceCache.js";
export { PriceFetchError } from "./sources/fetchError.js";
export type { FetchFailure } from "./sources/fetchError.js";
export { studyPriceNeeds } from "./study/priceNeeds.js";
export { claimPriceNeeds } from "./claims/claimPriceNeeds.js";
export { comparePrices } from "./reports/priceComparison.js";
export type { PriceComparison, RecordedPrices } from "./reports/priceComparison.js";
export { eventDayIndex } from "./calendar/eventDay.js";
export type { Announcement } from "./calendar/eventDay.js";
export { exchangeOf } from "./calendar/exchanges.js";
export type { Exchange } from "./calendar/exchanges.js";
export { alignPrices } from "./engine/alignment.js";
export type { AlignedPrices } from "./engine/alignment.js";
export { periodReturns, compoundReturn } from "./returns/returns.js";
export type { ReturnKind } from "./returns/returns.js";
export { MODEL_NAMES } from "./models/expectedReturnModel.js";
export type { FittedModel, MarketModelName, ModelName } from "./models/expectedReturnModel.js";
export { FACTOR_MODEL_NAMES, FACTOR_NAMES, factorsOf, modelFactors } from "./models/factorModel.js";
export type { FactorModelName, FactorName, FactorTable, ModelFactors } from "./models/factorModel.js";
export { factorCarVariance, factorSums, fitFactorsOnWindow } from "./models/factorFit.js";
export type { FactorFit, FactorSums } from "./models/factorFit.js";
export { parseFactorFile, readFactorFile, readFactorFiles, joinFactorTables } from "./sources/factorFile.js";
export { carVariance } from "./statistics/predictionErrorVariance.js";
export { twoSidedNormalPValue } from "./statistics/normal.js";
export { fSurvival } from "./statistics/fDistribution.js";
export { sqTest } from "./statistics/sqTest.js";
export type { SqResult } from "./statistics/sqTest.js";
export { volatilityRatio } from "./statistics/volatilityRatio.js";
export type { VolatilityResult } from "./statistics/volatilityRatio.js";
export { abnormalVolume, cumulativeAbnormalVolume, volumeBaseline } from "./statistics/abnormalVolume.js";
export type { VolumeBaseline, VolumeWindow } from "./statistics/abnormalVolume.js";
export { adjustedPatellZ, patellZ } from "./statistics/patell.js";
export { GrankAccumulator } from "./statistics/grankT.js";
export { writeStudyExport } from "./reports/studyExport.js";
export { studyDataFrames, claimCheckDataFrame, dataFrameHtml } from "./reports/dataFrames.js";
export type { DataFrameLike, DataFrameModule } from "./reports/dataFrames.js";
export { studyCharts, checkCharts, writeCharts } from "./reports/charts/charts.js";
export { renderSvg } from "./reports/charts/renderSvg.js";
export type { Chart } from "./reports/charts/renderSvg.js";
export { carChartSpec } from "./reports/charts/carChart.js";
export { volumeChartSpec } from "./reports/charts/volumeChart.js";
export { caarChartSpec } from "./reports/charts/caarChart.js";
export { forestChartSpec, type ForestOptions } from "./reports/charts/forestChart.js";
export { claimDayChartSpec } from "./reports/charts/claimDayChart.js";
export { universeChartSpec } from "./reports/charts/universeChart.js";
export { htmlReport } from "./reports/htmlReport.js";
export { readResultFile } from "./reports/resultFile.js";
export type { ResultFile } from "./reports/resultFile.js";
export { studyText } from "./reports/studyText.js";
export { checkText } from "./reports/checkText.js";
export { InputError } from "./errors.js";
export type { InputErrorCode, InputIssue, InputErrorDetails } from "./errors.js";
