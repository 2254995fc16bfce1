#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { readFileSync } from "node:fs";
import { InputError } from "../errors.js";
import { MODEL_NAMES } from "../models/expectedReturnModel.js";
import { SERVE_DEFAULTS } from "../serve/limits.js";

const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

const program = new Command("event-impact")
  .description("Financial event studies: abnormal returns around dated events, and checks of claims about market moves.")
  .version(version)
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride();

const STRICT_HELP = "make a suspect price row (low/high not bracketing open and close, a day move beyond -99.9% or x1000) an error instead of a warning";

program
  .command("check")
  .description("check a claim about a stock's (or an index's) move on one trading day against every measure of that day, or every claim of a paragraph (--text)")
  .argument("[symbol]", "Yahoo symbol, e.g. 1810.HK or ^HSI (not with --text)")
  .option("--date <YYYY-MM-DD>", "the trading day the claim is about (day 0); with --text, the day claims refer to when their sentence gives none")
  .option("--claim <text>", 'the claim, e.g. "plummeted 14%", "closed 10.3% lower", "-14", "closed at HK$29.30", "biggest one-day fall since March 2020"')
  .option("--text <paragraph>", "check every market-move claim of a paragraph of news text; companies are resolved through the names table")
  .option("--names <file.csv>", "with --text: a CSV of symbol,name[,shares] added to the bundled names (the event catalog's, and the --universe's)")
  .option("--shares <n>", "shares outstanding, to check a claim about market value (\"wiped HK$80bn off its market value\")")
  .option("--market <symbol>", "market index (default: the exchange's, ^HSI for .HK)")
  .option("--model <name>", `expected-return model: ${MODEL_NAMES.join(", ")} (scholes-williams and dimson with thin-trading betas; ff3, carhart4 and ff5 are factor models, with --factors)`, "market")
  .option("--factors <file>", "a Kenneth French daily factor file for a factor model (repeat to join several on date, e.g. the 3-factor file then the momentum file)", (file: string, files: string[] = []) => [...files, file])
  .option("--data <dir>", "folder of price files <SYMBOL>.csv, searched first; symbols it lacks come from the cache, then the bundled data")
  .option("--universe <dir>", "folder of price files of stocks to rank the day's move among (e.g. ../shared/data/hk-universe)")
  .option("--charts <dir>", "write the claim-day chart (and the universe ranking) as <name>.svg and <name>.vl.json to this folder")
  .option("--strict", STRICT_HELP)
  .option("--json", "print the result as JSON (streamed: events one per line)")
  .option("--source <name>", "where prices come from: cache (default: --data, the cache, the bundled data, then Yahoo for what none has), bundled, or yahoo")
  .option("--offline", "read only local files (--data, the cache, the bundled data); never the network")
  .option("--cache <dir>", "the price cache (default: $EVENT_IMPACT_CACHE or ~/.cache/event-impact)")
  .option("--yahoo-url <url>", "fetch from this base URL instead of Yahoo's query host (default: $EVENT_IMPACT_YAHOO_URL)")
  .option("--timeout <seconds>", "deadline for fetching prices, retries included; each request also gives up after 10 s (default: 30)")
  .addHelpText("after", '\nExamples:\n  event-impact check 1810.HK --date 2021-01-15 --claim "plummeted 14%"\n  event-impact check 1810.HK --date 2021-01-15 --claim "biggest one-day fall since March 2020"\n  event-impact check --text "Xiaomi shares plunged 10.3% on 15 January 2021, while the Hang Seng rose 0.3%."\n\nThe verdict is labelled accurate, accurate for <measure> only, inaccurate or unverifiable (with why).')
  .action(async (symbol: string | undefined, options: unknown) => (await import("./checkCommand.js")).checkCommand(symbol, options));

