import { pathToFileURL } from 'node:url';
import type { EventLoopUtilization } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { EmbeddedCluster } from './src/index.ts';
import { startEmbeddedCluster } from './src/index.ts';

/** Timings of one bench run, in milliseconds. */
export interface EmbeddedClusterBenchResult {
  /** From calling startEmbeddedCluster until an authenticated list request has been answered. */
  readonly startToReadyMs: number;
  /** 1,000 GRPCRoute creates over HTTPS (validated and defaulted). */
  readonly createsMs: number;
  /** 1,000 PUTs to /status of those routes. */
  readonly statusUpdatesMs: number;
  /** createsMs + statusUpdatesMs. */
  readonly createsAndStatusUpdatesMs: number;
  /** Of that, how long the server's event loop was busy (the rest is the client and the wire). */
  readonly serverBusyMs: number;
  /** CPU time the whole process (server and client threads) used meanwhile; on a loaded machine busy time exceeds it. */
  readonly processCpuMs: number;
}

const OBJECTS = 1000;
const IN_FLIGHT = 16;
const NS = 'bench';

/**
 * Starts a cluster (no workloads), times start-up and 1,000 creates + 1,000 status updates, stops
 * it. The load comes from a worker thread, as from a separate client process in a real cluster.
 */
export async function runEmbeddedClusterBench(): Promise<EmbeddedClusterBenchResult> {
  const started = performance.now();
  const cluster = await startEmbeddedCluster({ workloads: false });
  try {
    const timings = await runClientWorker(cluster);
    const serverBusyMs = timings.loadUtilization.active;
    const processCpuMs = (timings.cpu.user + timings.cpu.system) / 1000;
    const startToReadyMs = timings.firstAnswerAt - started;
    return {
      startToReadyMs,
      createsMs: timings.createsMs,
      statusUpdatesMs: timings.statusUpdatesMs,
      createsAndStatusUpdatesMs: timings.createsMs + timings.statusUpdatesMs,
      serverBusyMs,
      processCpuMs,
    };
  } finally {
    await cluster.stop();
  }
}

interface ClientTimings {
  /** performance.now() of the main thread when the first list was answered. */
  firstAnswerAt: number;
  createsMs: number;
  statusUpdatesMs: number;
  /** Event loop utilisation of the server thread while the load ran. */
  loadUtilization: EventLoopUtilization;
  cpu: NodeJS.CpuUsage;
}

async function runClientWorker(cluster: EmbeddedCluster): Promise<ClientTimings> {
  const worker = new Worker(CLIENT_SOURCE, {
    eval: true,
    workerData: { url: cluster.url, token: cluster.token, caPem: cluster.caPem, objects: OBJECTS, inFlight: IN_FLIGHT, ns: NS, route: route(0) },
  });
  try {
    const firstAnswer = new Promise<number>((resolve) => worker.once('message', () => resolve(performance.now())));
    const done = new Promise<{ createsMs: number; statusUpdatesMs: number }>((resolve, reject) => {
      worker.on('message', (m: { createsMs?: number; statusUpdatesMs?: number; error?: string }) => {
        if (m.error) reject(new Error(m.error));
        else if (m.createsMs !== undefined) resolve({ createsMs: m.createsMs, statusUpdatesMs: m.statusUpdatesMs ?? 0 });
      });
      worker.once('error', reject);
    });
    const firstAnswerAt = await firstAnswer;
    const before = performance.eventLoopUtilization();
    const cpuBefore = process.cpuUsage();
    const result = await done;
    return { firstAnswerAt, ...result, loadUtilization: performance.eventLoopUtilization(before), cpu: process.cpuUsage(cpuBefore) };
  } finally {
    await worker.terminate();
  }
}

function route(i: number): Record<string, unknown> {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GRPCRoute',
    metadata: { name: `route-${i}`, namespace: NS },
    spec: {
      parentRefs: [{ name: 'gw' }],
      rules: [{ matches: [{ method: { service: 'grpc.testing.EchoService', method: 'Echo' } }], backendRefs: [{ name: 'echo', port: 8080 }] }],
    },
  };
}

// Plain JavaScript, evaluated in the worker: a keep-alive HTTPS client with IN_FLIGHT requests in flight.
const CLIENT_SOURCE = `
const { parentPort, workerData: d } = require('node:worker_threads');
const { Agent, request } = require('node:https');
const agent = new Agent({ keepAlive: true, ca: d.caPem, maxSockets: d.inFlight });
function send(method, path, body) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, d.url), { method, agent, headers: { authorization: 'Bearer ' + d.token, 'content-type': 'application/json' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode >= 300) reject(new Error(method + ' ' + path + ' answered ' + res.statusCode + ': ' + text));
        else resolve(JSON.parse(text));
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}
async function inParallel(count, task) {
  const results = new Array(count);
  let next = 0;
  const worker = async () => { while (next < count) { const i = next++; results[i] = await task(i); } };
  await Promise.all(Array.from({ length: d.inFlight }, worker));
  return results;
}
(async () => {
  await send('GET', '/api/v1/namespaces');
  parentPort.postMessage({ ready: true });
  await send('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: d.ns } });
  const routes = '/apis/gateway.networking.k8s.io/v1/namespaces/' + d.ns + '/grpcroutes';
  const t0 = performance.now();
  const created = await inParallel(d.objects, (i) => send('POST', routes, { ...d.route, metadata: { ...d.route.metadata, name: 'route-' + i } }));
  const t1 = performance.now();
  await inParallel(d.objects, (i) => send('PUT', routes + '/' + created[i].metadata.name + '/status', {
    ...created[i],
    status: { parents: [{ parentRef: { name: 'gw' }, controllerName: 'bench.example.com/controller', conditions: [] }] },
  }));
  const t2 = performance.now();
  agent.destroy();
  parentPort.postMessage({ createsMs: t1 - t0, statusUpdatesMs: t2 - t1 });
})().catch((e) => parentPort.postMessage({ error: String(e && e.stack || e) }));
`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runEmbeddedClusterBench();
  console.log(`embedded cluster start to ready: ${result.startToReadyMs.toFixed(0)} ms`);
  console.log(`1,000 creates + 1,000 status updates: ${result.createsAndStatusUpdatesMs.toFixed(0)} ms (creates ${result.createsMs.toFixed(0)} ms, status ${result.statusUpdatesMs.toFixed(0)} ms; server busy ${result.serverBusyMs.toFixed(0)} ms, process CPU ${result.processCpuMs.toFixed(0)} ms)`);
}
