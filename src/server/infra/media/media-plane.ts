import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import { ffmpegAvailable, startHls, type HlsSegmenter } from './hls';
import { createMediaRoutes } from './media.routes';
import { createRecorder, type Recorder } from './recorder';
import { RtmpIngest, streamNamePattern, type PublishAttempt, type PublishDecision, type PublisherHandle } from './rtmp-ingest';
import { StreamHub, type Broadcast } from './stream-hub';

export interface PublishRequest {
  /** RTMP application, `live` for rtmp://host/live/<name>. */
  app: string;
  /** Stream name without its query. */
  name: string;
  /** The stream name's query, e.g. `{ key: '…' }`; the first value of a repeated field. */
  query: Record<string, string>;
  ip: string;
}

export type PublishVerdict = { ok: true; streamId: string } | { ok: false; reason: string };

export interface RecordingInfo {
  streamId: string;
  /** Relative to recordingsDir, with forward slashes: `<streamId>/<UTC time>-<random>.flv`. */
  file: string;
  bytes: number;
  durationMs: number;
  startedAt: Date;
  endedAt: Date;
}

/**
 * Why a publish ended: 'publisher ended the stream' (OBS "Stop Streaming"), 'publisher
 * disconnected', 'publisher idle', 'kicked', 'server shutting down', or a protocol error.
 */
export type EndReason = string;

export interface MediaPlaneHooks {
  /** Decides a publish; the publisher waits, its socket paused, until this settles. A throw refuses it. */
  authorise(request: PublishRequest): Promise<PublishVerdict>;
  /** The publish was accepted and media flows. */
  started(streamId: string): Promise<void>;
  /**
   * The publisher is gone and its recording is indexed and closed (undefined when it sent no
   * video, or the recording failed). Called once for every `ok` verdict, even when the publisher
   * vanished before `started`. Hooks of one stream never overlap: `ended` of one publish comes
   * before `started` of the next.
   */
  ended(streamId: string, recording: RecordingInfo | undefined, details: { reason: EndReason }): Promise<void>;
}

export interface MediaPlaneOptions {
  /** 0 picks a free port (tests). */
  rtmpPort: number;
  host: string;
  recordingsDir: string;
  /** `auto`: HLS when ffmpeg runs on this machine. */
  hls: 'auto' | 'off';
  hlsDir: string;
  log: Logger;
  hooks: MediaPlaneHooks;
  /** A publisher silent this long is dropped, so a reconnecting encoder is not refused for long. */
  idleTimeoutMs?: number;
  /** From TCP accept to an accepted publish. */
  handshakeTimeoutMs?: number;
  /** The RTMP application name; `live` by default. */
  app?: string;
}

export interface MediaPlane {
  start(): Promise<{ rtmpPort: number }>;
  /** Ends publishers, finishes their recordings (hooks.ended is awaited) and stops ffmpeg. Idempotent. */
  close(): Promise<void>;
  /** Drops the stream's publisher, e.g. after its key was rotated; false when it had none. */
  kick(streamId: string): boolean;
  isLive(streamId: string): boolean;
  /** HTTP-FLV and WebSocket-FLV viewers on this node. */
  viewers(streamId: string): number;
  /** Whether streams get HLS (`hls: 'auto'` and ffmpeg runs here); known after start(). */
  hlsAvailable(): boolean;
  /**
   * GET /live/:streamId.flv (HTTP-FLV, and WS-FLV on upgrade), /hls/:streamId/index.m3u8,
   * /recordings/<file>; register at prefix `/media`, after @fastify/websocket if the app has it.
   */
  routes: FastifyPluginAsync;
}

interface Session {
  streamId: string;
  /** Names this publish's recording and HLS directory. */
  key: string;
  broadcast: Broadcast;
  publisher: PublisherHandle;
  startedAt: Date;
  recorder: Recorder | undefined;
  recordingFile: string | undefined;
  hls: HlsSegmenter | undefined;
  hlsDir: string | undefined;
  /** Recorder and HLS attached. */
  ready: Promise<void>;
  ending: boolean;
}

/** `20260501T020000Z-1a2b3c`: sorts by time, unique without coordination. */
function sessionKey(now: Date): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
}

/**
 * The embedded media plane of a node: RTMP in (with our own publish gate), HTTP-FLV and
 * WebSocket-FLV out through the node's Fastify port, each publish recorded to a seekable FLV,
 * and HLS through ffmpeg when it is installed. It knows nothing of rooms or keys: `hooks`
 * decide who may publish and hear what happened.
 */