program
  .command("study")
  .description("run an event study from a JSON spec (events typed in, or selected from the catalog; see the README)")
  .argument("<spec.json>", "study spec file")
  .option("--data <dir>", "folder of price files <SYMBOL>.csv, searched first; symbols it lacks come from the cache, then the bundled data")
  .option("--universe <dir>", "folder of price files of stocks to rank each event's day 0 among")
  .option("--lenient", "skip price rows that fail validation (listed in the result) instead of dropping their events")
  .option("--strict", STRICT_HELP)
  .option("--threads <n>", "worker threads for the per-event statistics (default: all cores from 20,000 events on)")
  .option("--out <dir>", "write result.json, events.ndjson, cars.csv, abnormal_returns.csv (and aggregate.csv) to this folder, as one set")
  .option("--residuals", "with --out and --xlsx, also write estimation_residuals.csv (every event's estimation-window residuals)")
  .option("--xlsx <file>", "write the tables of --out as an Excel workbook, one sheet per table")
  .option("--charts <dir>", "write the CAR chart of each event (and the CAAR chart, universe rankings) as <name>.svg and <name>.vl.json to this folder")
  .option("--json", "print the result as JSON")
  .option("--source <name>", "where prices come from: cache (default: --data, the cache, the bundled data, then Yahoo for what none has), bundled, or yahoo")
  .option("--offline", "read only local files (--data, the cache, the bundled data); never the network")
  .option("--cache <dir>", "the price cache (default: $EVENT_IMPACT_CACHE or ~/.cache/event-impact)")
  .option("--yahoo-url <url>", "fetch from this base URL instead of Yahoo's query host (default: $EVENT_IMPACT_YAHOO_URL)")
  .option("--timeout <seconds>", "deadline for fetching prices, retries included; each request also gives up after 10 s (default: 30)")
  .option("--compare <result.json>", "report, per symbol, whether the price data differs from that of an earlier result (content hashes)")
  .addHelpText("after", "\nExamples:\n  event-impact study data/studies/xiaomi-ccmc.json --out results/\n  event-impact study data/studies/ccmc-hk.json --json\n  event-impact study my-study.json --offline --compare results/result.json")
  .action(async (specFile: string, options: unknown) => (await import("./studyCommand.js")).studyCommand(specFile, options));

program
  .command("fetch")
  .description("download daily prices from Yahoo Finance into the cache (merged with what it holds), with a summary per symbol")
  .argument("<symbols...>", "Yahoo symbols, e.g. 0700.HK ^HSI AAPL")
  .requiredOption("--from <YYYY-MM-DD>", "first date")
  .option("--to <YYYY-MM-DD>", "last date (default: yesterday)")
  .option("--cache <dir>", "the price cache (default: $EVENT_IMPACT_CACHE or ~/.cache/event-impact)")
  .option("--yahoo-url <url>", "fetch from this base URL instead of Yahoo's query host (default: $EVENT_IMPACT_YAHOO_URL)")
  .option("--timeout <seconds>", "deadline for fetching prices, retries included; each request also gives up after 10 s (default: 30)")
  .addHelpText("after", "\nExit code 2 if any symbol failed (the others are still fetched).\n\nExample:\n  event-impact fetch 0700.HK ^HSI --from 2020-01-01 --to 2021-12-31")
  .action(async (symbols: string[], options: unknown) => (await import("./fetchCommand.js")).fetchCommand(symbols, options));

program
  .command("import")
  .description("add price files (bundled layout, Yahoo's CSV download or yfinance history) to the cache, one symbol per file")
  .argument("<files...>", "CSV files named after their symbol: 0700.HK.csv, INDEX_HSI.csv for ^HSI")
  .option("--cache <dir>", "the price cache (default: $EVENT_IMPACT_CACHE or ~/.cache/event-impact)")
  .addHelpText("after", "\nExample:\n  event-impact import downloads/0700.HK.csv downloads/INDEX_HSI.csv")
  .action(async (files: string[], options: unknown) => (await import("./importCommand.js")).importCommand(files, options));

