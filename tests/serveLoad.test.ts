import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/cli.js";
import { hasHkUniverse, hkUniverseDir } from "./helpers/hkUniverse.js";
import { spawnServe, type ServeProcess } from "./helpers/serveServer.js";

/** The universe: the 83 HK stocks beside the repository, else the bundled data (a smaller cross-section, same code path). */
const universe = hasHkUniverse ? hkUniverseDir : `${repoRoot}data`;
if (!hasHkUniverse) console.warn(`the serve load test ranks among the bundled data instead of ${hkUniverseDir} (absent)`);

const SYMBOLS = ["1810.HK", "0981.HK", "0883.HK", "0941.HK"];

/** The 25 last sessions of 2020 on which every bundled HK stock and ^HSI traded: 4 x 25 distinct checks. */
function sessions(): string[] {
  const dates = (file: string) => new Set(readFileSync(`${repoRoot}data/prices/${file}`, "utf8").split("\n").map((line) => line.slice(0, 10)));
  const all = [...SYMBOLS.map((symbol) => `${symbol}.csv`), "INDEX_HSI.csv"].map(dates);
  return [...all[0]!].filter((date) => date.startsWith("2020-") && all.every((set) => set.has(date))).slice(-25);
}

/** The q-quantile of durations (nearest rank). */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** A GET over a keep-alive agent: status and body, or the socket error as the status. */
function get(agent: Agent, url: URL, method = "GET"): Promise<{ status: number | string; body: string }> {
  return new Promise((resolve) => {
    const req = request(url, { agent, method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
      res.on("error", (error) => resolve({ status: error.message, body }));
    });
    req.on("error", (error) => resolve({ status: error.message, body: "" }));
    req.end();
  });
}

/** Every spelling of the server's folders that must not appear in an answer. */
const serverPaths = [repoRoot, universe, "data/prices/", "/tmp/", ...(hasHkUniverse ? [relative(process.cwd(), universe)] : [])];

describe.skipIf(process.env.SKIP_SLOW === "1")("event-impact serve under load (slow: a server process on the loopback)", () => {
  let serve: ServeProcess;
  const bodies: string[] = [];
  const checks = sessions().flatMap((date) => SYMBOLS.map((symbol) => `/api/check?${new URLSearchParams({ symbol, date, claim: "fell 3%" })}`));

  beforeAll(async () => {
    serve = await spawnServe(["--universe", universe]);
  }, 60_000);
  afterAll(async () => {
    const stopped = await serve?.stop();
    expect(stopped?.stderr).toBe("");
  });

  it("answers 100 concurrent distinct checks with a universe while the form page stays fast", async () => {
    expect(checks).toHaveLength(100);
    const visitor = spawn(process.execPath, [fileURLToPath(new URL("./helpers/pageVisitor.mjs", import.meta.url)), serve.url]);
    let visits = "";
    visitor.stdout.on("data", (chunk: Buffer) => (visits += chunk.toString("utf8")));
    const visited = new Promise((resolve) => visitor.on("close", resolve));
    const crowd = new Agent({ keepAlive: true, maxSockets: 100 });
    const checkTimes: number[] = [];
    const answers = await Promise.all(
      checks.map(async (path) => {
        const started = performance.now();
        const answer = await get(crowd, new URL(path, serve.url));
        checkTimes.push(performance.now() - started);
        return answer;
      }),
    );
    visitor.stdin.end();
    await visited;
    crowd.destroy();
    const { times: pageTimes, failures } = JSON.parse(visits) as { times: number[]; failures: string[] };
    expect(failures).toEqual([]);
    bodies.push(...answers.map((answer) => answer.body));
    expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
    for (const answer of answers) expect(JSON.parse(answer.body).universe.size).toBeGreaterThan(4);
    console.log(
      `serve load: 100 distinct checks with ${hasHkUniverse ? "the 83-stock universe" : "the bundled universe"}: p50 ${quantile(checkTimes, 0.5).toFixed(0)} ms, p99 ${quantile(checkTimes, 0.99).toFixed(0)} ms; ` +
        `GET / every 100 ms meanwhile (${pageTimes.length} loads): p50 ${quantile(pageTimes, 0.5).toFixed(1)} ms, p99 ${quantile(pageTimes, 0.99).toFixed(1)} ms`,
    );
    expect(pageTimes.length).toBeGreaterThan(3);
    expect(quantile(pageTimes, 0.99)).toBeLessThan(300);
  }, 120_000);

  it("answers 2,000 mixed requests from 20 keep-alive clients without a failure", async () => {
    const mix: { path: string; status: number; method?: string }[] = [
      { path: "/", status: 200 },
      { path: "/", status: 200, method: "HEAD" },
      { path: "/api/events", status: 200 },
      { path: "/api/events?symbol=1810.HK", status: 200 },
      { path: checks[0]!, status: 200 },
      { path: checks[57]!, status: 200 },
      { path: "/api/check?symbol=1810.HK&date=2021-01-15&claim=plummeted+14%25", status: 200 },
      { path: "/check?symbol=1810.HK&date=2021-01-15&claim=plummeted+14%25", status: 200 },
      { path: "/api/check?symbol=1810.HK&date=2021-01-16", status: 400 },
      { path: "/api/check?symbol=..%2F..%2Fetc%2Fpasswd&date=2021-01-15", status: 400 },
      { path: "/check?symbol=1810.HK&date=2021-02-30", status: 400 },
      { path: "/nothing", status: 404 },
    ];
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: 20 }, async (_, client) => {
        const agent = new Agent({ keepAlive: true, maxSockets: 1 });
        for (let k = 0; k < 100; k++) {
          const { path, status, method } = mix[(client * 7 + k) % mix.length]!;
          const answer = await get(agent, new URL(path, serve.url), method);
          if (answer.status !== status) failures.push(`${method ?? "GET"} ${path}: ${answer.status}`);
          if (k < mix.length) bodies.push(answer.body);
        }
        agent.destroy();
      }),
    );
    expect(failures).toEqual([]);
  }, 120_000);

  it("names no file or folder of the server in any answer", () => {
    expect(bodies.length).toBeGreaterThan(300);
    for (const body of bodies) for (const path of serverPaths) expect(body).not.toContain(path);
  });
});
