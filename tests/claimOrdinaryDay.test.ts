import { describe, expect, it } from "vitest";
import { checkClaim } from "../src/claims/checkClaim.js";
import { checkText } from "../src/reports/checkText.js";
import { checkView } from "../src/reports/checkView.js";
import { ols } from "./helpers/ols.js";
import { dayFacts, priceRows } from "./helpers/priceTruth.js";
import { twoSidedTReference } from "./reference/highPrecision.js";

/**
 * Claim checks on ordinary days (Xiaomi, a 1.43% rise and a 1.41% fall, nothing unusual), every figure worked out
 * here from the bundled price files: on an extreme day several mistakes (the history counting the wrong day, the
 * share written the wrong way round) give the same numbers as the right code, on an ordinary day they do not.
 */

const xiaomi = priceRows("1810.HK");
const hsi = new Map(priceRows("INDEX_HSI").map((row) => [row.date, row]));

/** What the check of `date` should say, from the price files alone. */
function expectedDay(date: string) {
  const k = xiaomi.findIndex((row) => row.date === date);
  const facts = dayFacts(xiaomi, k);
  const returns = xiaomi.slice(1).map((row, i) => row.adj / xiaomi[i]!.adj - 1);
  const others = returns.filter((_, i) => i + 1 !== k);
  const lower = others.filter((r) => r < facts.ret).length;
  const higher = others.filter((r) => r > facts.ret).length;
  const market = hsi.get(date)!.adj / hsi.get(xiaomi[k - 1]!.date)!.adj - 1;

  const joined = xiaomi.filter((row) => hsi.has(row.date));
  const d0 = joined.findIndex((row) => row.date === date);
  const est = Array.from({ length: 240 }, (_, i) => d0 - 250 + i);
  const ret = (j: number) => joined[j]!.adj / joined[j - 1]!.adj - 1;
  const mret = (j: number) => hsi.get(joined[j]!.date)!.adj / hsi.get(joined[j - 1]!.date)!.adj - 1;
  const fit = ols(est.map(ret), est.map(mret));
  const ar = ret(d0) - fit.alpha - fit.beta * mret(d0);
  const t = ar / Math.sqrt(fit.s2 * (1 + 1 / 240 + (mret(d0) - fit.mx) ** 2 / fit.sxx));
  const estReturns = est.map(ret);
  const m = estReturns.reduce((a, b) => a + b, 0) / 240;
  const z = (facts.ret - m) / Math.sqrt(estReturns.reduce((a, r) => a + (r - m) ** 2, 0) / 239);
  const sqBelow = fit.residuals.filter((e) => e < ar).length;
  const sqAtOrBelow = fit.residuals.filter((e) => e <= ar).length;
  const sqAtOrAbove = fit.residuals.filter((e) => e >= ar).length;
  const logs = est.map((j) => joined[j]!.volume).filter((v) => v > 0).map((v) => Math.log(1 + v));
  const logMean = logs.reduce((a, b) => a + b, 0) / logs.length;
  const cav = Math.log(1 + joined[d0]!.volume) - logMean;
  const cavT = cav / Math.sqrt(logs.reduce((a, v) => a + (v - logMean) ** 2, 0) / (logs.length - 1));
  return {
    facts,
    previous: xiaomi[k - 1]!,
    historyDays: others.length,
    lower,
    higher,
    market,
    ar,
    t,
    z,
    estimation: { start: joined[d0 - 250]!.date, end: joined[d0 - 11]!.date },
    sq: { p: Math.min(1, (2 * (1 + Math.min(sqAtOrBelow, sqAtOrAbove))) / 241), quantile: sqBelow / 240, minP: 2 / 241 },
    volume: { cav, t: cavT, df: logs.length - 1 },
  };
}

