import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { sendNotFound } from '../http/error-handler';
import { hlsPlaylist, hlsSegmentPattern } from './hls';
import { streamNamePattern } from './rtmp-ingest';
import type { StreamHub } from './stream-hub';

export interface MediaRoutesDeps {
  hub: StreamHub;
  recordingsDir: string;
  /** The live stream's HLS directory and the session key its segment URLs carry. */
  hlsOf(streamId: string): { dir: string; key: string } | undefined;
  /** The plane's close: run before the HTTP server stops waiting for connections to end. */
  close(): Promise<void>;
}

const recordingPathPattern = /^\/[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_-]{1,100}\.flv$/;

/**
 * Playback on the node's own port, under the prefix app.ts registers it at (`/media`):
 *   GET /live/:streamId.flv                  HTTP-FLV; the same URL upgraded to a WebSocket is WS-FLV
 *   GET /hls/:streamId/index.m3u8            HLS playlist, while ffmpeg segments the stream
 *   GET /hls/:streamId/:session/seg_NNNNN.ts HLS segments
 *   GET /recordings/:streamId/:file.flv      finished recordings, with Range requests for seeking
 * @fastify/websocket is registered here unless the app already has it; registering it in the
 * app must then happen before this plugin, or two upgrade handlers would answer each upgrade.
 */
export function createMediaRoutes(deps: MediaRoutesDeps): FastifyPluginAsync {
  return async (app) => {
    if (!app.hasDecorator('websocketServer')) {
      // Viewers never send media, so their frames stay tiny.
      await app.register(fastifyWebsocket, { options: { maxPayload: 1024 } });
    }
    // Live responses never end by themselves; Fastify's close waits for open connections, so
    // publishers and viewers must be ended before it, while the hooks can still reach the database.
    app.addHook('preClose', async () => {
      await deps.close();
    });

    const liveNotFound = (request: FastifyRequest<{ Params: { streamId: string } }>, reply: FastifyReply) =>
      streamNamePattern.test(request.params.streamId) && deps.hub.find(request.params.streamId) ? undefined : sendNotFound(request, reply);

    app.route<{ Params: { streamId: string } }>({
      method: 'GET',
      url: '/live/:streamId.flv',
      exposeHeadRoute: false,
      schema: { hide: true },
      // Before the upgrade too: a WebSocket client for a stream that is not live gets a plain 404.
      preHandler: async (request, reply) => liveNotFound(request, reply),
      handler(request, reply) {
        const broadcast = deps.hub.find(request.params.streamId);
        if (!broadcast) return sendNotFound(request, reply);
        // From here on the socket is ours; Fastify neither serialises nor ends this response.
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'video/x-flv',
          'cache-control': 'no-cache, no-store',
          'x-content-type-options': 'nosniff',
        });
        res.flushHeaders();
        const unsubscribe = broadcast.subscribe({
          role: 'viewer',
          write: (chunk) => void res.write(chunk),
          backlog: () => res.writableLength,
          end: () => res.end(),
        });
        // The response's close, not the request's: a request "closes" once its (empty) body is read.
        res.on('close', unsubscribe);
      },
      wsHandler(socket: WebSocket, request) {
        const broadcast = deps.hub.find(request.params.streamId);
        if (!broadcast) return socket.close(4404, 'stream not live');
        const unsubscribe = broadcast.subscribe({
          role: 'viewer',
          write: (chunk) => socket.send(chunk, { binary: true }),
          backlog: () => socket.bufferedAmount,
          end: () => socket.close(1000, 'stream ended'),
        });
        socket.on('close', unsubscribe);
      },
    });

    app.get<{ Params: { streamId: string } }>('/hls/:streamId/index.m3u8', { schema: { hide: true } }, async (request, reply) => {
      const hls = streamNamePattern.test(request.params.streamId) ? deps.hlsOf(request.params.streamId) : undefined;
      const playlist = hls ? await readFile(path.join(hls.dir, hlsPlaylist)).catch(() => undefined) : undefined;
      // Not live, or ffmpeg has not finished the first segment yet.
      if (!playlist) return sendNotFound(request, reply);
      return reply.type('application/vnd.apple.mpegurl').header('cache-control', 'no-cache').send(playlist);
    });

    app.get<{ Params: { streamId: string; session: string; segment: string } }>(
      '/hls/:streamId/:session/:segment',
      { schema: { hide: true } },
      async (request, reply) => {
        const { streamId, session, segment } = request.params;
        const hls = streamNamePattern.test(streamId) ? deps.hlsOf(streamId) : undefined;
        const data =
          hls && hls.key === session && hlsSegmentPattern.test(segment)
            ? await readFile(path.join(hls.dir, segment)).catch(() => undefined)
            : undefined;
        if (!data) return sendNotFound(request, reply);
        // The session is in the URL, so a segment URL always means the same bytes.
        return reply.type('video/mp2t').header('cache-control', 'public, max-age=600, immutable').send(data);
      },
    );

    await mkdir(deps.recordingsDir, { recursive: true });
    await app.register(fastifyStatic, {
      root: deps.recordingsDir,
      prefix: '/recordings/',
      decorateReply: false,
      index: false,
      list: false,
      dotfiles: 'deny',
      // Finished recordings only: not the `.part` being written, nothing outside a stream's folder.
      allowedPath: (pathName) => recordingPathPattern.test(pathName),
      cacheControl: false,
      // Browsers may keep a replay they are seeking in; shared caches may not, so a recording
      // that is hidden or deleted is gone at once.
      setHeaders: (reply: FastifyReply) => {
        reply.header('cache-control', 'private, max-age=86400');
        reply.header('x-content-type-options', 'nosniff');
      },
    });
  };
}
