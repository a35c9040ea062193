// Room gateway under load: 10 000 WebSocket viewers in one room, 100 chat messages/s from 50
// senders plus 500 likes/s, against the node's coalescing tick and then against a naive
// per-message broadcast (ROOM_TICK_MS=0) in the same run.
// Run: npm run bench:room -- [--nodes 1|2] [--viewers 10000] [--seconds 60] [--naive-seconds 15]
//        [--chat-rate 100] [--senders 50] [--like-rate 500] [--like-batch 1] [--tick-ms <server default>]
//        [--client raw|ws]
//        [--wait-quiet <s>] [--timeout-seconds …] [--keep-logs]
// The nodes run the server bundled as `npm start` bundles it; the viewers live in a separate
// process (load-generator.ts), so the node's CPU and RSS are its own. Two nodes share a fresh
// PostgreSQL database and a Redis prefix of their own. Everything talks over 127.0.0.1.
import { fork, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { round, type FromGenerator, type GeneratorConfig, type GeneratorReport, type ToGenerator } from './messages';
import {
  buildServer,
  clearRedisPrefix,
  cpuSeconds,
  dropDatabase,
  freePort,
  freshDatabase,
  logSummary,
  machineBusySeconds,
  repoRoot,
  rssMb,
  scrapeMetrics,
  startNode,
  stopNode,
  waitHealthy,
  type NodeHandle,
} from './nodes';

const flag = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const num = (name: string, fallback: number) => {
  const raw = flag(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number ≥ 0, got "${raw}"`);
  return value;
};

const NODES = num('nodes', 1);
if (NODES !== 1 && NODES !== 2) throw new Error('--nodes must be 1 or 2');
const VIEWERS = Math.floor(num('viewers', 10_000));
const SECONDS = num('seconds', 60);
const NAIVE_SECONDS = num('naive-seconds', 15);
const CHAT_RATE = num('chat-rate', 100);
const SENDERS = Math.max(1, Math.floor(num('senders', 50)));
const LIKE_RATE = num('like-rate', 500);
const LIKE_BATCH = Math.max(1, Math.min(50, Math.floor(num('like-batch', 1))));
const TICK_MS = flag('tick-ms');
// `raw` by default: with the ws client the generator itself saturates a core at 10 000 viewers
// and its own queueing shows up as latency (see raw-viewer.ts).
const CLIENT = (flag('client') ?? 'raw') as GeneratorConfig['client'];
if (CLIENT !== 'ws' && CLIENT !== 'raw') throw new Error('--client must be ws or raw');
const KEEP_LOGS = process.argv.includes('--keep-logs');
/** On a shared machine: before each run, wait up to this long for other processes to go quiet. */
const WAIT_QUIET_SECONDS = num('wait-quiet', 0);
const TIMEOUT_SECONDS = num(
  'timeout-seconds',
  (NODES === 1 ? 360 : 480) + Math.max(0, SECONDS - 60) + Math.max(0, NAIVE_SECONDS - 15) + 2 * WAIT_QUIET_SECONDS,
);
const REDIS_URL = 'redis://127.0.0.1:6379';
// Each sender sends CHAT_RATE / SENDERS messages a second; the default limit (3 per 3 s) would refuse them.
const CHAT_LIMIT = `${Math.max(10, Math.ceil((CHAT_RATE / SENDERS) * 5) + 5)}/5`;
const NAIVE_RSS_LIMIT_MB = 4096;
const TARGET = { p99Ms: NODES === 1 ? 200 : 250, rssMb: NODES === 1 ? 600 : null };
const SELLER = { phone: '13900000011', password: 'tiantou2026' };

// ---- what must be undone, whatever happens ------------------------------------------------------

const running = { nodes: new Set<NodeHandle>(), generator: undefined as ChildProcess | undefined };
const temporary = { dirs: [] as string[], databases: [] as string[], redisPrefixes: [] as string[] };
let cleaning: Promise<void> | undefined;

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    const generator = running.generator;
    if (generator?.pid !== undefined && generator.exitCode === null) {
      try {
        process.kill(generator.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await Promise.all([...running.nodes].map((node) => stopNode(node)));
    for (const name of temporary.databases) await dropDatabase(name).catch((err: unknown) => console.error(`could not drop ${name}:`, err));
    for (const prefix of temporary.redisPrefixes) await clearRedisPrefix(REDIS_URL, prefix).catch(() => undefined);
    for (const dir of temporary.dirs) {
      if (KEEP_LOGS) console.log(`kept ${dir}`);
      else await rm(dir, { recursive: true, force: true });
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the nodes and removing temporary files`);
    void cleanUp().finally(() => process.exit(130));
  });
}

