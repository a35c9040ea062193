import net from 'node:net';
import type { Logger } from 'pino';
import { Rtmp, type AVPacket } from './nms';
import type { MediaPacket } from './stream-hub';

/**
 * The RTMP ingest. node-media-server's protocol class does the handshake, chunk stream, AMF and
 * FLV tag parsing; the session policy is ours:
 *   - publish is answered with NetStream.Publish.Start only after an asynchronous decision says
 *     yes, and the socket is paused while it is made;
 *   - media of a connection that is not (yet) accepted is dropped, never relayed;
 *   - RTMP playback is refused (viewers use HTTP-FLV or WebSocket-FLV);
 *   - an exception in the protocol code, or a client that breaks its limits, destroys that one
 *     socket and never the process.
 */

export const streamNamePattern = /^[A-Za-z0-9_-]{1,64}$/;

export interface PublishAttempt {
  app: string;
  name: string;
  query: Record<string, string>;
  ip: string;
}

/** What happens to an accepted publisher's media and to its end. */
export interface PublishSession {
  packet(packet: MediaPacket): void;
  /** Called once when the connection is gone, also when it died while the decision was made. */
  closed(reason: string): void;
}

export type PublishDecision = { ok: true; session: PublishSession } | { ok: false; reason: string };

export interface PublisherHandle {
  /** Drops the publisher's connection. */
  close(reason: string): void;
}

export interface RtmpIngestOptions {
  /** The RTMP application name publishers use: rtmp://host/<app>/<stream>. */
  app: string;
  log: Logger;
  decide(attempt: PublishAttempt, publisher: PublisherHandle): Promise<PublishDecision>;
  /** From TCP accept to an accepted publish; also the idle limit before it. */
  handshakeTimeoutMs?: number;
  /** A publisher that sends nothing for this long is dropped, freeing the stream for a reconnect. */
  idleTimeoutMs?: number;
  maxConnections?: number;
}

/** Commands are small; a larger message before the publish is accepted is an attack, not a client. */
const maxMessageBytesBeforePublish = 64 * 1024;
/** Encoders use a handful of chunk streams; each one holds a message buffer. */
const maxChunkStreams = 64;
const maxChunkSize = 0xffffff;

type State = 'handshake' | 'authorising' | 'live' | 'refused' | 'closed';

interface GateEvents {
  publish(attempt: Omit<PublishAttempt, 'ip'>): void;
  unpublish(): void;
  play(): void;
  accepted(): boolean;
}

class ProtocolLimitError extends Error {}

/** node-media-server's server-side Rtmp with publish and play routed to our policy. */
class GatedRtmp extends Rtmp {
  constructor(private readonly gate: GateEvents) {
    super();
  }

  override onConnect(invokeMessage: Parameters<Rtmp['onConnect']>[0]): void {
    const cmdObj = invokeMessage.cmdObj as { tcUrl?: unknown; app?: unknown } | null | undefined;
    // node-media-server would throw on `new URL(undefined)`; refuse it here with a clear reason.
    if (typeof cmdObj?.tcUrl !== 'string' || !URL.canParse(cmdObj.tcUrl) || typeof cmdObj.app !== 'string') {
      throw new ProtocolLimitError('connect without a valid tcUrl and app');
    }
    super.onConnect(invokeMessage);
  }

  override onPublish(invokeMessage: Parameters<Rtmp['onPublish']>[0]): void {
    const full = typeof invokeMessage.streamName === 'string' ? invokeMessage.streamName : '';
    const at = full.indexOf('?');
    const name = at < 0 ? full : full.slice(0, at);
    const query: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(at < 0 ? '' : full.slice(at + 1))) if (!(k in query)) query[k] = v;
    // Only the name, never the query with its key, goes into status messages.
    this.streamName = name;
    this.streamId = this.parserPacket.header.stream_id;
    this.gate.publish({ app: this.streamApp, name, query });
  }

  override onPlay(): void {
    this.streamId = this.parserPacket.header.stream_id;
    this.gate.play();
  }

  /** node-media-server ignores deleteStream; for a publisher it means "I am done". */
  override onDeleteStream(): void {
    this.gate.unpublish();
  }

  override packetParse(): void {
    super.packetParse();
    if (this.inPackets.size > maxChunkStreams) throw new ProtocolLimitError('too many chunk streams');
  }

  override packetAlloc(): void {
    const length = this.parserPacket.header.length;
    if (!this.gate.accepted() && length > maxMessageBytesBeforePublish) throw new ProtocolLimitError(`${length}-byte message before publish`);
    super.packetAlloc();
  }

  override controlHandler(): void {
    if (this.parserPacket.header.type === 1) {
      const size = this.parserPacket.payload.length >= 4 ? this.parserPacket.payload.readUInt32BE(0) : 0;
      if (size < 1 || size > maxChunkSize) throw new ProtocolLimitError(`chunk size ${size}`);
    }
    super.controlHandler();
  }
}

