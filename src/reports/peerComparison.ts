import type { CatalogEvent } from "../sources/catalog.js";
import type { StudyResult } from "../study/runStudy.js";
import { formatTable, num, pct } from "./table.js";

const COMPANY_WIDTH = 40;

/**
 * The events of a study as a table sorted by the day-0 abnormal return, most negative first, with the
 * events of `marked` (a symbol) flagged: how one firm's move compares with every other firm in the study.
 * Company names come from the catalog rows the events were selected from.
 *
 * @example dayZeroComparisonText(runStudy(spec), "1810.HK", readCatalog())
 */
export function dayZeroComparisonText(result: StudyResult, marked: string, catalog: readonly CatalogEvent[]): string {
  const companies = new Map(catalog.map((row) => [`${row.id}\u0000${row.symbol}`, row.company]));
  const rows = result.events
    .map((event) => {
      const day0 = event.abnormalReturns.find((row) => row.offset === 0);
      const window = event.windows.find((w) => w.start === 0 && w.end === 0);
      const company = companies.get(`${event.catalogId ?? ""}\u0000${event.symbol}`) ?? "";
      return { event, ar: day0?.ar ?? Number.NaN, t: window?.t ?? null, company: company.length > COMPANY_WIDTH ? `${company.slice(0, COMPANY_WIDTH - 3)}...` : company };
    })
    .sort((a, b) => a.ar - b.ar);
  const table = formatTable(
    ["rank", "event", "symbol", "company", "market", "day 0", "AR day 0", "t", ""],
    rows.map(({ event, ar, t, company }, k) => [String(k + 1), event.catalogId ?? "", event.symbol, company, event.market, event.day0, pct(ar), num(t), event.symbol === marked ? `<- ${marked}` : ""]),
  );
  const ranks = rows.flatMap(({ event }, k) => (event.symbol === marked ? [`${k + 1}`] : []));
  const summary = ranks.length === 0 ? `${marked} is not among the ${rows.length} events studied.` : `${marked}'s events rank ${ranks.join(", ")} of ${rows.length} by day-0 abnormal return (1 = the largest fall).`;
  return `${table}\n\n${summary}`;
}