// ---- HTTP set-up --------------------------------------------------------------------------------

async function call(node: NodeHandle, method: string, url: string, body?: unknown, cookie?: string) {
  const res = await fetch(`${node.site}${url}`, {
    method,
    headers: {
      origin: node.site,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie ? { cookie } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status}: ${text.slice(0, 300)}`);
  const session = res.headers.getSetCookie().find((c) => c.startsWith('tt_session='));
  return { json: text ? (JSON.parse(text) as Record<string, unknown>) : {}, cookie: session?.split(';')[0] };
}

async function prepareRoom(node: NodeHandle) {
  const login = await call(node, 'POST', '/api/v1/auth/login', SELLER);
  if (!login.cookie) throw new Error('the seller login set no tt_session cookie');
  const room = await call(node, 'GET', '/api/v1/seller/room', undefined, login.cookie);
  const roomId = room.json.id;
  if (typeof roomId !== 'string') throw new Error(`GET /api/v1/seller/room gave no id: ${JSON.stringify(room.json)}`);
  const cookies: string[] = [];
  for (let start = 0; start < SENDERS; start += 10) {
    const batch = Array.from({ length: Math.min(10, SENDERS - start) }, async (_, k) => {
      const i = start + k;
      const { cookie } = await call(node, 'POST', '/api/v1/auth/register', {
        phone: `137${String(i).padStart(8, '0')}`,
        password: 'bench2026pw',
        displayName: `bench-${i}`,
      });
      if (!cookie) throw new Error('registration set no tt_session cookie');
      return cookie;
    });
    cookies.push(...(await Promise.all(batch)));
  }
  return { roomId, cookies };
}

// ---- one measured run ---------------------------------------------------------------------------

interface NodeFigures {
  label: string;
  cpu_percent: number | null;
  peak_rss_mb: number;
  exit_code: number | null | undefined;
  /** From the node's /metrics over the sending window. */
  loop_lag_p99_ms: number | null;
  loop_lag_max_ms: number | null;
  frames_written: number | null;
  frames_skipped: number | null;
  resyncs_sent: number | null;
  slow_closed: number | null;
  log_warnings: number;
  log_errors: number;
  log_top: string[];
}
interface RunResult {
  kind: 'coalesced' | 'naive';
  tick_ms: string;
  report: GeneratorReport;
  nodes: NodeFigures[];
  /** Percent of one core over the sending window. */
  generator_cpu_percent: number | null;
  /** Kernel interrupt work, mostly loopback TCP delivery: part of the cost of the traffic. */
  softirq_cpu_percent: number | null;
  /** Processes that are neither the nodes, the generator nor this one: near zero for clean figures. */
  other_cpu_percent: number | null;
  /** The machine's process load just before the nodes started. */
  load_before_percent: number;
}

/** Percent of one core the machine spends on processes over `ms`; nothing of ours runs then. */
async function machineLoad(ms: number) {
  const before = await machineBusySeconds();
  const start = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const after = await machineBusySeconds();
  if (!before || !after) return 0;
  return round(((after.processes - before.processes) / ((performance.now() - start) / 1000)) * 100, 1);
}

async function waitForQuiet() {
  const deadline = performance.now() + WAIT_QUIET_SECONDS * 1000;
  let load = await machineLoad(2000);
  while (load > 20 && performance.now() < deadline) {
    console.log(`  other processes are using ${load}% of a core; waiting for them to finish`);
    load = await machineLoad(5000);
  }
  console.log(`  machine load before the run: ${load}% of a core`);
  return load;
}

async function runPhase(kind: 'coalesced' | 'naive', seconds: number, root: string): Promise<RunResult> {
  const tick = kind === 'naive' ? '0' : TICK_MS;
  const tickLabel = tick ?? 'default';
  console.log(`\n== ${kind} (ROOM_TICK_MS=${tickLabel}), ${NODES} node${NODES > 1 ? 's' : ''}, ${seconds} s ==`);
  const loadBefore = await waitForQuiet();
  const runDir = path.join(root, kind);
  await mkdir(runDir, { recursive: true });
  const common: Record<string, string> = {
    DEMO: 'true',
    APP_SECRET: 'bench-room-app-secret-not-for-production',
    LOG_LEVEL: 'warn',
    // No ffmpeg transcoding of the demo video competing with the room for the two cores.
    MEDIA_HLS: 'off',
    ROOM_CHAT_LIMIT: CHAT_LIMIT,
    ...(tick === undefined ? {} : { ROOM_TICK_MS: tick }),
  };
  if (NODES === 2) {
    const database = `tiantou_bench_room${kind === 'naive' ? '_naive' : ''}`;
    temporary.databases.push(database);
    const prefix = `bench-room-${process.pid}-${kind}`;
    temporary.redisPrefixes.push(prefix);
    Object.assign(common, { DATABASE_URL: await freshDatabase(database), REDIS_URL, REDIS_PREFIX: prefix });
  }

  const nodes: NodeHandle[] = [];
  for (let i = 1; i <= NODES; i++) {
    const dataDir = path.join(runDir, `node${i}-data`);
    const env: Record<string, string> = { ...common, DATA_DIR: dataDir, RTMP_PORT: String(await freePort()) };
    // Only the first node publishes the demo video.
    if (i > 1) Object.assign(env, { MEDIA_INGEST: 'external', MEDIA_HOOK_SECRET: 'bench-room-hooks' });
    const node = startNode(`${kind}-node${i}`, await freePort(), env, runDir);
    running.nodes.add(node);
    nodes.push(node);
    // The first node migrates and seeds; the second starts on what it made.
    await waitHealthy(node, 180_000);
    console.log(`${node.label} up on ${node.site} (pid ${node.pid})`);
  }
  const { roomId, cookies } = await prepareRoom(nodes[0]!);
  console.log(`room ${roomId}; ${cookies.length} senders registered`);

  // Peak RSS every 500 ms through the whole run; CPU between the generator's measure marks.
  const peak = nodes.map(() => 0);
  const generator = fork(path.join(import.meta.dirname, 'load-generator.ts'), [], {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  running.generator = generator;
  // CPU seconds of each node, the generator, this process and the whole machine at a moment.
  const sampleCpu = async () => {
    const self = process.cpuUsage();
    return {
      at: performance.now(),
      nodes: await Promise.all(nodes.map((n) => cpuSeconds(n.pid))),
      generator: generator.pid === undefined ? undefined : await cpuSeconds(generator.pid),
      self: (self.user + self.system) / 1e6,
      machine: await machineBusySeconds(),
    };
  };
  let windowStart: Promise<Awaited<ReturnType<typeof sampleCpu>>> | undefined;
  let windowEnd: Promise<Awaited<ReturnType<typeof sampleCpu>>> | undefined;
  let metricsStart: Promise<Array<Record<string, number>>> | undefined;
  let metricsEnd: Promise<Array<Record<string, number>>> | undefined;
  let stopSent = false;
  const sampler = setInterval(() => {
    nodes.forEach((node, i) => {
      void rssMb(node.pid).then((mb) => {
        if (mb === undefined) return;
        peak[i] = Math.max(peak[i]!, mb);
        if (kind === 'naive' && mb > NAIVE_RSS_LIMIT_MB && !stopSent) {
          stopSent = true;
          console.log(`${node.label} RSS ${Math.round(mb)} MB > ${NAIVE_RSS_LIMIT_MB} MB: stopping the naive run early`);
          generator.send({ type: 'stop', reason: `node RSS over ${NAIVE_RSS_LIMIT_MB} MB` } satisfies ToGenerator);
        }
      });
    });
  }, 500);

  const config: GeneratorConfig = {
    label: kind,
    roomId,
    nodeUrls: nodes.map((n) => n.wsBase),
    origins: nodes.map((n) => n.site),
    viewers: VIEWERS,
    client: CLIENT,
    senderCookies: cookies,
    seconds,
    chatRate: CHAT_RATE,
    likeRate: LIKE_RATE,
    likeBatch: LIKE_BATCH,
    connectBatch: 250,
    connectTimeoutSeconds: 60,
    drainSeconds: 10,
  };
  const report = await new Promise<GeneratorReport>((resolve, reject) => {
    generator.on('message', (message: FromGenerator) => {
      if (message.type === 'progress') console.log(`  ${message.text}`);
      else if (message.type === 'measure-start') {
        windowStart = sampleCpu();
        // Scraping also resets the nodes' event-loop lag histograms, so the next read is the window's.
        metricsStart = Promise.all(nodes.map(scrapeMetrics));
        console.log(`  measuring for ${seconds} s`);
      } else if (message.type === 'measure-end') {
        windowEnd = sampleCpu();
        metricsEnd = Promise.all(nodes.map(scrapeMetrics));
        console.log('  sending stopped; draining');
      } else if (message.type === 'report') resolve(message.report);
    });
    generator.on('exit', (code) => reject(new Error(`the load generator exited (${code}) before reporting`)));
    generator.send({ type: 'start', config } satisfies ToGenerator);
  });
  clearInterval(sampler);
  running.generator = undefined;
  // Percent of one core over the sending window; `other` is everything else on the machine,
  // which should be near zero for figures worth comparing.
  const [before, after] = await Promise.all([windowStart, windowEnd]);
  const percent = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined || !before || !after ? null : round(((b - a) / ((after.at - before.at) / 1000)) * 100, 1);
  const cpuPercent = nodes.map((_, i) => percent(before?.nodes[i], after?.nodes[i]));
  const generatorCpu = percent(before?.generator, after?.generator);
  const processesCpu = percent(before?.machine?.processes, after?.machine?.processes);
  const interruptsCpu = percent(before?.machine?.interrupts, after?.machine?.interrupts);
  const ours = [...cpuPercent, generatorCpu, percent(before?.self, after?.self)].reduce<number>((sum, v) => sum + (v ?? 0), 0);
  const otherCpu = processesCpu === null ? null : round(Math.max(0, processesCpu - ours), 1);
  if (otherCpu !== null && otherCpu > 15) console.log(`  note: other processes used ${otherCpu}% of a core during the window`);
  await new Promise((r) => setTimeout(r, 200));

  const [metricsBefore, metricsAfter] = await Promise.all([metricsStart, metricsEnd]);
  const figures: NodeFigures[] = [];
  for (const [i, node] of nodes.entries()) {
    const exit = node.exitCode();
    const m0 = metricsBefore?.[i] ?? {};
    const m1 = metricsAfter?.[i] ?? {};
    const delta = (name: string) => (m1[name] === undefined || m0[name] === undefined ? null : m1[name]! - m0[name]!);
    const lagMs = (name: string) => (m1[name] === undefined ? null : round(m1[name]! * 1000, 1));
    await stopNode(node);
    running.nodes.delete(node);
    const logs = await logSummary(node);
    figures.push({
      label: node.label,
      cpu_percent: cpuPercent[i] ?? null,
      peak_rss_mb: Math.round(peak[i]!),
      exit_code: exit,
      loop_lag_p99_ms: lagMs('tiantou_nodejs_eventloop_lag_p99_seconds'),
      loop_lag_max_ms: lagMs('tiantou_nodejs_eventloop_lag_max_seconds'),
      frames_written: delta('tiantou_room_frames_written_total'),
      frames_skipped: delta('tiantou_room_frames_skipped_total'),
      resyncs_sent: delta('tiantou_room_resyncs_total'),
      slow_closed: delta('tiantou_room_slow_closed_total'),
      log_warnings: logs.warnings,
      log_errors: logs.errors,
      log_top: logs.top,
    });
  }
  return {
    kind,
    tick_ms: tickLabel,
    report,
    nodes: figures,
    generator_cpu_percent: generatorCpu,
    softirq_cpu_percent: interruptsCpu,
    other_cpu_percent: otherCpu,
    load_before_percent: loadBefore,
  };
}

// ---- reporting ----------------------------------------------------------------------------------

function ordering(run: RunResult) {
  const r = run.report;
  const o = r.ordering;
  const faults =
    o.gaps + o.duplicate_frames + o.overlapping_frames + o.duplicate_deliveries + o.out_of_order_deliveries + o.missing +
    o.viewers_behind + o.protocol_errors + o.seq_mismatches + r.viewers_closed + r.resyncs;
  const exactlyOnceInOrder = faults === 0 && o.tracked_per_message && r.drained && r.viewers_connected === r.viewers_requested;
  return {
    duplicates: o.duplicate_deliveries + o.duplicate_frames,
    gaps: o.gaps,
    out_of_order: o.out_of_order_deliveries + o.overlapping_frames,
    missing: o.missing,
    /** Every message the room accepted reached every viewer once, in seq order. */
    exactly_once_in_order: exactlyOnceInOrder,
    /** … and the room accepted every message sent (none refused, none lost with a closed sender). */
    every_message_delivered: exactlyOnceInOrder && r.chat_accepted === r.chat_sent && r.chat_sent > 0,
  };
}

function headline(run: RunResult) {
  const r = run.report;
  return {
    tick_ms: run.tick_ms,
    p50_ms: r.latency.p50_ms,
    p99_ms: r.latency.p99_ms,
    max_ms: r.latency.max_ms,
    deliveries_per_s: r.chat_deliveries_per_s,
    event_deliveries_per_s: r.event_deliveries_per_s,
    fraction_delivered: r.fraction_delivered,
    fraction_of_sent_delivered: r.fraction_of_sent_delivered,
    node_cpu_percent: run.nodes.map((n) => n.cpu_percent),
    node_peak_rss_mb: run.nodes.map((n) => n.peak_rss_mb),
    generator_cpu_percent: run.generator_cpu_percent,
    softirq_cpu_percent: run.softirq_cpu_percent,
    other_cpu_percent: run.other_cpu_percent,
    viewers_connected: r.viewers_connected,
    chat_sent: r.chat_sent,
    chat_acked: r.chat_acked,
    ...ordering(run),
    stopped_early: r.stopped_early,
  };
}

function printTable(runs: RunResult[]) {
  const cell = (v: unknown) => (v === null || v === undefined ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const rows: Array<[string, (run: RunResult) => unknown]> = [
    ['viewers connected', (x) => `${x.report.viewers_connected}/${x.report.viewers_requested}`],
    ['connect time s', (x) => x.report.connect_seconds],
    ['chat sent / acked', (x) => `${x.report.chat_sent} / ${x.report.chat_acked}`],
    ['chat accepted / skipped', (x) => `${x.report.chat_accepted} / ${x.report.chat_skipped}`],
    ['chat refused', (x) => x.report.chat_refused],
    ['sender reconnects', (x) => x.report.sender_reconnects],
    ['latency p50 ms', (x) => x.report.latency.p50_ms],
    ['latency p90 ms', (x) => x.report.latency.p90_ms],
    ['latency p99 ms', (x) => x.report.latency.p99_ms],
    ['latency max ms', (x) => x.report.latency.max_ms],
    ['chat deliveries/s', (x) => x.report.chat_deliveries_per_s],
    ['event deliveries/s', (x) => x.report.event_deliveries_per_s],
    ['frames/s (all viewers)', (x) => x.report.frames_per_s],
    ['fraction delivered (of accepted / sent)', (x) => `${x.report.fraction_delivered ?? '–'} / ${x.report.fraction_of_sent_delivered ?? '–'}`],
    ['drained', (x) => `${x.report.drained} (${x.report.drain_seconds} s)`],
    ['likes sent / counted (+ demo audience)', (x) => `${x.report.like_taps_sent} / ${x.report.likes_counted}`],
    ['presence max seen', (x) => x.report.presence_max_seen],
    ['node CPU % (window)', (x) => x.nodes.map((n) => n.cpu_percent).join(' + ')],
    ['node peak RSS MB', (x) => x.nodes.map((n) => n.peak_rss_mb).join(' + ')],
    ['node loop lag p99 / max ms', (x) => x.nodes.map((n) => `${n.loop_lag_p99_ms} / ${n.loop_lag_max_ms}`).join(' + ')],
    ['node frames written / skipped', (x) => x.nodes.map((n) => `${n.frames_written} / ${n.frames_skipped}`).join(' + ')],
    ['node slow closes', (x) => x.nodes.map((n) => n.slow_closed).join(' + ')],
    ['node log warn/error', (x) => x.nodes.map((n) => `${n.log_warnings}/${n.log_errors}`).join(' + ')],
    ['closed by server', (x) => x.report.close_codes],
    ['resyncs', (x) => x.report.resyncs],
    ['gaps / dups / out-of-order / missing', (x) => {
      const o = ordering(x);
      return `${o.gaps} / ${o.duplicates} / ${o.out_of_order} / ${o.missing}`;
    }],
    ['generator CPU % / loop p99 ms', (x) => `${x.generator_cpu_percent} / ${x.report.generator.loop_delay_p99_ms}`],
    ['kernel softirq CPU %', (x) => x.softirq_cpu_percent],
    ['other processes CPU %', (x) => x.other_cpu_percent],
    ['stopped early', (x) => x.report.stopped_early],
  ];
  const header = ['', ...runs.map((x) => `${x.kind} (tick ${x.tick_ms})`)];
  const table = [header, ...rows.map(([name, get]) => [name, ...runs.map((x) => cell(get(x)))])];
  const widths = header.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  console.log('');
  for (const row of table) console.log(row.map((v, c) => v.padEnd(widths[c]!)).join('  '));
  for (const run of runs) {
    for (const node of run.nodes) {
      if (node.log_top.length) console.log(`\n${node.label} log (exit ${node.exit_code}):\n  ${node.log_top.join('\n  ')}`);
    }
  }
}

async function main() {
  const limit = Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
  if (Number.isFinite(limit) && limit < VIEWERS + SENDERS + 200) {
    throw new Error(`ulimit -n is ${limit}; ${VIEWERS} viewers need at least ${VIEWERS + SENDERS + 200}`);
  }
  // The gateway closes a socket that sends more than 20 frames in a second.
  const framesPerSender = (CHAT_RATE + LIKE_RATE / LIKE_BATCH) / SENDERS;
  if (framesPerSender > 16) {
    throw new Error(`${round(framesPerSender, 1)} frames/s per sender is too close to the gateway's 20/s flood limit; add --senders or --like-batch`);
  }
  console.log('bundling the server (as npm start does)…');
  await buildServer();

  const timeout = setTimeout(() => {
    console.error(`\nthe bench went past its ${TIMEOUT_SECONDS} s limit; stopping`);
    void cleanUp().finally(() => process.exit(1));
  }, TIMEOUT_SECONDS * 1000);
  timeout.unref();

  const root = await mkdtemp(path.join(tmpdir(), 'tiantou-bench-room-'));
  temporary.dirs.push(root);
  console.log(
    `${NODES} node(s), ${VIEWERS} viewers, ${CHAT_RATE} chat/s from ${SENDERS} senders (limit ${CHAT_LIMIT}), ` +
      `${LIKE_RATE} likes/s in frames of ${LIKE_BATCH}; ${SECONDS} s coalesced, ${NAIVE_SECONDS} s naive; ${CLIENT} viewer client`,
  );
  const runs = [await runPhase('coalesced', SECONDS, root)];
  if (NAIVE_SECONDS > 0) runs.push(await runPhase('naive', NAIVE_SECONDS, root));
  printTable(runs);

  const [coalesced, naive] = runs as [RunResult, RunResult | undefined];
  const figures = headline(coalesced);
  const p99Met = figures.p99_ms !== null && figures.p99_ms <= TARGET.p99Ms;
  const rssMet = TARGET.rssMb === null ? null : figures.node_peak_rss_mb.every((mb) => mb <= TARGET.rssMb!);
  const allViewers = figures.viewers_connected === VIEWERS;
  const deliveryMet = NODES === 2 ? figures.every_message_delivered : (coalesced.report.fraction_delivered ?? 0) >= 1;
  const result = {
    nodes: NODES,
    viewers: VIEWERS,
    seconds: SECONDS,
    chat_rate: CHAT_RATE,
    senders: SENDERS,
    like_rate: LIKE_RATE,
    viewer_client: CLIENT,
    ...figures,
    targets: {
      p99_ms: TARGET.p99Ms,
      rss_mb: TARGET.rssMb,
      p99_met: p99Met,
      rss_met: rssMet,
      all_viewers_connected: allViewers,
      delivery_met: deliveryMet,
      met: p99Met && rssMet !== false && allViewers && deliveryMet,
    },
    naive: naive ? { seconds: NAIVE_SECONDS, ...headline(naive) } : null,
    p99_ratio_naive_to_coalesced:
      naive?.report.latency.p99_ms && figures.p99_ms ? round(naive.report.latency.p99_ms / figures.p99_ms, 1) : null,
    detail: Object.fromEntries(runs.map((x) => [x.kind, { ...x.report, nodes: x.nodes.map(({ log_top: _, ...n }) => n) }])),
  };
  await cleanUp();
  clearTimeout(timeout);
  console.log(`RESULT ${JSON.stringify(result)}`);
}

main().catch(async (err: unknown) => {
  // After a signal the clean-up is already under way, and the generator's exit is its doing.
  if (cleaning) return;
  console.error(err);
  await cleanUp();
  process.exit(1);
});
