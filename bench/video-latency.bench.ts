// Live video latency: RTMP in → HTTP-FLV out to many viewers, against HLS (ffmpeg segments, the
// naive baseline most platforms start from) fed by the same publish in the same run.
// Run: npm run bench:video -- [--viewers 200] [--seconds 20]
// Everything talks over 127.0.0.1; the node and the viewers share this process, so CPU figures
// include the viewers' parsing.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import pino from 'pino';
import { findDemoClip } from '../src/server/demo/demo-broadcaster';
import { createMediaPlane, FlvTagParser, ffmpegAvailable, publishFlv } from '../src/server/infra/media';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const VIEWERS = Math.min(arg('viewers', 200), 2000);
const SECONDS = Math.min(arg('seconds', 20), 120);

const quantile = (values: number[], q: number) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
};

async function main() {
  const clip = findDemoClip();
  if (!clip) throw new Error('assets/media/demo-clip.flv not found');
  const dir = await mkdtemp(path.join(tmpdir(), 'tiantou-bench-video-'));
  const log = pino({ level: 'warn' });
  const hlsWanted = await ffmpegAvailable();
  const plane = createMediaPlane({
    rtmpPort: 0,
    host: '127.0.0.1',
    recordingsDir: path.join(dir, 'recordings'),
    hls: hlsWanted ? 'auto' : 'off',
    hlsDir: path.join(dir, 'hls'),
    log,
    hooks: {
      authorise: async (request) => ({ ok: true, streamId: request.name }),
      started: async () => undefined,
      ended: async () => undefined,
    },
  });
  const app = Fastify({ logger: false });
  await app.register(plane.routes, { prefix: '/media' });
  const { rtmpPort } = await plane.start();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const site = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  // The publisher paces packets by their timestamps from the moment it starts publishing, so a
  // tag with timestamp ts left the encoder side at t0 + ts.
  let t0 = 0;
  const stop = new AbortController();
  const publishing = publishFlv(`rtmp://127.0.0.1:${rtmpPort}/live/bench`, clip, {
    loop: true,
    realtime: true,
    signal: stop.signal,
    onPublishing: () => (t0 = performance.now()),
  });
  while (!plane.isLive('bench')) await new Promise((r) => setTimeout(r, 10));
  console.log(`publishing; connecting ${VIEWERS} HTTP-FLV viewers for ${SECONDS} s${hlsWanted ? ', and watching HLS' : ' (no ffmpeg: HLS baseline skipped)'}`);

  const flvLatencies: number[] = [];
  const firstFrameMs: number[] = [];
  let deliveredTags = 0;
  const viewers = Array.from({ length: VIEWERS }, async () => {
    const asked = performance.now();
    const res = await fetch(`${site}/media/live/bench.flv`, { signal: stop.signal });
    const parser = new FlvTagParser();
    let firstTs: number | undefined;
    let sawFrame = false;
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        const now = performance.now();
        for (const tag of parser.push(chunk)) {
          deliveredTags++;
          if (tag.kind !== 'video' || tag.avcPacketType !== 1) continue;
          if (!sawFrame) {
            sawFrame = true;
            firstFrameMs.push(now - asked);
          }
          // The first frames of a joiner come from the GOP cache: history, not latency.
          firstTs ??= tag.timestamp;
          if (tag.timestamp - firstTs < 1000) continue;
          flvLatencies.push(now - (t0 + tag.timestamp));
        }
      }
    } catch {
      // aborted at the end of the run
    }
  });

  const hlsLatencies: number[] = [];
  let hlsFirstSegmentMs: number | null = null;
  const hlsWatch = (async () => {
    if (!hlsWanted) return;
    const seen = new Set<string>();
    let covered = 0;
    while (!stop.signal.aborted) {
      const res = await fetch(`${site}/media/hls/bench/index.m3u8`).catch(() => undefined);
      if (res?.ok) {
        const lines = (await res.text()).split('\n');
        const sequence = Number(lines.find((l) => l.startsWith('#EXT-X-MEDIA-SEQUENCE:'))?.split(':')[1] ?? 0);
        let index = sequence;
        for (let i = 0; i < lines.length; i++) {
          if (!lines[i]!.startsWith('#EXTINF:')) continue;
          const duration = Number(lines[i]!.slice(8).split(',')[0]) * 1000;
          const name = `${index++}`;
          if (seen.has(name)) continue;
          seen.add(name);
          const now = performance.now();
          hlsFirstSegmentMs ??= now - t0;
          // A segment appears once its last frame exists: its first frame waited the whole segment.
          hlsLatencies.push(now - (t0 + covered));
          covered += duration;
        }
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
  for (let s = 1; s <= SECONDS; s++) {
    await new Promise((r) => setTimeout(r, 1000));
    if (s % 5 === 0) console.log(`  ${s}/${SECONDS} s: ${plane.viewers('bench')} viewers, ${deliveredTags} tags delivered`);
  }
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpuBefore);
  const cpuPercent = Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 1000) / 10;

  stop.abort();
  await Promise.allSettled([publishing, hlsWatch, ...viewers]);
  await plane.close();
  await app.close();
  const clipBytes = (await readFile(clip)).length;
  await rm(dir, { recursive: true, force: true });

  const flv = { p50_ms: quantile(flvLatencies, 0.5), p99_ms: quantile(flvLatencies, 0.99), max_ms: quantile(flvLatencies, 1), samples: flvLatencies.length };
  const hls = hlsWanted
    ? { p50_ms: quantile(hlsLatencies, 0.5), p99_ms: quantile(hlsLatencies, 0.99), first_segment_ms: hlsFirstSegmentMs === null ? null : Math.round(hlsFirstSegmentMs), segments: hlsLatencies.length }
    : null;
  console.log(`HTTP-FLV: p50 ${flv.p50_ms} ms, p99 ${flv.p99_ms} ms over ${flv.samples} frames; a joiner's first frame after p50 ${quantile(firstFrameMs, 0.5)} ms`);
  if (hls) console.log(`HLS (best case, segment available): p50 ${hls.p50_ms} ms, p99 ${hls.p99_ms} ms; first segment ${hls.first_segment_ms} ms after the publish`);
  console.log(`node+viewers CPU ${cpuPercent}% of one core, peak RSS ${Math.round(peakRss / 1048576)} MB`);
  const result = {
    viewers: VIEWERS,
    seconds: SECONDS,
    clip_bytes: clipBytes,
    flv,
    first_frame_p50_ms: quantile(firstFrameMs, 0.5),
    hls,
    latency_ratio_hls_to_flv: hls?.p50_ms && flv.p50_ms ? Math.round((hls.p50_ms / flv.p50_ms) * 10) / 10 : null,
    cpu_percent_one_core: cpuPercent,
    peak_rss_mb: Math.round(peakRss / 1048576),
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
