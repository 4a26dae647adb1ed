/**
 * `npm run bench`: HTTP throughput and latency of Fazhi next to a bare Fastify hello-world measured in
 * the same run (scenarios in bench/scenarios.ts, usage in bench/README.md).
 *
 * The load generator (autocannon, in this process) and the servers share the machine (and, here, its
 * two cores), so absolute figures say little: compare the ratio to hello-world across runs and commits.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { createScratchDatabase, type ScratchDatabase } from '../scripts/scratch-database';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config/env';
import { mintToken } from '../src/modules/auth/tokens';
import { seedDemoBureau } from '../src/modules/demo/demo-bureau';
import { BASELINE, type HttpMethod, type Scenario, type SetupContext, scenarios } from './scenarios';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const WARMUP_SECONDS = 1;

interface Settings {
  duration: number;
  connections: number;
  json: boolean;
}

interface ScenarioResult {
  name: string;
  method: HttpMethod;
  path: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Requests/s divided by the hello-world's; null for the baseline's own row when it is missing. */
  ratio: number | null;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

interface BenchDatabase {
  kind: 'postgres' | 'pglite';
  /** URL of the fresh database (PostgreSQL only). */
  url?: string;
  /** What the output says about the database, without credentials. */
  description: string;
  drop(): Promise<void>;
}