program
  .command("events")
  .description("list the bundled catalog of US actions against Chinese listed firms, 2020-21")
  .option("--symbol <symbol>", "only rows for this symbol")
  .option("--action <text>", "only actions whose description contains this text")
  .option("--authority <text>", "only actions by an authority whose name contains this text")
  .option("--json", "print the rows as JSON, with sources and notes")
  .addHelpText("after", '\nExample:\n  event-impact events --action "Section 1237"')
  .action(async (options: unknown) => (await import("./eventsCommand.js")).eventsCommand(options));

program
  .command("report")
  .description("write a self-contained HTML report (charts inline, no network) of a study result.json or a check --json output")
  .argument("<result.json>", "a study result (study --out DIR writes DIR/result.json) or a claim check (check --json > check.json)")
  .option("-o, --output <file>", "the HTML file to write", "report.html")
  .addHelpText("after", "\nExamples:\n  event-impact study data/studies/ccmc-hk.json --out results/ && event-impact report results/result.json -o ccmc.html\n  event-impact check 1810.HK --date 2021-01-15 --claim \"plummeted 14%\" --json > check.json && event-impact report check.json")
  .action(async (resultFile: string, options: unknown) => (await import("./reportCommand.js")).reportCommand(resultFile, options));

program
  .command("serve")
  .description("serve the claim check as a web page (form, verdict, measures, charts, shareable links) and a JSON API, on this machine")
  .option("--port <n>", "the port to listen on (0: any free port)", "8080")
  .option("--host <address>", "the address to listen on; only this machine by default", "127.0.0.1")
  .option("--data <dir>", "folder of price files <SYMBOL>.csv, searched first; symbols it lacks come from the cache, then the bundled data")
  .option("--universe <dir>", "folder of price files of stocks to rank each checked day among (e.g. ../shared/data/hk-universe)")
  .option("--offline", "serve only the price files on this machine (--data, the cache, the bundled data); never fetch")
  .option("--cache <dir>", "the price cache, read and filled with fetched symbols (default: $EVENT_IMPACT_CACHE or ~/.cache/event-impact)")
  .option("--yahoo-url <url>", "fetch from this base URL instead of Yahoo's query host (default: $EVENT_IMPACT_YAHOO_URL)")
  .option("--workers <n>", `worker threads computing checks and charts (default: the cores but one, 1 to 4: ${SERVE_DEFAULTS.workers} here)`)
  .option("--queue <n>", `checks that may wait for a worker; beyond, requests get 503 with Retry-After (default: ${SERVE_DEFAULTS.queueLimit})`)
  .option("--time-limit <seconds>", `how long a check or its charts may take, waiting included, before the request gets 503 (default: ${SERVE_DEFAULTS.timeLimit})`)
  .addHelpText(
    "after",
    "\nPages and API (GET):\n  /                                        the form\n  /check?symbol=&date=&claim=&market=      a result (shareable; claim and market optional)\n  /api/check?symbol=&date=&claim=&market=  the same check as JSON (as check --json); bad input: 400 {error}\n  /api/events?symbol=&action=&authority=   the event catalog as JSON (as events --json)\n  /check-text?text=&date=                  every claim of a paragraph, one labelled verdict each\n  /api/check-text?text=&date=              the same as JSON (as check --text --json)\n\nChecks run on worker threads; with --queue checks waiting, or one over --time-limit, the answer is 503 with Retry-After.\nPrice files are read once and again when they change; symbols on no file are fetched into the cache unless --offline.\n\nExamples:\n  event-impact serve\n  event-impact serve --port 8081 --universe ../shared/data/hk-universe\n  open http://127.0.0.1:8080/check?symbol=1810.HK&date=2021-01-15&claim=plummeted%2014%25",
  )
  .action(async (options: unknown) => (await import("./serveCommand.js")).serveCommand(options));

program
  .command("demo")
  .description("the Xiaomi case on bundled data: its event study, the claim check of \"plummeted 14%\", and the study of every bundled Hong Kong CCMC listing")
  .action(async () => (await import("./demoCommand.js")).demoCommand());

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof InputError) {
    process.stderr.write(`error: ${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`internal error: ${message}\nThis is a bug in event-impact; please report it with the command you ran.\n`);
  if (process.env.EVENT_IMPACT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 1;
}