describe("checkClaim on an ordinary rise: 1810.HK on 2021-05-04, 'rose 1.4%'", () => {
  const checked = () => checkClaim({ symbol: "1810.HK", date: "2021-05-04", claim: "rose 1.4%" });
  const day = expectedDay("2021-05-04");

  it("measures the day, the market and the stock's history from the files", () => {
    const check = checked();
    expect(check.previousDate).toBe(day.previous.date);
    expect(check.measures.closeToClose).toBeCloseTo(day.facts.ret, 14);
    expect(check.measures.openGap).toBeCloseTo(day.facts.openGap!, 14);
    expect(check.measures.intradayLow).toBeCloseTo(day.facts.low!, 14);
    expect(check.measures.intradayHigh).toBeCloseTo(day.facts.high!, 14);
    expect(check.measures.marketReturn).toBeCloseTo(day.market, 14);
    expect(check.measures.marketAdjusted).toBeCloseTo(day.facts.ret - day.market, 14);
    expect(check.historyDays).toBe(xiaomi.length - 2);
    expect(check.historyDays).toBe(day.historyDays);
    expect(check.measures.percentile).toBe(day.lower / day.historyDays);
    expect(check.measures.zScore).toBeCloseTo(day.z, 12);
  });

  it("gives the market-model abnormal return and its t from a hand OLS on [-250, -11]", () => {
    const check = checked();
    expect(check.measures.abnormalReturn).toBeCloseTo(day.ar, 14);
    expect(check.inference!.t).toBeCloseTo(day.t, 12);
    expect(check.inference!.p).toBeGreaterThan(0.05);
  });

  it("says so in the verdict: accurate on the close, not unusual, and the share of days that rose more", () => {
    const check = checked();
    const sharePct = ((100 * day.higher) / day.historyDays).toFixed(1);
    expect(check.verdict.label).toBe("accurate");
    expect(check.verdict.headline).toBe(
      `On 2021-05-04, 1810.HK closed at ${day.facts.close}, up ${(day.facts.ret * 100).toFixed(2)}% from the previous close of ${day.previous.close} (${day.previous.date}), close to close.`,
    );
    expect(check.verdict.text).toContain(`The claim "rose 1.4%" (a rise of 1.4%, read as 1.35% to 1.45%) matches the close-to-close move (+${(day.facts.ret * 100).toFixed(2)}%).`);
    expect(check.verdict.text).toContain(`The Hang Seng Index (^HSI) rose ${(day.market * 100).toFixed(2)}% that day; the market-model abnormal return was +${(day.ar * 100).toFixed(2)}% (t = ${day.t.toFixed(2)}`);
    expect(check.verdict.text).toContain("not unusual for this stock");
    expect(check.verdict.text).toContain(`${sharePct}% of the other ${day.historyDays} days on file had a higher close-to-close return.`);
  });

  it("shows the percentile and z-score as the share of lower days and the standard score", () => {
    const check = checked();
    const rows = new Map(checkView(check).rows.map((row) => [row.key, row.value]));
    expect(rows.get("percentile")).toBe(`${((100 * day.lower) / day.historyDays).toFixed(1)}%`);
    expect(rows.get("zScore")).toBe(day.z.toFixed(2));
    expect(rows.get("closeToClose")).toBe(`+${(day.facts.ret * 100).toFixed(2)}%`);
    expect(checkText(check)).toMatch(new RegExp(`percentile\\s+${((100 * day.lower) / day.historyDays).toFixed(1)}%\\s+share of the ${day.historyDays} other days on file with a lower return`));
  });

  it("states the question, and the inference line with the t-test, the SQ test and the abnormal volume", () => {
    const check = checked();
    const view = checkView(check);
    expect(view.title).toBe("1810.HK on 2021-05-04");
    expect(view.question).toBe("Claim: “rose 1.4%”. Did 1810.HK rise 1.4% on 2021-05-04?");
    expect(view.label).toEqual({ kind: "accurate", text: "accurate" });
    expect(view.caption).toBe(`1810.HK on 2021-05-04 against the previous session ${day.previous.date}; market ^HSI`);
    const p = twoSidedTReference(day.t, 238);
    expect(view.inference).toBe(
      `abnormal return: market model on [-250, -11] (240 days, ${day.estimation.start} to ${day.estimation.end}): t = ${day.t.toFixed(2)}, p = ${p.toPrecision(3)}, 238 df; ` +
        `SQ p = ${day.sq.p.toPrecision(3)} (quantile ${day.sq.quantile.toFixed(3)}, smallest attainable p ${day.sq.minP.toPrecision(3)}; Gelbach, Helland & Klick 2013); ` +
        `abnormal log volume ${day.volume.cav.toFixed(3)} (volume ${Math.exp(day.volume.cav).toFixed(2)}x the estimation-window geometric mean), t = ${day.volume.t.toFixed(2)}, ` +
        `p = ${twoSidedTReference(day.volume.t, day.volume.df).toPrecision(3)}, ${day.volume.df} df (Campbell & Wasley 1996)`,
    );
    expect(view.verdict).toBe(check.verdict.text.slice(check.verdict.headline.length + 1));
  });
});

describe("checkClaim on an ordinary fall: 1810.HK on 2021-08-17, 'fell 1.4%'", () => {
  const checked = () => checkClaim({ symbol: "1810.HK", date: "2021-08-17", claim: "fell 1.4%" });
  const day = expectedDay("2021-08-17");

  it("counts the other days below the day's return, leaving out the day itself and no other", () => {
    const check = checked();
    expect(check.measures.closeToClose).toBeCloseTo(day.facts.ret, 14);
    expect(check.historyDays).toBe(day.historyDays);
    expect(check.measures.percentile).toBe(day.lower / day.historyDays);
  });

  it("says how many days fell more, and that the fall was not unusual", () => {
    const check = checked();
    expect(check.verdict.label).toBe("accurate");
    expect(check.verdict.headline).toContain(`down ${Math.abs(day.facts.ret * 100).toFixed(2)}% from the previous close of ${day.previous.close}`);
    expect(check.verdict.text).toContain(`${((100 * day.lower) / day.historyDays).toFixed(1)}% of the other ${day.historyDays} days on file had a lower close-to-close return.`);
    expect(check.verdict.text).toContain("not unusual for this stock");
    expect(check.measures.abnormalReturn).toBeCloseTo(day.ar, 14);
    expect(checkView(check).question).toBe("Claim: “fell 1.4%”. Did 1810.HK fall 1.4% on 2021-08-17?");
  });
});
