import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { createWebSocketStream } from 'ws';
import { registerErrorHandling } from '../http/error-handler';
import { registerLocale } from '../http/locale';
import { encodeAmf, TAG_SCRIPT } from './flv';
import { FlvTagParser, readFlvTags, type FlvTagInfo } from './flv-tags';
import { ffmpegAvailable } from './hls';
import { createMediaPlane, type MediaPlane, type MediaPlaneOptions, type PublishRequest, type RecordingInfo } from './media-plane';
import { RtmpClient } from './nms';
import { parseClip, publishFlv, PublishRefusedError } from './rtmp-publisher';

const clipFile = path.resolve(import.meta.dirname, '../../../../assets/media/demo-clip.flv');
const log = pino({ level: 'silent' });
const keys: Record<string, string> = {
  'tea-garden': 'k-tea',
  intruded: 'k-intruded',
  'second-try': 'k-second',
  recorded: 'k-recorded',
  'audio-only': 'k-audio',
  kicked: 'k-kicked',
  'keeps-going': 'k-keeps',
  hls: 'k-hls',
  closing: 'k-closing',
  again: 'k-again',
};

interface Ended {
  streamId: string;
  recording: RecordingInfo | undefined;
  reason: string;
}

/** A media plane on real sockets with a Fastify app in front of it, as app.ts wires them. */
async function startNode(options: Partial<MediaPlaneOptions> = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'tiantou-media-'));
  const authorised: PublishRequest[] = [];
  const started: string[] = [];
  const ended: Ended[] = [];
  /** Every hook call in order, as `<hook> <stream>`. */
  const calls: string[] = [];
  /** Runs inside authorise, while the publisher waits with its socket paused. */
  const duringAuthorise: Record<string, () => Promise<void>> = {};
  const plane: MediaPlane = createMediaPlane({
    rtmpPort: 0,
    host: '127.0.0.1',
    recordingsDir: path.join(dir, 'recordings'),
    hls: 'off',
    hlsDir: path.join(dir, 'hls'),
    log,
    hooks: {
      async authorise(request) {
        authorised.push(request);
        calls.push(`authorise ${request.name}`);
        await duringAuthorise[request.name]?.();
        return keys[request.name] !== undefined && request.query.key === keys[request.name]
          ? { ok: true, streamId: request.name }
          : { ok: false, reason: 'wrong stream key' };
      },
      async started(streamId) {
        calls.push(`started ${streamId}`);
        started.push(streamId);
      },
      async ended(streamId, recording, details) {
        calls.push(`ended ${streamId}`);
        ended.push({ streamId, recording, reason: details.reason });
      },
    },
    ...options,
  });
  // Test clients (undici) may leave a connection that never sent a request; do not wait for it.
  const app: FastifyInstance = Fastify({ forceCloseConnections: true });
  registerLocale(app);
  registerErrorHandling(app);
  // As app.ts does: one WebSocket server for the node, registered before the media routes.
  await app.register(fastifyWebsocket);
  await app.register(plane.routes, { prefix: '/media' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { rtmpPort } = await plane.start();
  const http = `http://127.0.0.1:${(app.server.address() as net.AddressInfo).port}`;
  return {
    dir,
    plane,
    app,
    http,
    ws: http.replace('http:', 'ws:'),
    rtmpPort,
    authorised,
    started,
    ended,
    calls,
    duringAuthorise,
    rtmp: (stream: string, key = keys[stream] ?? 'none') => `rtmp://127.0.0.1:${rtmpPort}/live/${stream}?key=${key}`,
    endedFor: (streamId: string) => until(() => ended.find((e) => e.streamId === streamId)),
    close: async () => {
      await app.close();
      await plane.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
type Node = Awaited<ReturnType<typeof startNode>>;

async function until<T>(check: () => T | undefined | false, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A live publisher that loops the clip in real time until stopped. */
function goLive(node: Node, stream: string) {
  const controller = new AbortController();
  let accepted!: () => void;
  const live = new Promise<void>((resolve) => (accepted = resolve));
  const done = publishFlv(node.rtmp(stream), clipFile, { loop: true, realtime: true, signal: controller.signal, onPublishing: accepted });
  done.catch(() => {});
  return {
    done,
    live: Promise.race([live, done.then(() => Promise.reject(new Error('publish ended before it was accepted')))]),
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

const isNalu = (t: FlvTagInfo) => t.kind === 'video' && t.avcPacketType === 1;

function expectPlayableStart(header: unknown, tags: FlvTagInfo[]) {
  expect(header).toMatchObject({ signature: 'FLV', version: 1, hasVideo: true, hasAudio: true });
  expect(tags[0]).toMatchObject({ kind: 'script', scriptName: 'onMetaData' });
  expect(tags[0]!.metadata).toMatchObject({ width: 640, height: 360, videocodecid: 7 });
  const video = tags.filter((t) => t.kind === 'video');
  // The decoder configuration first, then a keyframe: a player can start at once.
  expect(video[0]).toMatchObject({ codecId: 7, avcPacketType: 0 });
  expect(video[1]).toMatchObject({ codecId: 7, avcPacketType: 1, frameType: 1 });
  expect(video.slice(1).every((t) => t.codecId === 7 && t.avcPacketType === 1)).toBe(true);
  expect(tags.filter((t) => t.kind === 'audio')[0]).toMatchObject({ soundFormat: 10, aacPacketType: 0 });
}

/** An RTMP client past connect and createStream, for publishers that misbehave on purpose. */
async function rtmpSession(url: string) {
  const client = new RtmpClient();
  client.onErrorCallback = () => {};
  await client.connect(url);
  client.baseUri = url.slice(0, url.lastIndexOf('/'));
  await client.sendConnect();
  await client.sendCreateStream();
  return client;
}

/** The server side of the simple handshake, by hand, so what follows can be malformed. */
async function handshake(port: number): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => {});
  await once(socket, 'connect');
  socket.write(Buffer.concat([Buffer.from([3]), Buffer.alloc(1536)]));
  let received = 0;
  await new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received >= 1 + 2 * 1536) {
        socket.off('data', onData);
        resolve();
      }
    };
    socket.on('data', onData);
  });
  socket.write(Buffer.alloc(1536));
  return socket;
}

/** One RTMP chunk, format 0 on the command chunk stream, declaring `declaredLength` bytes. */
function commandChunk(payload: Buffer, declaredLength = payload.length): Buffer {
  const header = Buffer.alloc(12);
  header[0] = 0x03;
  header.writeUIntBE(declaredLength, 4, 3);
  header[7] = 0x14;
  return Buffer.concat([header, payload]);
}

describe('embedded media plane', () => {
  let node: Node;
  beforeAll(async () => {
    node = await startNode();
  });
  afterAll(async () => {
    await node?.close();
  });

  it('serves an accepted RTMP publish as HTTP-FLV and as WebSocket-FLV', async () => {
    const publisher = goLive(node, 'tea-garden');
    try {
      await publisher.live;
      expect(node.plane.isLive('tea-garden')).toBe(true);
      expect(node.authorised.find((r) => r.name === 'tea-garden')).toMatchObject({
        app: 'live',
        query: { key: 'k-tea' },
        ip: '127.0.0.1',
      });
      await until(() => node.started.includes('tea-garden'));

      const res = await fetch(`${node.http}/media/live/tea-garden.flv`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('video/x-flv');
      const http = await readFlvTags(res, { until: (tags) => tags.filter(isNalu).length >= 3, timeoutMs: 5000 });
      expect(http.timedOut).toBe(false);
      expectPlayableStart(http.header, http.tags);

      const socket = new WebSocket(`${node.ws}/media/live/tea-garden.flv`);
      const ws = await readFlvTags(createWebSocketStream(socket), { until: (tags) => tags.filter(isNalu).length >= 3, timeoutMs: 5000 });
      expect(ws.timedOut).toBe(false);
      expectPlayableStart(ws.header, ws.tags);
      expect(node.plane.viewers('tea-garden')).toBeGreaterThanOrEqual(1);
    } finally {
      await publisher.stop();
    }
    const ended = await node.endedFor('tea-garden');
    expect(ended.reason).toBe('publisher ended the stream');
    expect(node.plane.isLive('tea-garden')).toBe(false);
    await until(() => node.plane.viewers('tea-garden') === 0);
  });

  it('refuses a wrong key with its reason and never serves media for it', async () => {
    await expect(publishFlv(node.rtmp('tea-garden', 'guessed'), clipFile, { realtime: false })).rejects.toThrow(PublishRefusedError);
    await expect(publishFlv(node.rtmp('tea-garden', 'guessed'), clipFile, { realtime: false })).rejects.toThrow('wrong stream key');

    // A publisher that does not wait for the answer: everything it sends meanwhile is dropped.
    const seenWhileAuthorising: number[] = [];
    node.duringAuthorise.intruded = async () => {
      await new Promise((r) => setTimeout(r, 50));
      const res = await fetch(`${node.http}/media/live/intruded.flv`);
      seenWhileAuthorising.push(res.status);
      await res.body?.cancel();
    };
    const client = await rtmpSession(node.rtmp('intruded', 'guessed'));
    const answer = client.sendPublish('intruded?key=guessed');
    answer.catch(() => {});
    const clip = parseClip(await readFile(clipFile));
    for (const p of [...clip.headers, ...clip.media.slice(0, 60)]) {
      client.sendPacket({ codec_type: p.type, dts: p.timestamp, size: p.data.length, data: p.data });
    }
    await expect(answer).rejects.toThrow('wrong stream key');
    client.disconnect();

    expect(seenWhileAuthorising).toEqual([404]);
    const res = await fetch(`${node.http}/media/live/intruded.flv`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const upgrade = new WebSocket(`${node.ws}/media/live/intruded.flv`);
    upgrade.on('error', () => {});
    const [request, response] = (await once(upgrade, 'unexpected-response')) as [{ destroy(): void }, { statusCode: number }];
    expect(response.statusCode).toBe(404);
    request.destroy();
    expect(node.started).not.toContain('intruded');
    expect(node.ended.map((e) => e.streamId)).not.toContain('intruded');
    expect(existsSync(path.join(node.dir, 'recordings', 'intruded'))).toBe(false);
  });

  it('refuses a second publisher while the first keeps going', async () => {
    const first = goLive(node, 'second-try');
    try {
      await first.live;
      let refused = false;
      let naluAtRefusal: number | undefined;
      const res = await fetch(`${node.http}/media/live/second-try.flv`);
      // Reads on until the first publisher's stream has moved on well past the refusal.
      const watching = readFlvTags(res, {
        until: (tags) => {
          if (!refused) return false;
          naluAtRefusal ??= tags.filter(isNalu).length;
          return tags.filter(isNalu).length >= naluAtRefusal + 8;
        },
        timeoutMs: 8000,
      });
      await expect(publishFlv(node.rtmp('second-try'), clipFile, { realtime: false })).rejects.toThrow('already has a publisher');
      refused = true;
      const seen = await watching;
      expect(seen.timedOut).toBe(false);
      // One stream from one publisher: one set of headers, timestamps only moving forward.
      expect(seen.tags.filter((t) => t.kind === 'script')).toHaveLength(1);
      expect(seen.tags.filter((t) => t.kind === 'video' && t.avcPacketType === 0)).toHaveLength(1);
      const times = seen.tags.filter(isNalu).map((t) => t.timestamp);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(node.started.filter((s) => s === 'second-try')).toHaveLength(1);
    } finally {
      await first.stop();
    }
  });

  it('drops a malformed connection without touching the live ones', async () => {
    const publisher = goLive(node, 'keeps-going');
    try {
      await publisher.live;
      // connect without tcUrl: node-media-server itself throws on it.
      const noTcUrl = await handshake(node.rtmpPort);
      const closedA = once(noTcUrl, 'close');
      noTcUrl.write(commandChunk(Buffer.concat([encodeAmf('connect'), encodeAmf(1), encodeAmf({ app: 'live' })])));
      await closedA;
      // A 16 MB "command" before any publish: refused before it is buffered.
      const huge = await handshake(node.rtmpPort);
      const closedB = once(huge, 'close');
      huge.write(commandChunk(Buffer.alloc(100), 0xffffff));
      await closedB;

      expect(node.plane.isLive('keeps-going')).toBe(true);
      const res = await fetch(`${node.http}/media/live/keeps-going.flv`);
      const seen = await readFlvTags(res, { until: (tags) => tags.filter(isNalu).length >= 3, timeoutMs: 5000 });
      expect(seen.timedOut).toBe(false);
    } finally {
      await publisher.stop();
    }
  });

  it('reports an indexed recording when a publish ends and serves it with Range requests', async () => {
    await publishFlv(node.rtmp('recorded'), clipFile, { realtime: false });
    const { recording, reason } = await node.endedFor('recorded');
    expect(reason).toBe('publisher ended the stream');
    expect(recording).toBeDefined();
    const { file, bytes, durationMs, startedAt, endedAt } = recording!;
    expect(file).toMatch(/^recorded\/\d{8}T\d{6}Z-[0-9a-f]{6}\.flv$/);
    expect(durationMs).toBeGreaterThan(6000);
    expect(endedAt.getTime()).toBeGreaterThanOrEqual(startedAt.getTime());
    const onDisk = path.join(node.dir, 'recordings', file);
    expect((await stat(onDisk)).size).toBe(bytes);
    expect(await readdir(path.dirname(onDisk))).toEqual([path.basename(file)]);

    // onMetaData first, with a duration and a keyframe index whose positions point at keyframes.
    const data = await readFile(onDisk);
    const tags = new FlvTagParser().push(data);
    expect(tags[0]).toMatchObject({ type: TAG_SCRIPT, scriptName: 'onMetaData' });
    const meta = tags[0]!.metadata as { duration: number; keyframes: { times: number[]; filepositions: number[] } };
    expect(meta.duration).toBeGreaterThan(6);
    expect(meta.keyframes.times.length).toBeGreaterThanOrEqual(7);
    expect(meta.keyframes.times).toHaveLength(meta.keyframes.filepositions.length);
    for (const position of meta.keyframes.filepositions.slice(1)) {
      expect(data[position]).toBe(9);
      expect(data[position + 11]! >> 4).toBe(1);
    }
    expect(tags.filter((t) => t.kind === 'script')).toHaveLength(1);

    const res = await fetch(`${node.http}/media/recordings/${file}`, { headers: { range: 'bytes=0-99' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 0-99/${bytes}`);
    expect(res.headers.get('content-type')).toBe('video/x-flv');
    expect(res.headers.get('cache-control')).toBe('private, max-age=86400');
    const head = Buffer.from(await res.arrayBuffer());
    expect(head).toHaveLength(100);
    expect(head.toString('latin1', 0, 3)).toBe('FLV');
    for (const url of [`/media/recordings/${file}.part`, '/media/recordings/../recordings/x.flv', '/media/recordings/recorded/']) {
      const refused = await fetch(`${node.http}${url}`);
      expect(refused.status).toBe(404);
      await refused.body?.cancel();
    }
  });

  it('keeps no recording of a publish that sent no video', async () => {
    const client = await rtmpSession(node.rtmp('audio-only'));
    await client.sendPublish(`audio-only?key=${keys['audio-only']}`);
    const clip = parseClip(await readFile(clipFile));
    for (const p of [...clip.headers, ...clip.media].filter((p) => p.type === 8).slice(0, 40)) {
      client.sendPacket({ codec_type: p.type, dts: p.timestamp, size: p.data.length, data: p.data });
    }
    client.disconnect();
    const ended = await node.endedFor('audio-only');
    expect(ended.recording).toBeUndefined();
    expect(await readdir(path.join(node.dir, 'recordings', 'audio-only'))).toEqual([]);
  });

  it('decides a publish that follows another at once only after the first one ended', async () => {
    // An encoder reconnecting: the second publish arrives while the first is still being recorded.
    await publishFlv(node.rtmp('again'), clipFile, { realtime: false });
    await publishFlv(node.rtmp('again'), clipFile, { realtime: false });
    await until(() => node.ended.filter((e) => e.streamId === 'again').length === 2);
    expect(node.calls.filter((c) => c.endsWith(' again'))).toEqual([
      'authorise again',
      'started again',
      'ended again',
      'authorise again',
      'started again',
      'ended again',
    ]);
    const files = node.ended.filter((e) => e.streamId === 'again').map((e) => e.recording?.file);
    expect(new Set(files).size).toBe(2);
  });

  it('kick() drops the publisher', async () => {
    const publisher = goLive(node, 'kicked');
    await publisher.live;
    expect(node.plane.kick('kicked')).toBe(true);
    expect(node.plane.isLive('kicked')).toBe(false);
    await expect(publisher.done).rejects.toThrow();
    expect((await node.endedFor('kicked')).reason).toBe('kicked');
    expect(node.plane.kick('kicked')).toBe(false);
    const res = await fetch(`${node.http}/media/live/kicked.flv`);
    expect(res.status).toBe(404);
    await res.body?.cancel();
  });
});

describe('publisher lifecycle', () => {
  it('drops a publisher that goes silent, so a reconnecting encoder is let in again', async () => {
    const node = await startNode({ idleTimeoutMs: 300 });
    try {
      const client = await rtmpSession(node.rtmp('kicked'));
      await client.sendPublish(`kicked?key=${keys.kicked}`);
      const clip = parseClip(await readFile(clipFile));
      for (const p of [...clip.headers, ...clip.media.slice(0, 30)]) {
        client.sendPacket({ codec_type: p.type, dts: p.timestamp, size: p.data.length, data: p.data });
      }
      // The encoder's network is gone: nothing more arrives, but nothing closes the socket either.
      expect((await node.endedFor('kicked')).reason).toBe('publisher idle');
      expect(node.plane.isLive('kicked')).toBe(false);
      client.disconnect();
      const again = goLive(node, 'kicked');
      await again.live;
      await again.stop();
    } finally {
      await node.close();
    }
  });


  it('close() ends live publishers, finishes their recordings and calls ended before it resolves', async () => {
    const node = await startNode();
    try {
      const publisher = goLive(node, 'closing');
      await publisher.live;
      await until(() => node.started.includes('closing'));
      // Enough media for a keyframe to reach the recording.
      const res = await fetch(`${node.http}/media/live/closing.flv`);
      await readFlvTags(res, { until: (tags) => tags.filter(isNalu).length >= 2, timeoutMs: 5000 });
      await node.plane.close();
      expect(node.ended).toMatchObject([{ streamId: 'closing', reason: 'server shutting down' }]);
      expect(node.ended[0]!.recording?.file).toMatch(/^closing\//);
      await expect(publisher.done).rejects.toThrow();
    } finally {
      await node.close();
    }
  });
});

/** ffmpeg's own RTMP client, the nearest thing to OBS on a machine without one. */
function ffmpegPublish(url: string) {
  const ffmpeg = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-re', '-stream_loop', '-1', '-i', clipFile, '-c', 'copy', '-f', 'flv', url], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  ffmpeg.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => ffmpeg.on('exit', (code) => resolve({ code, stderr })));
  return {
    exited,
    stop: async () => {
      if (ffmpeg.exitCode === null && ffmpeg.signalCode === null) ffmpeg.kill('SIGKILL');
      return exited;
    },
  };
}

describe.runIf(await ffmpegAvailable())('with ffmpeg installed', () => {
  it('takes ffmpeg as a publisher (the way OBS publishes) and refuses it with a wrong key', async () => {
    const node = await startNode();
    try {
      const refused = await ffmpegPublish(node.rtmp('tea-garden', 'guessed')).exited;
      expect(refused.code).not.toBe(0);
      const ffmpeg = ffmpegPublish(node.rtmp('tea-garden'));
      try {
        await until(() => node.plane.isLive('tea-garden'));
        const res = await fetch(`${node.http}/media/live/tea-garden.flv`);
        const seen = await readFlvTags(res, { until: (tags) => tags.filter(isNalu).length >= 3, timeoutMs: 5000 });
        expect(seen.timedOut).toBe(false);
        expectPlayableStart(seen.header, seen.tags);
      } finally {
        await ffmpeg.stop();
      }
      await node.endedFor('tea-garden');
    } finally {
      await node.close();
    }
  });

  it('writes a playlist and segments while the stream is live, and removes them after', async () => {
    const node = await startNode({ hls: 'auto' });
    try {
      expect(node.plane.hlsAvailable()).toBe(true);
      const publisher = goLive(node, 'hls');
      let playlist = '';
      try {
        await publisher.live;
        const deadline = Date.now() + 10_000;
        while (!playlist.includes('.ts') && Date.now() < deadline) {
          const res = await fetch(`${node.http}/media/hls/hls/index.m3u8`);
          playlist = res.ok ? await res.text() : (await res.body?.cancel(), '');
          if (!playlist.includes('.ts')) await new Promise((r) => setTimeout(r, 100));
        }
        expect(playlist).toMatch(/^#EXTM3U/);
        const segment = playlist.split('\n').find((line) => line.endsWith('.ts'))!;
        expect(segment).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{6}\/seg_\d{5}\.ts$/);
        const res = await fetch(`${node.http}/media/hls/hls/${segment}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('video/mp2t');
        const ts = Buffer.from(await res.arrayBuffer());
        expect(ts[0]).toBe(0x47);
        expect(ts[188]).toBe(0x47);
      } finally {
        await publisher.stop();
      }
      await node.endedFor('hls');
      expect(await readdir(path.join(node.dir, 'hls', 'hls'))).toEqual([]);
      const gone = await fetch(`${node.http}/media/hls/hls/index.m3u8`);
      expect(gone.status).toBe(404);
      await gone.body?.cancel();
    } finally {
      await node.close();
    }
  });
});