export function createMediaPlane(options: MediaPlaneOptions): MediaPlane {
  const { log, hooks } = options;
  const app = options.app ?? 'live';
  const recordingsDir = path.resolve(options.recordingsDir);
  const hlsRoot = path.resolve(options.hlsDir);
  const hub = new StreamHub({}, (streamId, subscriber) => log.info({ streamId, role: subscriber.role }, 'slow media subscriber dropped'));
  const sessions = new Map<string, Session>();
  /** Per stream, the hook calls in order. */
  const hookChains = new Map<string, Promise<void>>();
  /** Decisions and endings under way, which close() waits for. */
  const pending = new Set<Promise<unknown>>();
  /** When each stream was last kicked (a sequence number), so a kick during authorise wins. */
  const kicks = new Map<string, number>();
  let kickSequence = 0;
  let hlsEnabled = false;
  let closing: Promise<void> | undefined;

  const track = <T>(work: Promise<T>): Promise<T> => {
    pending.add(work);
    void work.finally(() => pending.delete(work)).catch(() => {});
    return work;
  };

  const inOrder = (streamId: string, name: string, call: () => Promise<void>): Promise<void> => {
    const next = (hookChains.get(streamId) ?? Promise.resolve())
      .then(call)
      .catch((err: unknown) => log.error({ err, streamId }, `media hook ${name} failed`));
    hookChains.set(streamId, next);
    void next.finally(() => {
      if (hookChains.get(streamId) === next) hookChains.delete(streamId);
    });
    return track(next);
  };

  async function setUp(session: Session): Promise<void> {
    const { streamId, key, broadcast } = session;
    const file = `${streamId}/${key}.flv`;
    try {
      const recorder = await createRecorder(path.join(recordingsDir, file));
      session.recorder = recorder;
      session.recordingFile = file;
      broadcast.subscribe(recorder);
    } catch (err) {
      // The live goes on without a recording rather than not at all; the log says why.
      log.error({ err, streamId }, 'recording could not start');
    }
    if (hlsEnabled) {
      const dir = path.join(hlsRoot, streamId, key);
      try {
        session.hls = await startHls(broadcast, dir, { log, segmentBaseUrl: `${key}/` });
        session.hlsDir = dir;
      } catch (err) {
        log.error({ err, streamId }, 'HLS could not start');
      }
    }
  }

  async function finishRecording(session: Session, endedAt: Date): Promise<RecordingInfo | undefined> {
    const { recorder, recordingFile, streamId } = session;
    if (!recorder || !recordingFile) return undefined;
    try {
      const recorded = await recorder.finish();
      if (!recorded) return undefined;
      if (recorded.error) log.error({ err: recorded.error, streamId, file: recordingFile }, 'recording stopped early; keeping what was written');
      return { streamId, file: recordingFile, bytes: recorded.bytes, durationMs: recorded.durationMs, startedAt: session.startedAt, endedAt };
    } catch (err) {
      log.error({ err, streamId, file: recorder.partialFile }, 'recording could not be indexed; the raw file is kept');
      return undefined;
    }
  }

  function endSession(session: Session, reason: EndReason): void {
    if (session.ending) return;
    session.ending = true;
    const endedAt = new Date();
    if (sessions.get(session.streamId) === session) sessions.delete(session.streamId);
    // Viewers, the recorder and ffmpeg get their end now; the stream is free for the next publish.
    hub.release(session.broadcast);
    log.info({ streamId: session.streamId, reason }, 'publish ended');
    const recording = track(
      (async () => {
        await session.ready;
        await session.hls?.stop().catch((err: unknown) => log.warn({ err, streamId: session.streamId }, 'HLS stop failed'));
        return finishRecording(session, endedAt);
      })(),
    );
    void inOrder(session.streamId, 'ended', async () => hooks.ended(session.streamId, await recording, { reason }));
  }

  async function decide(attempt: PublishAttempt, publisher: PublisherHandle): Promise<PublishDecision> {
    if (closing) return { ok: false, reason: 'the server is shutting down; try again shortly' };
    // Stream names are stream ids in practice: a taken stream is refused before anyone is asked.
    if (hub.find(attempt.name)) return { ok: false, reason: 'this stream already has a publisher' };
    // A publish right after the last one on this stream (an encoder reconnecting) is decided only
    // once that one's `ended` has run, so the caller never sees the new publish while the old is live.
    await hookChains.get(attempt.name);
    if (closing) return { ok: false, reason: 'the server is shutting down; try again shortly' };
    const kicksBefore = kickSequence;
    const verdict = await hooks.authorise({ app: attempt.app, name: attempt.name, query: attempt.query, ip: attempt.ip });
    if (!verdict.ok) return { ok: false, reason: verdict.reason };
    const { streamId } = verdict;
    const refuseAccepted = (reason: EndReason, message: string): PublishDecision => {
      // authorise said yes, so the caller hears `ended` for it, as the hooks promise.
      void inOrder(streamId, 'ended', () => hooks.ended(streamId, undefined, { reason }));
      return { ok: false, reason: message };
    };
    if (closing) return refuseAccepted('server shutting down', 'the server is shutting down; try again shortly');
    if (!streamNamePattern.test(streamId)) {
      log.error({ streamId }, 'authorise returned a stream id that cannot be a path; refused');
      return refuseAccepted('invalid stream id', 'the server could not start this stream');
    }
    // A kick while authorise ran (a key rotated meanwhile) wins over its yes.
    if ((kicks.get(streamId) ?? 0) > kicksBefore) return refuseAccepted('kicked', 'the stream was stopped; publish again');
    // Synchronous check-and-set after the await: of two publishers only one gets the stream.
    // No `ended` here: that would end the live that does have the stream.
    const broadcast = hub.claim(streamId);
    if (!broadcast) return { ok: false, reason: 'this stream already has a publisher' };
    const startedAt = new Date();
    const session: Session = {
      streamId,
      key: sessionKey(startedAt),
      broadcast,
      publisher,
      startedAt,
      recorder: undefined,
      recordingFile: undefined,
      hls: undefined,
      hlsDir: undefined,
      ready: Promise.resolve(),
      ending: false,
    };
    sessions.set(streamId, session);
    session.ready = setUp(session);
    await session.ready;
    // Kicked or shut down while the recorder was being set up: endSession has already run.
    if (session.ending) return { ok: false, reason: 'the stream was stopped' };
    log.info({ streamId, ip: attempt.ip }, 'publish started');
    void inOrder(streamId, 'started', () => hooks.started(streamId));
    return {
      ok: true,
      session: {
        packet: (packet) => session.broadcast.packet(packet),
        closed: (reason) => endSession(session, reason),
      },
    };
  }

  const ingest = new RtmpIngest({
    app,
    log,
    decide: (attempt, publisher) => track(decide(attempt, publisher)),
    ...(options.idleTimeoutMs !== undefined ? { idleTimeoutMs: options.idleTimeoutMs } : {}),
    ...(options.handshakeTimeoutMs !== undefined ? { handshakeTimeoutMs: options.handshakeTimeoutMs } : {}),
  });

  const plane: MediaPlane = {
    async start() {
      await mkdir(recordingsDir, { recursive: true });
      // HLS files only mean anything while their stream is live.
      await rm(hlsRoot, { recursive: true, force: true });
      await mkdir(hlsRoot, { recursive: true });
      hlsEnabled = options.hls === 'auto' && (await ffmpegAvailable());
      const rtmpPort = await ingest.listen(options.rtmpPort, options.host);
      log.info({ rtmpPort, hls: hlsEnabled }, 'media plane listening for RTMP');
      return { rtmpPort };
    },

    close() {
      closing ??= (async () => {
        for (const session of [...sessions.values()]) {
          endSession(session, 'server shutting down');
          session.publisher.close('server shutting down');
        }
        await ingest.close();
        // Endings queue more work (hooks after recordings), so wait until nothing is left.
        while (pending.size) await Promise.allSettled([...pending]);
      })();
      return closing;
    },

    kick(streamId) {
      kicks.set(streamId, ++kickSequence);
      const session = sessions.get(streamId);
      if (!session || session.ending) return false;
      session.publisher.close('kicked');
      endSession(session, 'kicked');
      return true;
    },

    isLive: (streamId) => sessions.has(streamId),
    viewers: (streamId) => hub.find(streamId)?.count('viewer') ?? 0,

    hlsAvailable: () => hlsEnabled,

    routes: createMediaRoutes({
      hub,
      recordingsDir,
      hlsOf: (streamId) => {
        const session = sessions.get(streamId);
        return session?.hlsDir ? { dir: session.hlsDir, key: session.key } : undefined;
      },
      close: () => plane.close(),
    }),
  };
  return plane;
}
