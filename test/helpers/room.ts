import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import type { RoomEvent, RoomSnapshot, ServerFrame } from '../../src/contracts/room';

/** The http://127.0.0.1:port of an app listening on a free port. */
export async function listen(app: FastifyInstance): Promise<string> {
  if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

type Reply = Extract<ServerFrame, { t: 'reply' }>;

/** A viewer's socket as a browser holds it: keeps every frame and the room's events in order. */
export class RoomSocket {
  readonly frames: ServerFrame[] = [];
  readonly events: RoomEvent[] = [];
  snapshot: RoomSnapshot | undefined;
  closed: { code: number; reason: string } | undefined;
  private refs = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as ServerFrame;
      this.frames.push(frame);
      if (frame.t === 'snapshot') this.snapshot = frame.room;
      if (frame.t === 'events') this.events.push(...frame.events);
    });
    ws.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
  }

  static async open(
    site: string,
    roomId: string,
    options: { cookie?: string; since?: number; lang?: 'en' | 'zh-CN'; origin?: string; waitForStart?: boolean } = {},
  ): Promise<RoomSocket> {
    const query = new URLSearchParams();
    if (options.since !== undefined) query.set('since', String(options.since));
    if (options.lang) query.set('lang', options.lang);
    const url = `${site.replace('http', 'ws')}/ws/rooms/${roomId}${query.size ? `?${query}` : ''}`;
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    if (options.origin) headers.origin = options.origin;
    const ws = new WebSocket(url, { headers });
    const socket = new RoomSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
    if (options.waitForStart !== false) await socket.until(() => socket.frames.length > 0);
    return socket;
  }

  /** The status code an upgrade is refused with. */
  static async refusal(site: string, roomId: string, cookie?: string): Promise<number> {
    const ws = new WebSocket(`${site.replace('http', 'ws')}/ws/rooms/${roomId}`, { headers: cookie ? { cookie } : {} });
    return new Promise((resolve, reject) => {
      ws.on('error', () => {});
      ws.once('unexpected-response', (req, res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      ws.once('open', () => reject(new Error('upgrade was accepted')));
    });
  }

  async until(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out; frames: ${JSON.stringify(this.frames.slice(-5))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async chat(text: string): Promise<Reply> {
    const ref = `r${++this.refs}`;
    this.ws.send(JSON.stringify({ t: 'chat', text, ref }));
    await this.until(() => this.frames.some((f) => f.t === 'reply' && f.ref === ref));
    return this.frames.find((f): f is Reply => f.t === 'reply' && f.ref === ref)!;
  }

  sendRaw(data: string | Buffer, binary = false) {
    this.ws.send(data, { binary });
  }

  eventsOf<K extends RoomEvent['type']>(type: K): Array<Extract<RoomEvent, { type: K }>> {
    return this.events.filter((e): e is Extract<RoomEvent, { type: K }> => e.type === type);
  }

  lastSeq(): number {
    return this.events.at(-1)?.seq ?? this.snapshot?.seq ?? 0;
  }

  async close() {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    const closed = new Promise((r) => this.ws.once('close', r));
    this.ws.close();
    await closed;
  }
}
