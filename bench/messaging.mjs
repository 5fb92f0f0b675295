// The client side of bench/messaging (which prepares the instances, the people and their sessions): connects every
// person to the hub through the official SignalR client, then measures and prints. Person 2k is on instance A and
// writes to person 2k+1, on instance B, in their conversation.
// Usage: BENCH_SECRET=... node bench/messaging.mjs <A> <B> <pid of A> <pid of B> <people> "<rates>" <seconds> <concurrency>
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const signalR = createRequire(new URL("../Tests/e2e/package.json", import.meta.url))("@microsoft/signalr");
const [baseA, baseB, pidA, pidB] = process.argv.slice(2, 6);
const people = Number(process.argv[6]);
const rates = process.argv[7].split(/[ ,]+/).filter(Boolean).map(Number);
const [seconds, concurrency] = process.argv.slice(8).map(Number);
const origin = baseA;
const secret = process.env.BENCH_SECRET;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]) / 1024;
/** CPU seconds the process has used (user + system), from /proc: a figure that the machine's other load does not inflate. */
const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const cpuMsPer = (before, count) =>
  `${(((cpuSeconds(pidA) - before.a) * 1000) / count).toFixed(2)} / ${(((cpuSeconds(pidB) - before.b) * 1000) / count).toFixed(2)} ms`;
const cpuNow = () => ({ a: cpuSeconds(pidA), b: cpuSeconds(pidB) });
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** The cookie of person i's session, signed as Better Auth signs it: token.base64(HMAC-SHA256(secret, token)). */
function cookieOf(i) {
  const token = `bench-token-${i}`;
  const signed = `${token}.${createHmac("sha256", secret).update(token).digest("base64")}`;
  return `better-auth.session_token=${encodeURIComponent(signed)}`;
}
const instanceOf = (i) => (i % 2 === 0 ? baseA : baseB);

async function post(i, path, body) {
  const response = await fetch(new URL(path, instanceOf(i)), {
    method: "POST",
    headers: { cookie: cookieOf(i), origin, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Runs `work(i)` for i in [from, to), `width` at a time. */
async function inParallel(from, to, width, work) {
  let next = from;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < to) await work(next++);
  }));
}

// Who is waiting for which message: body tag → when its POST started.
const sentAt = new Map();
const latencies = [];
const postLatencies = [];
let delivered = 0;
let closed = 0;

function connect(i) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(new URL("/api/realtime", instanceOf(i)).toString(), { headers: { cookie: cookieOf(i), origin } })
    .configureLogging(signalR.LogLevel.None)
    .build();
  if (i % 2 === 1) {
    connection.on("message.created", ({ message }) => {
      const started = sentAt.get(message.body);
      if (started === undefined) return;
      sentAt.delete(message.body);
      latencies.push(performance.now() - started);
      delivered++;
    });
  }
  connection.onclose(() => closed++);
  return connection;
}

// Conversations first (through the API), then a warm-up so that the baseline RSS holds the hub's code and pools.
const conversations = new Array(people / 2);
await inParallel(0, people / 2, 32, async (k) => {
  conversations[k] = (await post(2 * k, "/api/conversations", { participantId: `bench-${2 * k + 1}` })).conversation.id;
});
let tag = 0;
const send = async (k) => {
  const body = `m${tag++}`;
  const started = performance.now();
  sentAt.set(body, started);
  await post(2 * k, `/api/conversations/${conversations[k]}/messages`, { body });
  postLatencies.push(performance.now() - started);
};
const ms = (sorted, p) => (sorted.length ? `${percentile(sorted, p).toFixed(1)} ms` : "n/a");
const sortedCopy = (values) => [...values].sort((x, y) => x - y);
const warmUp = Array.from({ length: 20 }, (_, i) => connect(i));
await Promise.all(warmUp.map((c) => c.start()));
await inParallel(0, 200, 16, (n) => send(n % 10));
await sleep(1000);
await Promise.all(warmUp.map((c) => c.stop()));
latencies.length = 0;
delivered = 0;
closed = 0;
await sleep(2000);
const idle = { a: rssMb(pidA), b: rssMb(pidB) };

