/**
 * Child process of the scale benchmark: asks a /healthz address once every 20 ms (one request at a
 * time, as a load balancer would) for the given seconds, then prints the latencies' p99 and
 * maximum as JSON. Usage: health-probe.ts URL SECONDS. Prints "sampling" once its first (untimed)
 * answer is in, then the result.
 */
// Makes this file a module, where top-level await is allowed.
export {};

const [url, secondsArgument] = process.argv.slice(2);
if (!url || !secondsArgument) throw new Error('usage: health-probe.ts URL SECONDS');
const until = performance.now() + Number(secondsArgument) * 1000;
const latencies: number[] = [];
let failures = 0;
// One answer before sampling: the first fetch of a process loads its HTTP client and opens the
// connection, which on two busy cores took hundreds of milliseconds of the probe's own time; a load
// balancer's probe is a long-lived process on a kept-alive connection.
await (await fetch(url)).arrayBuffer();
process.stdout.write('sampling\n');
while (performance.now() < until) {
  const started = performance.now();
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) failures++;
  } catch {
    failures++;
  }
  latencies.push(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 20));
}
latencies.sort((a, b) => a - b);
const p99 = latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)] ?? 0;
process.stdout.write(`${JSON.stringify({ samples: latencies.length, p99, max: latencies.at(-1) ?? 0, failures })}\n`);