function clientAddress(socket: net.Socket): string {
  const ip = socket.remoteAddress ?? '';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

export class RtmpIngest {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly handshakeTimeoutMs: number;
  private readonly idleTimeoutMs: number;

  constructor(private readonly options: RtmpIngestOptions) {
    this.handshakeTimeoutMs = options.handshakeTimeoutMs ?? 10_000;
    this.idleTimeoutMs = options.idleTimeoutMs ?? 10_000;
    this.server = net.createServer((socket) => this.onSocket(socket));
    this.server.maxConnections = options.maxConnections ?? 500;
  }

  /** Resolves with the bound port; EADDRINUSE and the like reject instead of ending the process. */
  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        this.server.on('error', (err) => this.options.log.error({ err }, 'RTMP server error'));
        resolve((this.server.address() as net.AddressInfo).port);
      });
    });
  }

  /** Stops accepting and drops every connection; publishers' sessions are told they closed. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    if (this.server.listening) await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onSocket(socket: net.Socket): void {
    const { log, app } = this.options;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const ip = clientAddress(socket);
    let state: State = 'handshake';
    let session: PublishSession | undefined;
    let closeReason = 'publisher disconnected';
    let bytesIn = 0;
    let bytesAcknowledged = 0;

    const kill = (reason: string, level: 'info' | 'warn' = 'info') => {
      if (state === 'closed') return;
      log[level]({ ip, reason }, 'RTMP connection dropped');
      closeReason = reason;
      state = 'closed';
      socket.destroy();
    };
    const handle: PublisherHandle = { close: (reason) => kill(reason) };

    const rtmp = new GatedRtmp({
      accepted: () => state === 'live',
      publish: (attempt) => void onPublish(attempt),
      unpublish: () => {
        if (state === 'live') kill('publisher ended the stream');
      },
      play: () => {
        rtmp.sendStatusMessage(rtmp.streamId, 'error', 'NetStream.Play.Failed', 'RTMP playback is not offered; play HTTP-FLV');
        state = 'refused';
        socket.end();
      },
    });
    rtmp.onOutputCallback = (buffer) => {
      if (socket.writable) socket.write(buffer);
    };
    rtmp.onPacketCallback = (packet: AVPacket) => {
      // Before acceptance, and forever after a refusal, media is dropped here.
      if (state !== 'live' || !session) return;
      session.packet({ type: packet.codec_type, flags: packet.flags, timestamp: packet.dts, body: packet.data.subarray(0, packet.size) });
    };

    const onPublish = async (attempt: Omit<PublishAttempt, 'ip'>) => {
      if (state !== 'handshake') return kill('publish twice on one connection', 'warn');
      state = 'authorising';
      // Nothing more is read until the decision: the client waits for onStatus anyway.
      socket.pause();
      let decision: PublishDecision;
      if (attempt.app !== app || !streamNamePattern.test(attempt.name)) {
        decision = { ok: false, reason: `publish to rtmp://<host>/${app}/<stream id>?key=<stream key>` };
      } else {
        try {
          decision = await this.options.decide({ ...attempt, ip }, handle);
        } catch (err) {
          log.error({ err, ip, name: attempt.name }, 'publish decision failed');
          decision = { ok: false, reason: 'the server could not check this publish; try again' };
        }
      }
      // The connection may have died while the decision was made. Check via a function so the
      // compiler does not narrow `state` across the await.
      if (isClosed()) {
        if (decision.ok) decision.session.closed(closeReason);
        return;
      }
      if (!decision.ok) {
        state = 'refused';
        log.info({ ip, app: attempt.app, name: attempt.name, reason: decision.reason }, 'RTMP publish refused');
        rtmp.sendStatusMessage(rtmp.streamId, 'error', 'NetStream.Publish.BadName', decision.reason);
        // FIN after the status; whatever the client still sends is dropped.
        socket.end();
        setTimeout(() => socket.destroy(), 2000).unref();
        socket.resume();
        return;
      }
      session = decision.session;
      state = 'live';
      socket.setTimeout(this.idleTimeoutMs);
      rtmp.respondPublish();
      socket.resume();
    };
    const isClosed = () => state === 'closed';

    socket.setTimeout(this.handshakeTimeoutMs);
    socket.on('timeout', () => kill(state === 'live' ? 'publisher idle' : 'no publish in time'));
    // Trickling bytes keeps a socket from idling out, so the time to publish is capped as well.
    const deadline = setTimeout(() => {
      if (state === 'handshake' || state === 'authorising') kill('no publish in time');
    }, this.handshakeTimeoutMs);
    deadline.unref();

    socket.on('data', (data: Buffer) => {
      if (state === 'closed' || state === 'refused') return;
      bytesIn += data.length;
      try {
        const error = rtmp.parserData(data);
        if (error) return kill(`protocol error: ${error}`, 'warn');
      } catch (err) {
        // node-media-server throws on malformed input; it must never reach the process.
        return kill(`protocol error: ${err instanceof Error ? err.message : String(err)}`, 'warn');
      }
      // Acknowledge as the client asked (Window Acknowledgement Size), as RTMP servers do.
      const window = rtmp.ackSize ?? 0;
      if (window > 0 && bytesIn - bytesAcknowledged >= window) {
        bytesAcknowledged = bytesIn;
        rtmp.sendACK(bytesIn % 0x1_0000_0000);
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(deadline);
      this.sockets.delete(socket);
      state = 'closed';
      // `kill` has already marked the state closed, so the session itself says whether it is over.
      const ending = session;
      session = undefined;
      ending?.closed(closeReason);
    });
  }
}