// Connections in two halves: the RSS added by the second half is the cost of connections alone (the first also pays
// for what the instance grows once: thread pool, buffers' pools, code).
const connections = new Array(people);
const connectStarted = performance.now();
const connectRange = (from, to) => inParallel(from, to, 64, async (i) => {
  connections[i] = connect(i);
  await connections[i].start();
});
await connectRange(0, people / 2);
await sleep(10_000);
const half = { a: rssMb(pidA), b: rssMb(pidB) };
await connectRange(people / 2, people);
const connectSeconds = (performance.now() - connectStarted - 10_000) / 1000;
await sleep(10_000);
const held = connections.filter((c) => c.state === "Connected").length;
const loaded = { a: rssMb(pidA), b: rssMb(pidB) };
const perThousand = (before, after, count) => ((after - before) / (count / 1000)).toFixed(1);
console.log(`connections: ${held} of ${people} held after 10 s (${people / 2} on each instance), opened in ${connectSeconds.toFixed(1)} s`);
console.log(`RSS: A ${idle.a.toFixed(0)} → ${half.a.toFixed(0)} → ${loaded.a.toFixed(0)} MB, B ${idle.b.toFixed(0)} → ${half.b.toFixed(0)} → ${loaded.b.toFixed(0)} MB ` +
  `(none, half, all connected); per 1,000 idle connections: ${perThousand(idle.a, loaded.a, people / 2)} / ${perThousand(idle.b, loaded.b, people / 2)} MB ` +
  `from none to all, ${perThousand(half.a, loaded.a, people / 4)} / ${perThousand(half.b, loaded.b, people / 4)} MB for the second half`);

// Open loop at each rate, spread over the conversations: latency from the POST on A to the socket on B, and of the
// POST's answer alone.
let failures = 0;
for (const rate of rates) {
  sentAt.clear();
  latencies.length = 0;
  postLatencies.length = 0;
  delivered = 0;
  const cpu = cpuNow();
  const started = performance.now();
  const total = rate * seconds;
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    send(n % (people / 2)).catch(() => failures++);
  }
  for (let waited = 0; sentAt.size > 0 && waited < 30_000; waited += 100) await sleep(100);
  const delivery = sortedCopy(latencies);
  const posts = sortedCopy(postLatencies);
  console.log(`at ${rate} messages/s for ${seconds} s: ${delivered} of ${total} delivered (${failures} posts failed); ` +
    `POST → socket p50 ${ms(delivery, 50)}, p99 ${ms(delivery, 99)}, max ${ms(delivery, 100)}; the POST's answer p50 ${ms(posts, 50)}, p99 ${ms(posts, 99)}; ` +
    `CPU per message on A / B ${cpuMsPer(cpu, total)}`);
  await sleep(2000);
}

// Closed loop: `concurrency` posters as fast as they can; what the sockets on B receive in that time.
sentAt.clear();
latencies.length = 0;
postLatencies.length = 0;
delivered = 0;
const throughputCpu = cpuNow();
const deadline = performance.now() + seconds * 1000;
let posted = 0;
await Promise.all(Array.from({ length: concurrency }, async (_, worker) => {
  for (let k = worker; performance.now() < deadline; k = (k + concurrency) % (people / 2)) {
    await send(k).then(() => posted++, () => failures++);
  }
}));
const deliveredInTime = delivered;
const throughput = sortedCopy(latencies);
console.log(`throughput, ${concurrency} posters for ${seconds} s: ${(posted / seconds).toFixed(0)} posts/s on A, ` +
  `${(deliveredInTime / seconds).toFixed(0)} messages/s delivered on B (POST → socket p50 ${ms(throughput, 50)}, p99 ${ms(throughput, 99)}); ` +
  `CPU per message on A / B ${cpuMsPer(throughputCpu, Math.max(posted, 1))}`);
console.log(`connections closed by the server during the run: ${closed}; still connected: ${connections.filter((c) => c.state === "Connected").length}`);
await Promise.all(connections.map((c) => c.stop()));
