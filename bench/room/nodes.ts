// Starting, watching and stopping the Tiantou nodes the room bench measures, and the throwaway
// PostgreSQL database and Redis prefix two nodes share. Only processes started here are stopped.
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
/** The bundle `npm start` runs, built the same way. */
export const serverBundle = path.join(repoRoot, 'dist/server/main.js');

export function buildServer() {
  const built = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface NodeHandle {
  label: string;
  pid: number;
  port: number;
  /** http://127.0.0.1:<port>, also the node's PUBLIC_URL and so the Origin it trusts. */
  site: string;
  wsBase: string;
  outLog: string;
  errLog: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  exitCode: () => number | null | undefined;
}

export function startNode(label: string, port: number, env: Record<string, string>, logDir: string): NodeHandle {
  const site = `http://127.0.0.1:${port}`;
  const outLog = path.join(logDir, `${label}.out.log`);
  const errLog = path.join(logDir, `${label}.err.log`);
  const out = createWriteStream(outLog);
  const err = createWriteStream(errLog);
  // A clean environment, so nothing in the caller's shell (DATABASE_URL, PORT …) leaks in.
  const child = spawn(process.execPath, [serverBundle], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: site, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(err);
  let code: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (c, signal) => resolve((code = c ?? (signal ? -1 : null)))));
  if (child.pid === undefined) throw new Error(`could not start ${label}`);
  return { label, pid: child.pid, port, site, wsBase: `ws://127.0.0.1:${port}`, outLog, errLog, child, exited, exitCode: () => code };
}

export async function waitHealthy(node: NodeHandle, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (node.exitCode() !== undefined) {
      throw new Error(`${node.label} exited with ${node.exitCode()} while starting:\n${await tail(node.errLog)}\n${await tail(node.outLog)}`);
    }
    const ok = await fetch(`${node.site}/healthz`, { signal: AbortSignal.timeout(2000) }).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${node.label} did not answer /healthz within ${timeoutMs / 1000} s:\n${await tail(node.errLog)}`);
}

/** SIGTERM, then SIGKILL if the node has not gone after `graceMs`; by pid, only our own child. */
export async function stopNode(node: NodeHandle, graceMs = 8000) {
  if (node.exitCode() !== undefined) return;
  try {
    process.kill(node.pid, 'SIGTERM');
  } catch {
    return;
  }
  const gone = await Promise.race([node.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), graceMs))]);
  if (!gone) {
    try {
      process.kill(node.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await node.exited;
  }
}

async function tail(file: string, lines = 20) {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Warnings and errors the node logged (pino JSON, level ≥ 40) plus anything on stderr, grouped. */
export async function logSummary(node: NodeHandle): Promise<{ warnings: number; errors: number; top: string[] }> {
  const groups = new Map<string, number>();
  let warnings = 0;
  let errors = 0;
  for (const line of (await readFile(node.outLog, 'utf8').catch(() => '')).split('\n')) {
    if (!line.startsWith('{')) continue;
    let entry: { level?: number; msg?: string; err?: { message?: string } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if ((entry.level ?? 0) < 40) continue;
    if ((entry.level ?? 0) >= 50) errors++;
    else warnings++;
    const key = `[${(entry.level ?? 0) >= 50 ? 'error' : 'warn'}] ${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message}` : ''}`.slice(0, 300);
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  for (const line of (await readFile(node.errLog, 'utf8').catch(() => '')).split('\n')) {
    if (!line.trim()) continue;
    errors++;
    const key = `[stderr] ${line}`.slice(0, 300);
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const top = [...groups].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([text, count]) => `${count}× ${text}`);
  return { warnings, errors, top };
}

/** The node's own view: room counters and event-loop lag from /metrics (label-less series only). */
export async function scrapeMetrics(node: NodeHandle): Promise<Record<string, number>> {
  const text = await fetch(`${node.site}/metrics`, { signal: AbortSignal.timeout(15_000) }).then(
    (res) => (res.ok ? res.text() : ''),
    () => '',
  );
  const values: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const match = /^(tiantou_(?:room_\w+|nodejs_eventloop_lag_\w+)) ([0-9.eE+-]+)$/.exec(line);
    if (match) values[match[1]!] = Number(match[2]);
  }
  return values;
}

// ---- /proc sampling --------------------------------------------------------------------------

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of the process in seconds, from /proc/<pid>/stat. */
export async function cpuSeconds(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!stat) return undefined;
  // The command name may hold spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/**
 * Busy time of the whole machine (all cores) in seconds, from /proc/stat: `processes` is time
 * charged to some process, `interrupts` is irq + softirq, where loopback TCP delivery mostly runs
 * without being charged to the sender or the receiver.
 */
export async function machineBusySeconds(): Promise<{ processes: number; interrupts: number } | undefined> {
  const stat = await readFile('/proc/stat', 'utf8').catch(() => undefined);
  const line = stat?.split('\n', 1)[0];
  if (!line?.startsWith('cpu ')) return undefined;
  // user nice system idle iowait irq softirq steal
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  return { processes: (user + nice + system + steal) / clockTicks, interrupts: (irq + softirq) / clockTicks };
}

export async function rssMb(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const match = status?.match(/^VmRSS:\s+(\d+)\s+kB/m);
  return match ? Number(match[1]) / 1024 : undefined;
}

// ---- PostgreSQL and Redis ---------------------------------------------------------------------

export function postgresUrl(database: string) {
  const user = process.env.PGUSER ?? 'postgres';
  return `postgres://${encodeURIComponent(user)}@127.0.0.1:5432/${database}`;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl('postgres') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Drops and creates a bench database; the name is ours alone, so dropping it harms nothing else. */
export async function freshDatabase(name: string) {
  if (!/^tiantou_bench_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to recreate database ${name}`);
  await admin(async (client) => {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  });
  return postgresUrl(name);
}

export async function dropDatabase(name: string) {
  if (!/^tiantou_bench_[a-z0-9_]+$/.test(name)) return;
  await admin((client) => client.query(`drop database if exists ${name} with (force)`));
}

/** Deletes the keys a run left under its own prefix (rate-limit counters, room state). */
export async function clearRedisPrefix(url: string, prefix: string) {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
