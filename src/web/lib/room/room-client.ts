import { likesPerFrameMax, RoomCloseCode, type ClientFrame, type ServerFrame } from '../../../contracts/room';
import { initialRoomState, roomReducer, type RoomAction, type RoomState } from './room-state';

/**
 * One viewer's connection to a room: a WebSocket that resumes where it left off, keeps itself
 * alive, batches like taps and matches chat replies. Plain TypeScript so it can be tested
 * without a browser; `use-room.ts` is the React face of it.
 */

export type RoomStatus =
  /** Not started, or stopped. */
  | 'idle'
  /** The first connection is being made. */
  | 'connecting'
  | 'open'
  /** The connection broke; another attempt is on its way. */
  | 'reconnecting'
  /** The server closed the socket because this user is banned; no new attempt while logged in as them. */
  | 'banned';

export interface ChatError {
  code: string;
  message: string;
  retryAfterSeconds?: number;
}
export type ChatReply = { ok: true; seq: number } | { ok: false; error: ChatError };

export interface Sanction {
  kind: 'mute' | 'ban';
  until: string | null;
}

export interface RoomClientSnapshot {
  room: RoomState;
  status: RoomStatus;
  /** The last sanction the server told this viewer about. */
  sanction: Sanction | null;
  /** Taps not yet sent: shown at once in the count, sent at most every `likeFlushMs`. */
  pendingLikes: number;
}

/** What the client needs of a WebSocket; the browser's satisfies it, tests pass a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** Errors the client makes up itself when the server cannot answer. */
export type LocalChatErrorCode = 'ROOM_OFFLINE' | 'ROOM_TIMEOUT';

export interface RoomClientOptions {
  roomId: string;
  /** The message shown for an error the client made up (the server's come with their own). */
  localMessage: (code: LocalChatErrorCode) => string;
  url?: (roomId: string, since: number | undefined) => string;
  createSocket?: (url: string) => SocketLike;
  random?: () => number;
}

const OPEN = 1;
const CONNECTING = 0;

export const pingIntervalMs = 25_000;
/** Nothing heard for this long (two pings and then some) means the connection is dead even if the socket says open. */
export const silenceLimitMs = 60_000;
export const replyTimeoutMs = 8_000;
export const likeFlushMs = 500;
/**
 * Taps waiting to be sent, e.g. while reconnecting. A backlog is not worth much, and the server
 * quietly drops taps past its per-socket budget, which this viewer's own count would never see.
 */
const pendingLikesMax = 60;
const backoffBaseMs = 1_000;
const backoffCapMs = 30_000;

/** `ws(s)://this.host/ws/rooms/<id>?since=<seq>&lang=<ui language>`: replies come in the page's language. */
export function roomSocketUrl(roomId: string, since: number | undefined, lang = 'zh-CN'): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = new URLSearchParams({ lang });
  if (since !== undefined) query.set('since', String(since));
  return `${scheme}//${window.location.host}/ws/rooms/${encodeURIComponent(roomId)}?${query}`;
}

function isServerFrame(value: unknown): value is ServerFrame {
  return typeof value === 'object' && value !== null && typeof (value as { t?: unknown }).t === 'string';
}

interface PendingReply {
  resolve: (reply: ChatReply) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class RoomClient {
  private readonly options: Required<RoomClientOptions>;
  private snapshot: RoomClientSnapshot = { room: initialRoomState, status: 'idle', sanction: null, pendingLikes: 0 };
  private readonly listeners = new Set<() => void>();
  private socket: SocketLike | null = null;
  private started = false;
  /** Failed attempts since the server last spoke; sets the backoff. */
  private attempts = 0;
  private connectTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private likeTimer: ReturnType<typeof setTimeout> | undefined;
  private lastHeardAt = 0;
  private lastLikesSentAt = 0;
  private readonly pending = new Map<string, PendingReply>();
  private refCounter = 0;

  constructor(options: RoomClientOptions) {
    this.options = {
      url: roomSocketUrl,
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      random: Math.random,
      ...options,
    };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): RoomClientSnapshot => this.snapshot;

  /**
   * Connects on the next tick rather than now: React's StrictMode mounts, unmounts and mounts
   * again at once, and a socket opened and dropped in between would only show up as an error.
   */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.attempts = 0;
    this.update({ status: 'connecting', sanction: null });
    this.connectTimer = setTimeout(() => this.connect(), 0);
  }

  stop(): void {
    if (!this.started) return;
    this.started = false;
    clearTimeout(this.connectTimer);
    clearTimeout(this.likeTimer);
    this.likeTimer = undefined;
    this.dropSocket();
    this.update({ status: 'idle' });
  }

  /** The page came back to the foreground or the network returned: try now instead of waiting out the backoff. */
  wake(): void {
    if (!this.started || this.snapshot.status !== 'reconnecting' || this.socket) return;
    clearTimeout(this.connectTimer);
    this.connect();
  }

