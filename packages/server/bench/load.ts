/**
 * Load script for the platform server (loopback, bounded): starts `blockloom serve` on a free port with a
 * temporary data directory, then measures
 *   1. GET /api/graphs with autocannon at 32 connections for a fixed time;
 *   2. execute-and-wait of the calculator agent: 32 workers, each POSTing a run and polling it until it ends,
 *      for a fixed number of runs.
 * Prints throughput, p50, p99 and errors for each, as a Markdown table for docs/BENCHMARKS.md.
 *
 *   npx tsx packages/server/bench/load.ts [--seconds 10] [--runs 640] [--concurrency 32]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    runs: { type: 'string', default: '640' },
    concurrency: { type: 'string', default: '32' },
  },
});
const SECONDS = Number(values.seconds);
const RUNS = Number(values.runs);
const CONCURRENCY = Number(values.concurrency);
const repoRoot = resolve(import.meta.dirname, '../../..');

async function startServer(dataDir: string) {
  const child = spawn(process.execPath, [join(repoRoot, 'packages/cli/bin/blockloom.js'), 'serve'], {
    env: {
      ...process.env,
      PORT: '0',
      BLOCKLOOM_DATA_DIR: dataDir,
      BLOCKLOOM_RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) done(match[1]);
    });
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  return { child, url };
}

async function call(url: string, init: { method: string; token?: string; body?: unknown }) {
  const response = await fetch(url, {
    method: init.method,
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function executeAndWait(url: string, token: string, graph: { id: string; version: number }) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < RUNS) {
      next++;
      const t0 = performance.now();
      const run = await call(`${url}/api/graphs/${graph.id}/execute/${graph.version}`, {
        method: 'POST',
        token,
        body: { inputs: { Input: 8 } },
      });
      if (run.status !== 200) {
        errors++;
        continue;
      }
      for (;;) {
        const state = await call(`${url}/api/graphs/${graph.id}/executions/${String(run.json.id)}`, {
          method: 'GET',
          token,
        });
        const status = state.json.status;
        if (status === 'COMPLETED') {
          if (JSON.stringify(state.json.outputs) !== '{"Output":[42]}') errors++;
          break;
        }
        if (state.status !== 200 || status === 'FAILED' || status === 'TERMINATED') {
          errors++;
          break;
        }
        await new Promise((wake) => setTimeout(wake, 5));
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    throughput: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    errors,
  };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'blockloom-load-'));
  const server = await startServer(dataDir);
  try {
    const signup = await call(`${server.url}/api/auth/signup`, {
      method: 'POST',
      body: { email: 'load@example.com', password: 'load-test-password' },
    });
    const token = String(signup.json.access_token);
    const agent: unknown = JSON.parse(
      readFileSync(join(repoRoot, '../shared/compat/agents/calculator-agent.json'), 'utf8'),
    );
    const imported = await call(`${server.url}/api/graphs`, {
      method: 'POST',
      token,
      body: { graph: agent },
    });
    const graph = { id: String(imported.json.id), version: Number(imported.json.version) };

    const list = await autocannon({
      url: `${server.url}/api/graphs`,
      connections: CONCURRENCY,
      duration: SECONDS,
      headers: { authorization: `Bearer ${token}` },
    });
    const runs = await executeAndWait(server.url, token, graph);

    const rows = [
      `| GET /api/graphs (${SECONDS} s) | ${CONCURRENCY} | ${list.requests.mean.toFixed(0)} req/s | ${list.latency.p50} ms | ${list.latency.p99} ms | ${list.errors + list.timeouts + list.non2xx} |`,
      `| execute-and-wait, calculator agent (${RUNS} runs) | ${CONCURRENCY} | ${runs.throughput.toFixed(1)} runs/s | ${runs.p50.toFixed(0)} ms | ${runs.p99.toFixed(0)} ms | ${runs.errors} |`,
    ];
    console.log(
      `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), SQLite in ${dataDir}\n`,
    );
    console.log('| Scenario | Concurrency | Throughput | p50 | p99 | Errors |');
    console.log('|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((done) => server.child.once('exit', done));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
