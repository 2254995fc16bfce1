import { readdirSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { fetchPrices, type FetchEvent, type FetchOptions } from "../src/sources/fetchPrices.js";
import { runCliAsync, tempDir } from "./helpers/cli.js";

const servers: { close(): void }[] = [];
const sockets = new Set<Socket>();
afterEach(() => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  for (const server of servers.splice(0)) server.close();
});

async function listen<T extends Server | ReturnType<typeof createTcpServer>>(server: T): Promise<string> {
  servers.push(server);
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A server that accepts connections and never says a word. */
const silentServer = () => listen(createTcpServer(() => {}));

/** Every path answered by `handler`; the paths asked for are recorded. */
async function httpServer(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ url: string; paths: string[] }> {
  const paths: string[] = [];
  const url = await listen(createHttpServer((request, response) => (paths.push(request.url ?? ""), handler(request, response))));
  return { url, paths };
}

/** A port on 127.0.0.1 where nothing listens. */
async function refusedUrl(): Promise<string> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

async function fetchFrom(yahooUrl: string, symbols: string[], options: Partial<FetchOptions> = {}) {
  const events: FetchEvent[] = [];
  const started = Date.now();
  const outcomes = await fetchPrices(
    symbols.map((symbol) => ({ symbol, from: "2021-01-04", to: "2021-01-29" })),
    { cacheDir: tempDir("cache"), yahooUrl, retry: { attempts: 4, baseDelayMs: 1 }, onProgress: (event) => events.push(event), ...options },
  );
  return { outcomes, retries: events.filter((event) => event.type === "retry").length, seconds: (Date.now() - started) / 1000 };
}

describe("network limits: timeouts, deadline, retries, size caps, redirects", () => {
  it("a server that accepts and never answers: the request gives up after its timeout, once, and says so in one line", async () => {
    const url = await silentServer();
    const { outcomes, retries } = await fetchFrom(url, ["0700.HK"], { requestTimeoutMs: 300 });
    expect(retries).toBe(0);
    expect(outcomes[0]!.error).toMatchObject({ failure: "network", message: `0700.HK: ${new URL(url).host}: no complete answer within 0.3 s` });
  });

  it("the deadline cuts a request short and the symbols not yet started are not tried", async () => {
    const url = await silentServer();
    const { outcomes, seconds } = await fetchFrom(url, ["0700.HK", "0005.HK"], { timeoutMs: 500, concurrency: 1 });
    expect(seconds).toBeLessThan(8);
    expect(outcomes.map((outcome) => outcome.error?.message)).toEqual([
      `0700.HK: ${new URL(url).host}: the 0.5 s deadline for fetching passed (--timeout)`,
      "0005.HK: not tried: the 0.5 s deadline for fetching passed (--timeout)",
    ]);
  });

  it("a refused connection is tried twice, not four times", async () => {
    const { outcomes, retries } = await fetchFrom(await refusedUrl(), ["0700.HK"]);
    expect(retries).toBe(1);
    expect(outcomes[0]!.error?.message).toMatch(/^0700\.HK: no answer from 127\.0\.0\.1:\d+: connection refused \(ECONNREFUSED\) \(2 attempts\)$/);
  });

  it("a host name that does not resolve is not retried", async () => {
    const { outcomes, retries } = await fetchFrom("http://nonexistent.invalid:8080", ["0700.HK"]);
    expect(retries).toBe(0);
    expect(outcomes[0]!.error).toMatchObject({ failure: "network", message: "0700.HK: no answer from nonexistent.invalid:8080: host not found (ENOTFOUND)" });
  });

  it("a gzip bomb (1 GiB of zeros in 1 MB) is cut off at the decompressed cap without growing the process", async () => {
    const member = gzipSync(Buffer.alloc(16 * 2 ** 20));
    const { url } = await httpServer((_, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      let sent = 0;
      const pump = () => {
        while (sent < 64 && response.write(member)) sent++;
        if (sent < 64) response.once("drain", pump);
        else response.end();
      };
      pump();
    });
    const before = process.memoryUsage().rss;
    const { outcomes } = await fetchFrom(url, ["0700.HK"]);
    expect(outcomes[0]!.error).toMatchObject({ failure: "too-large" });
    expect(outcomes[0]!.error!.message).toMatch(/^0700\.HK: 127\.0\.0\.1:\d+ sent a response that decompresses to more than 33554432 bytes \(gzip\); stopped reading$/);
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 2 ** 20);
  });

  it("a response larger than the cap on the wire is cut off", async () => {
    const { url } = await httpServer((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(Buffer.alloc(9 * 2 ** 20, 0x20));
    });
    const { outcomes } = await fetchFrom(url, ["0700.HK"]);
    expect(outcomes[0]!.error).toMatchObject({ failure: "too-large" });
    expect(outcomes[0]!.error!.message).toMatch(/more than 8388608 bytes/);
  });

  it("redirects are followed on the same host only", async () => {
    const elsewhere = await httpServer((_, response) => response.end("{}"));
    const redirecting = await httpServer((request, response) => {
      if (request.url!.startsWith("/v8/finance/chart/0700.HK")) return response.writeHead(302, { location: `${elsewhere.url}${request.url}` }).end();
      if (request.url!.startsWith("/v8/finance/chart/0005.HK")) return response.writeHead(301, { location: request.url!.replace("/v8/", "/moved/v8/") }).end();
      response.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ chart: { result: null, error: { code: "Not Found", description: "No data found, symbol may be delisted" } } }));
    });
    const { outcomes } = await fetchFrom(redirecting.url, ["0700.HK", "0005.HK"]);
    expect(outcomes[0]!.error).toMatchObject({ failure: "http-error", message: `0700.HK: ${new URL(redirecting.url).host} redirected to ${elsewhere.url}; only redirects to the same host are followed` });
    expect(elsewhere.paths).toEqual([]);
    expect(outcomes[1]!.error).toMatchObject({ failure: "unknown-symbol" });
    expect(redirecting.paths.filter((path) => path.startsWith("/moved/"))).toHaveLength(1);
  });

  it("CLI: --timeout bounds fetch and check; each failure is one line naming the symbol and the cause", async () => {
    const url = await silentServer();
    const cache = tempDir("cache");
    const fetch = await runCliAsync(["fetch", "0700.HK", "0005.HK", "--from", "2021-01-04", "--to", "2021-01-29", "--timeout", "1", "--yahoo-url", url, "--cache", cache]);
    expect(fetch.code).toBe(2);
    expect(fetch.stdout).toContain(`\nfailed:\n  0700.HK: ${new URL(url).host}: the 1 s deadline for fetching passed (--timeout)\n  0005.HK: `);
    expect(fetch.stderr).toMatch(/^error: 2 of 2 symbol\(s\) could not be fetched: 0700\.HK \(network\), 0005\.HK \(network\)$/m);
    expect(readdirSync(cache)).toEqual([]);
    const check = await runCliAsync(["check", "0005.HK", "--date", "2021-01-15", "--timeout", "1", "--yahoo-url", url]);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain(`warning: could not fetch 0005.HK: ${new URL(url).host}: the 1 s deadline for fetching passed (--timeout)\n`);
    expect((await runCliAsync(["fetch", "0700.HK", "--from", "2021-01-04", "--timeout", "0"])).stderr).toMatch(/--timeout.*above 0/);
  });
});