  sendChat(text: string): Promise<ChatReply> {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return Promise.resolve(this.localError('ROOM_OFFLINE'));
    this.refCounter += 1;
    const ref = `c${this.refCounter}-${Math.floor(this.options.random() * 1e9).toString(36)}`;
    return new Promise<ChatReply>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(ref);
        resolve(this.localError('ROOM_TIMEOUT'));
      }, replyTimeoutMs);
      this.pending.set(ref, { resolve, timer });
      this.send({ t: 'chat', text, ref });
    });
  }

  /** One tap on the heart. Taps are summed and sent at most every `likeFlushMs`, at most `likesPerFrameMax` a frame. */
  like(): void {
    if (!this.started || this.snapshot.status === 'banned') return;
    this.update({ pendingLikes: Math.min(pendingLikesMax, this.snapshot.pendingLikes + 1) });
    this.scheduleLikes();
  }

  /** The order ticker showed this order; it leaves the queue. */
  orderShown(seq: number): void {
    this.dispatch({ type: 'orderShown', seq });
  }

  private connect(): void {
    this.connectTimer = undefined;
    if (!this.started) return;
    const room = this.snapshot.room;
    const socket = this.options.createSocket(this.options.url(this.options.roomId, room.ready ? room.seq : undefined));
    this.socket = socket;
    socket.onopen = () => {
      this.lastHeardAt = Date.now();
      this.dispatch({ type: 'connected' });
      this.update({ status: 'open' });
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.keepAlive(), pingIntervalMs);
      this.scheduleLikes();
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = (event) => this.closed(event.code);
    // A failed socket always closes too; the close handler decides what happens next.
    socket.onerror = () => undefined;
  }

  private receive(data: unknown): void {
    this.lastHeardAt = Date.now();
    // The server took this connection: the next failure starts the backoff from the beginning.
    this.attempts = 0;
    if (typeof data !== 'string') return;
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (!isServerFrame(frame)) return;
    switch (frame.t) {
      case 'snapshot':
      case 'events':
        this.dispatch({ type: 'frame', frame });
        if (this.snapshot.room.stale) this.resume();
        break;
      case 'reply': {
        const waiting = frame.ref !== null ? this.pending.get(frame.ref) : undefined;
        if (!waiting) break;
        this.pending.delete(frame.ref!);
        clearTimeout(waiting.timer);
        waiting.resolve(frame.ok ? { ok: true, seq: frame.seq } : { ok: false, error: frame.error });
        break;
      }
      case 'sanction':
        this.update({ sanction: { kind: frame.kind, until: frame.until } });
        break;
      case 'sanction_lifted':
        this.update({ sanction: null });
        break;
      case 'pong':
        break;
    }
  }

  private closed(code: number): void {
    this.dropSocket();
    if (!this.started) return;
    if (code === RoomCloseCode.banned) {
      this.update({ status: 'banned', sanction: { kind: 'ban', until: this.snapshot.sanction?.kind === 'ban' ? this.snapshot.sanction.until : null } });
      return;
    }
    this.update({ status: 'reconnecting' });
    this.connectTimer = setTimeout(() => this.connect(), this.retryDelay(code));
  }

  /** Events went missing on this socket: reconnect and ask for everything after the last seq applied. */
  private resume(): void {
    this.dropSocket();
    this.update({ status: 'reconnecting' });
    this.connectTimer = setTimeout(() => this.connect(), this.retryDelay(0));
  }

  private retryDelay(code: number): number {
    const random = this.options.random();
    // A node shutting down sends all its viewers away at once; spread them over a few seconds.
    if (code === RoomCloseCode.shuttingDown) return 1_000 + random * 4_000;
    const ceiling = Math.min(backoffCapMs, backoffBaseMs * 2 ** this.attempts);
    this.attempts += 1;
    // "Equal jitter": at least half the step, so retries never bunch up at zero.
    return ceiling / 2 + (random * ceiling) / 2;
  }

  private keepAlive(): void {
    if (Date.now() - this.lastHeardAt > silenceLimitMs) {
      this.closed(4000);
      return;
    }
    this.send({ t: 'ping' });
  }

  private scheduleLikes(): void {
    if (this.likeTimer !== undefined || this.snapshot.pendingLikes === 0) return;
    const wait = Math.max(0, this.lastLikesSentAt + likeFlushMs - Date.now());
    this.likeTimer = setTimeout(() => {
      this.likeTimer = undefined;
      this.flushLikes();
    }, wait);
  }

  private flushLikes(): void {
    const socket = this.socket;
    // Offline taps wait for the socket; `onopen` schedules them again.
    if (!socket || socket.readyState !== OPEN) return;
    const n = Math.min(likesPerFrameMax, this.snapshot.pendingLikes);
    if (n === 0) return;
    this.send({ t: 'like', n });
    this.lastLikesSentAt = Date.now();
    this.dispatch({ type: 'likesSent', n });
    this.update({ pendingLikes: this.snapshot.pendingLikes - n });
    this.scheduleLikes();
  }

  private send(frame: ClientFrame): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(frame));
  }

  /** Lets go of the socket without its close handler running, and answers every chat still waiting. */
  private dropSocket(): void {
    clearInterval(this.pingTimer);
    this.pingTimer = undefined;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onmessage = null;
      socket.onclose = null;
      socket.onerror = () => undefined;
      // Closing a socket still connecting makes the browser log an error; close it once it opens.
      if (socket.readyState === CONNECTING) socket.onopen = () => socket.close(1000);
      else {
        socket.onopen = null;
        if (socket.readyState === OPEN) socket.close(1000);
      }
    }
    for (const [ref, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      this.pending.delete(ref);
      waiting.resolve(this.localError('ROOM_OFFLINE'));
    }
  }

  private localError(code: LocalChatErrorCode): ChatReply {
    return { ok: false, error: { code, message: this.options.localMessage(code) } };
  }

  private dispatch(action: RoomAction): void {
    const room = roomReducer(this.snapshot.room, action);
    if (room !== this.snapshot.room) this.update({ room });
  }

  private update(change: Partial<RoomClientSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