function positiveInteger(variable: string, fallback: number): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${variable} must be a positive integer`);
  return value;
}

/** A fresh PostgreSQL database for this run, or in-memory PGlite when no server answers. */
async function createBenchDatabase(): Promise<BenchDatabase> {
  const base = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const name = `fazhi_bench_${process.pid}`;
  let scratch: ScratchDatabase;
  try {
    scratch = await createScratchDatabase(base, name);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return {
      kind: 'pglite',
      description: `embedded PGlite in memory (PostgreSQL unreachable: ${reason})`,
      drop: async () => {},
    };
  }
  return {
    kind: 'postgres',
    url: scratch.url,
    description: `PostgreSQL ${new URL(base).host}, fresh database ${name} (dropped at the end)`,
    drop: scratch.drop,
  };
}

/** A running server to load, with what every request to it carries. */
interface RunningTarget {
  app: FastifyInstance;
  baseUrl: string;
  /** Sent with every request (Fazhi: the bearer token of the demo bureau's admin). */
  headers: Record<string, string>;
  agencyId?: string;
}

async function startHelloWorld(): Promise<RunningTarget> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, baseUrl, headers: {} };
}

const BENCH_JWT_SECRET = randomBytes(32).toString('base64url');

async function startFazhi(database: BenchDatabase): Promise<RunningTarget> {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    // The limiter would answer 429 after the first few hundred requests.
    RATE_LIMIT_MAX: '0',
    AUTH_JWT_SECRET: BENCH_JWT_SECRET,
    ...(database.url ? { DATABASE_URL: database.url } : { DATA_DIR: 'memory://' }),
  });
  const app = await buildApp({ config, logger: false });
  try {
    // Every request authenticates like a real one: a bearer token checked against the officer record.
    const demo = await seedDemoBureau(app.database.db, new Date(), config.audit.hashAlgorithm);
    const token = await mintToken({
      secret: BENCH_JWT_SECRET,
      officerId: demo.adminId,
      agencyId: demo.agencyId,
    });
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    return { app, baseUrl, headers: { authorization: `Bearer ${token}` }, agencyId: demo.agencyId };
  } catch (err) {
    await app.close();
    throw err;
  }
}

function setupContext(target: RunningTarget): SetupContext {
  return {
    baseUrl: target.baseUrl,
    ...(target.agencyId ? { agencyId: target.agencyId } : {}),
    async request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${target.baseUrl}${path}`, {
        method,
        headers: { ...target.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`Setup ${method} ${path} answered ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

let current: autocannon.Instance | undefined;
let interrupted = false;

interface LoadResult {
  result: autocannon.Result;
  /** Every response's latency in ms; autocannon's own histogram only has whole milliseconds. */
  latencies: Float64Array;
}

function load(
  url: string,
  scenario: Scenario,
  target: RunningTarget,
  duration: number,
  connections: number,
): Promise<LoadResult> {
  const headers: Record<string, string> = { ...target.headers, ...scenario.headers };
  let body: string | undefined;
  if (typeof scenario.body === 'string') body = scenario.body;
  else if (scenario.body) {
    body = JSON.stringify(scenario.body);
    headers['content-type'] ??= 'application/json';
  }
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    current = autocannon(
      {
        url,
        method: scenario.method,
        headers,
        ...(body === undefined ? {} : { body }),
        duration,
        connections,
      },
      (err, result) => {
        current = undefined;
        if (err) reject(err);
        else resolve({ result, latencies: Float64Array.from(latencies).sort() });
      },
    );
    current.on('response', (_client, _statusCode, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function runScenario(
  scenario: Scenario,
  target: RunningTarget,
  settings: Settings,
): Promise<Omit<ScenarioResult, 'ratio'>> {
  const path = scenario.setup ? await scenario.setup(setupContext(target)) : scenario.path;
  const url = `${target.baseUrl}${path}`;
  await load(url, scenario, target, WARMUP_SECONDS, settings.connections);
  const { result, latencies } = await load(url, scenario, target, settings.duration, settings.connections);
  return {
    name: scenario.name,
    method: scenario.method,
    path,
    requestsPerSecond: result.requests.average,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

function printTable(results: ScenarioResult[]): void {
  const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'vs hello-world', 'non-2xx', 'errors'];
  const rows = results.map((r) => [
    r.name,
    r.requestsPerSecond.toFixed(0),
    r.p50Ms.toFixed(2),
    r.p99Ms.toFixed(2),
    r.ratio === null ? '–' : `${r.ratio.toFixed(2)}×`,
    String(r.non2xx),
    String(r.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function pgliteWarning(database: BenchDatabase): void {
  if (database.kind !== 'pglite') return;
  const banner = '!'.repeat(100);
  console.log(banner);
  console.log(`!!! WARNING: Fazhi runs on ${database.description}.`);
  console.log(
    '!!! Database-backed figures are NOT PostgreSQL figures. Set BENCH_DATABASE_URL to a reachable server.',
  );
  console.log(banner);
}

async function main(): Promise<void> {
  const started = performance.now();
  const settings: Settings = {
    duration: positiveInteger('BENCH_DURATION', 5),
    connections: positiveInteger('BENCH_CONNECTIONS', 10),
    json: process.argv.slice(2).includes('--json'),
  };
  const onSigint = () => {
    interrupted = true;
    current?.stop();
  };
  process.on('SIGINT', onSigint);

  let hello: RunningTarget | undefined;
  let fazhi: RunningTarget | undefined;
  let database: BenchDatabase | undefined;
  const measured: Omit<ScenarioResult, 'ratio'>[] = [];
  let failure: unknown;
  try {
    database = await createBenchDatabase();
    pgliteWarning(database);
    hello = await startHelloWorld();
    fazhi = await startFazhi(database);
    console.log(
      `Fazhi on ${database.description}; ${settings.duration} s per scenario after a ${WARMUP_SECONDS} s ` +
        `warm-up, ${settings.connections} connections, Node ${process.version}.`,
    );
    console.log('Load generator and servers share this machine: compare ratios, not absolute figures.\n');
    for (const scenario of scenarios) {
      if (interrupted) break;
      measured.push(await runScenario(scenario, scenario.target === 'hello-world' ? hello : fazhi, settings));
    }
  } catch (err) {
    failure = err;
  } finally {
    await fazhi?.app.close().catch((err) => console.error('Closing Fazhi failed:', err));
    await hello?.app.close().catch((err) => console.error('Closing hello-world failed:', err));
    await database?.drop().catch((err) => console.error('Dropping the bench database failed:', err));
    process.off('SIGINT', onSigint);
  }

  const baseline = measured.find((r) => r.name === BASELINE)?.requestsPerSecond;
  const results: ScenarioResult[] = measured.map((r) => ({
    ...r,
    ratio: baseline ? r.requestsPerSecond / baseline : null,
  }));
  if (results.length > 0) printTable(results);
  if (database) pgliteWarning(database);

  const failed = results.filter((r) => r.non2xx > 0 || r.errors > 0);
  for (const r of failed) {
    console.error(
      `FAILED: ${r.name}: ${r.non2xx} non-2xx responses, ${r.errors} errors (${r.timeouts} timeouts)`,
    );
  }
  if (failure) console.error('Benchmark aborted:', failure);
  if (interrupted) console.error('Benchmark interrupted.');
  const totalSeconds = (performance.now() - started) / 1000;
  console.log(`\nTotal runtime: ${totalSeconds.toFixed(1)} s`);

  if (settings.json) {
    const report = {
      database: database?.kind ?? null,
      durationSeconds: settings.duration,
      warmupSeconds: WARMUP_SECONDS,
      connections: settings.connections,
      node: process.version,
      totalSeconds,
      scenarios: results,
    };
    console.log(JSON.stringify(report, null, 2));
  }
  if (failure || interrupted || failed.length > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
