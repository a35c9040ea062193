import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config';
import { createMediaPlane } from './infra/media/media-plane';
import type { BroadcastService, EndReason, MediaDirectory } from './modules/live';

export interface MediaSetup {
  directory: MediaDirectory;
  /** Served under /media: HTTP-FLV, WS-FLV, HLS and recordings (embedded plane only). */
  routes: FastifyPluginAsync | undefined;
  /** Starts the embedded ingest; resolves with the RTMP port it listens on (none for an external plane). */
  start(broadcast: BroadcastService): Promise<number | undefined>;
  close(): Promise<void>;
}

const hostOf = (url: string) => new URL(url).hostname;

// Only a connection that went away may come back and resume its live.
const endReasons: Record<string, EndReason> = {
  'publisher ended the stream': 'stopped',
  kicked: 'kicked',
};

/**
 * The media plane a node uses: its own RTMP ingest and FLV fan-out (the default, one node), or
 * an SRS cluster and CDN that call the live module's hooks (a county deployment).
 */
export function setUpMedia(config: Config, log: Logger): MediaSetup {
  const { media } = config;
  const rtmpHost = media.rtmpHost ?? hostOf(media.publicMediaUrl ?? config.publicUrl);
  // RTMP_PORT=0 (tests) takes any free port; the URL shown to anchors follows the real one.
  let rtmpPort = media.rtmpPort;
  const ingestServer = () => `rtmp://${rtmpHost}:${rtmpPort}/live`;

  if (media.ingest === 'external') {
    const base = media.publicMediaUrl ?? config.publicUrl;
    const wsBase = base.replace(/^http/, 'ws');
    return {
      directory: {
        ingest: 'external',
        ingestServer: ingestServer(),
        playback: (roomId) => ({ flv: `${base}/live/${roomId}.flv`, wsFlv: `${wsBase}/live/${roomId}.flv`, hls: `${base}/live/${roomId}.m3u8` }),
        viewers: () => 0,
        kick: () => false,
        // The media cluster owns its files; its own retention settings delete them.
        removeRecording: async () => undefined,
      },
      routes: undefined,
      start: async () => undefined,
      close: async () => undefined,
    };
  }

  const recordingsDir = path.join(config.dataDir, 'recordings');
  let broadcast: BroadcastService | undefined;
  const plane = createMediaPlane({
    rtmpPort: media.rtmpPort,
    host: config.host,
    recordingsDir,
    hls: media.hls,
    hlsDir: path.join(config.dataDir, 'hls'),
    log: log.child({ component: 'media' }),
    hooks: {
      async authorise(request) {
        if (!broadcast) return { ok: false, reason: 'starting up' };
        const verdict = await broadcast.authorise(request.name, request.query.key);
        return verdict.ok ? { ok: true, streamId: verdict.roomId } : verdict;
      },
      started: async () => undefined,
      async ended(streamId, recording, { reason }) {
        await broadcast?.ended(
          streamId,
          recording && {
            file: recording.file,
            url: `${media.publicMediaUrl ?? ''}/media/recordings/${recording.file}`,
            bytes: recording.bytes,
            durationMs: recording.durationMs,
            startedAt: recording.startedAt,
            endedAt: recording.endedAt,
          },
          endReasons[reason] ?? 'dropped',
        );
      },
    },
  });
  const base = media.publicMediaUrl ?? '';
  return {
    directory: {
      ingest: 'embedded',
      get ingestServer() {
        return ingestServer();
      },
      playback: (roomId) => ({
        flv: `${base}/media/live/${roomId}.flv`,
        wsFlv: `${base.replace(/^http/, 'ws')}/media/live/${roomId}.flv`,
        hls: plane.hlsAvailable() ? `${base}/media/hls/${roomId}/index.m3u8` : null,
      }),
      viewers: (roomId) => plane.viewers(roomId),
      kick: (roomId) => plane.kick(roomId),
      async removeRecording(file) {
        const target = path.resolve(recordingsDir, file);
        if (target.startsWith(recordingsDir + path.sep)) await rm(target, { force: true });
      },
    },
    routes: plane.routes,
    async start(service) {
      broadcast = service;
      const ended = await service.endInterrupted();
      if (ended) log.warn({ ended }, 'lives left open by a previous run were ended');
      ({ rtmpPort } = await plane.start());
      log.info({ rtmpPort }, 'RTMP ingest listening');
      return rtmpPort;
    },
    close: () => plane.close(),
  };
}
