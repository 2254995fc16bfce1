import type { StudyResult } from "../study/runStudy.js";
import { formatTable, num, pct, pval } from "./table.js";

/** The terminal rendering of a study: per event its model, abnormal returns and window statistics. */
export function studyText(result: StudyResult): string {
  const blocks: string[] = [`${result.name}: ${result.events.length} event(s), ${result.model} model, ${result.returns} returns`];
  for (const event of result.events) {
    const { announcement: a } = event;
    const announced = [a.date, a.time, a.timezone].filter(Boolean).join(" ");
    blocks.push(
      [
        `${event.symbol} vs ${event.market}: announced ${announced}, day 0 = ${event.day0}`,
        `  alpha ${event.alpha.toExponential(3)}, beta ${num(event.beta, 3)}, sigma ${num(event.sigma * 100)}% per day, ${event.nEstimation} estimation days (${event.estimation.start} to ${event.estimation.end}), ${event.df} df`,
      ].join("\n"),
    );
    blocks.push(
      formatTable(
        ["day", "date", "return", "market", "AR", "SAR"],
        event.abnormalReturns.map((r) => [String(r.offset), r.date, pct(r.ret), pct(r.marketRet), pct(r.ar), num(r.sar)]),
      ),
    );
    blocks.push(
      formatTable(
        ["window", "dates", "CAR", "t", "p", "BHAR"],
        event.windows.map((w) => [`[${w.start},${w.end}]`, w.startDate === w.endDate ? w.startDate : `${w.startDate}..${w.endDate}`, pct(w.car), num(w.t), pval(w.p), pct(w.bhar)]),
      ),
    );
  }
  if (result.dropped.length > 0) {
    blocks.push(`Dropped ${result.dropped.length} event(s):\n${result.dropped.map((d) => `  ${d.symbol} ${d.date}: ${d.reason}`).join("\n")}`);
  }
  return blocks.join("\n\n");
}
