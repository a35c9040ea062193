import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientFrame, ServerFrame } from '../../../contracts/room';
import { RoomClient, replyTimeoutMs, type SocketLike } from './room-client';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: ClientFrame[] = [];
  closedWith: number | undefined;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data) as ClientFrame);
  }
  close(code?: number) {
    this.readyState = 3;
    this.closedWith = code;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  serve(frame: ServerFrame) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const snapshotFrame = (seq: number): ServerFrame => ({
  t: 'snapshot',
  room: { seq, viewers: 1, likes: 0, pinned: null, notice: null, sale: null, slowModeSeconds: 0, liveId: null, recentChat: [] },
});
const chatFrame = (seq: number): ServerFrame => ({
  t: 'events',
  from: seq,
  to: seq,
  events: [{ seq, at: 0, type: 'chat', data: { id: `m${seq}`, userId: 'u', name: 'n', role: 'viewer', text: 't' } }],
});

let sockets: FakeSocket[];
function makeClient() {
  return new RoomClient({
    roomId: 'room1',
    localMessage: (code) => code,
    url: (roomId, since) => `/ws/rooms/${roomId}${since !== undefined ? `?since=${since}` : ''}`,
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    random: () => 0.5,
  });
}

beforeEach(() => {
  sockets = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('room client', () => {
  it('opens one socket when mounted, unmounted and mounted again at once (StrictMode)', () => {
    const client = makeClient();
    client.start();
    client.stop();
    client.start();
    vi.advanceTimersByTime(10);
    expect(sockets).toHaveLength(1);
    client.stop();
  });

  it('reconnects with backoff and resumes after the last seq applied', () => {
    const client = makeClient();
    client.start();
    vi.advanceTimersByTime(0);
    sockets[0]!.open();
    sockets[0]!.serve(snapshotFrame(10));
    sockets[0]!.serve(chatFrame(11));
    sockets[0]!.drop(1006);
    expect(client.getSnapshot().status).toBe('reconnecting');
    vi.advanceTimersByTime(400);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(400);
    expect(sockets).toHaveLength(2);
    expect(sockets[1]!.url).toBe('/ws/rooms/room1?since=11');

    // Without a word from the server in between, the next wait is longer.
    sockets[1]!.drop(1006);
    vi.advanceTimersByTime(1_400);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(200);
    expect(sockets).toHaveLength(3);
    client.stop();
  });

  it('resumes at once when events went missing', () => {
    const client = makeClient();
    client.start();
    vi.advanceTimersByTime(0);
    sockets[0]!.open();
    sockets[0]!.serve(snapshotFrame(10));
    sockets[0]!.serve(chatFrame(14));
    expect(sockets[0]!.closedWith).toBe(1000);
    vi.advanceTimersByTime(1_000);
    expect(sockets[1]!.url).toBe('/ws/rooms/room1?since=10');
    client.stop();
  });

  it('stays away once banned', () => {
    const client = makeClient();
    client.start();
    vi.advanceTimersByTime(0);
    sockets[0]!.open();
    sockets[0]!.drop(4003);
    vi.advanceTimersByTime(120_000);
    expect(sockets).toHaveLength(1);
    expect(client.getSnapshot().status).toBe('banned');
    client.stop();
  });

  it('matches chat replies by ref and gives up after a while', async () => {
    const client = makeClient();
    expect(await client.sendChat('early')).toEqual({ ok: false, error: { code: 'ROOM_OFFLINE', message: 'ROOM_OFFLINE' } });
    client.start();
    vi.advanceTimersByTime(0);
    const socket = sockets[0]!;
    socket.open();

    const first = client.sendChat('你好');
    const second = client.sendChat('太贵了');
    const [a, b] = socket.sent as Array<Extract<ClientFrame, { t: 'chat' }>>;
    expect(a!.ref).not.toBe(b!.ref);
    socket.serve({ t: 'reply', ref: b!.ref!, ok: false, error: { code: 'CHAT_TOO_FAST', message: 'slow down', retryAfterSeconds: 2 } });
    socket.serve({ t: 'reply', ref: a!.ref!, ok: true, seq: 12 });
    expect(await first).toEqual({ ok: true, seq: 12 });
    expect(await second).toEqual({ ok: false, error: { code: 'CHAT_TOO_FAST', message: 'slow down', retryAfterSeconds: 2 } });

    const unanswered = client.sendChat('喂？');
    vi.advanceTimersByTime(replyTimeoutMs);
    expect(await unanswered).toMatchObject({ ok: false, error: { code: 'ROOM_TIMEOUT' } });
    client.stop();
  });

  it('remembers a mute until the server says it was lifted', () => {
    const client = makeClient();
    client.start();
    vi.advanceTimersByTime(0);
    const socket = sockets[0]!;
    socket.open();
    socket.serve({ t: 'sanction', kind: 'mute', until: '2030-01-01T00:00:00Z' });
    expect(client.getSnapshot().sanction).toEqual({ kind: 'mute', until: '2030-01-01T00:00:00Z' });
    socket.serve({ t: 'sanction_lifted' });
    expect(client.getSnapshot().sanction).toBeNull();
    client.stop();
  });

  it('sums like taps into one frame at most every half second', () => {
    const client = makeClient();
    client.start();
    vi.advanceTimersByTime(0);
    const socket = sockets[0]!;
    socket.open();
    for (let i = 0; i < 7; i++) client.like();
    vi.advanceTimersByTime(0);
    expect(socket.sent).toEqual([{ t: 'like', n: 7 }]);
    for (let i = 0; i < 60; i++) client.like();
    vi.advanceTimersByTime(499);
    expect(socket.sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(socket.sent[1]).toEqual({ t: 'like', n: 50 });
    vi.advanceTimersByTime(500);
    expect(socket.sent[2]).toEqual({ t: 'like', n: 10 });
    expect(client.getSnapshot().room.likesInFlight).toBe(67);
    expect(client.getSnapshot().pendingLikes).toBe(0);
    client.stop();
  });

  it('pings and drops a connection that went silent', () => {
    const client = makeClient();
    client.start();
    vi.advanceTimersByTime(0);
    const socket = sockets[0]!;
    socket.open();
    vi.advanceTimersByTime(25_000);
    expect(socket.sent).toEqual([{ t: 'ping' }]);
    vi.advanceTimersByTime(50_000);
    expect(client.getSnapshot().status).toBe('reconnecting');
    vi.advanceTimersByTime(1_000);
    expect(sockets).toHaveLength(2);
    client.stop();
  });
});
