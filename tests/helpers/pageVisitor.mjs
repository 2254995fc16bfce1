// A visitor in its own process (so that the test's own work does not delay it): loads a URL every
// 100 ms over one keep-alive connection until its stdin closes, then prints the load times in ms as JSON.
import { Agent, request } from "node:http";

const url = new URL(process.argv[2]);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const times = [];
const failures = [];
let stopping = false;
process.stdin.on("end", () => (stopping = true)).resume();

const load = () =>
  new Promise((resolve) => {
    const started = performance.now();
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on("end", () => {
        times.push(performance.now() - started);
        if (res.statusCode !== 200) failures.push(`status ${res.statusCode}`);
        resolve();
      });
    });
    req.on("error", (error) => {
      failures.push(error.message);
      resolve();
    });
    req.end();
  });

while (!stopping) {
  await load();
  await new Promise((resolve) => setTimeout(resolve, 100));
}
agent.destroy();
process.stdout.write(JSON.stringify({ times, failures }));
