import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import type { ServerFrame } from '../../../contracts/room';
import { systemClock } from '../../infra/clock';
import { createRoomGateway, type RoomGateway } from './gateway';
import { createMemoryRoomLog } from './memory-room-log';
import type { RoomLog } from './room-log';
import { RoomState } from './room-state';

/** A socket whose unsent backlog the test decides, as a phone on a weak signal would. */
class FakeSocket {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: ServerFrame[] = [];
  closedWith: number | undefined;
  send(data: Buffer) {
    this.sent.push(JSON.parse(data.toString()) as ServerFrame);
  }
  close(code: number) {
    this.closedWith = code;
    this.readyState = 3;
  }
  terminate() {
    this.readyState = 3;
  }
}

const room = 'rom_01JD0000000000000000000001';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const chat = (text: string) => ({ type: 'chat' as const, data: { id: `id-${text}`, userId: 'usr_x', name: 'x', role: 'viewer' as const, text } });

let gateway: RoomGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

async function setUp(log: RoomLog = createMemoryRoomLog(systemClock)) {
  gateway = createRoomGateway(
    { roomLog: log, log: pino({ level: 'silent' }) },
    { nodeId: 'test', tickMs: 10, socketSoftLimitBytes: 1_000, socketHardLimitBytes: 5_000, behindTimeoutMs: 300 },
  );
  const join = async () => {
    const socket = new FakeSocket();
    await gateway!.join(room, socket as unknown as WebSocket, null, undefined);
    await vi.waitFor(() => expect(socket.sent.length).toBe(1));
    return socket;
  };
  return { log, join };
}

describe('the room gateway', () => {
  it('sends the events of one tick as one frame, in order', async () => {
    const { log, join } = await setUp();
    const socket = await join();
    await log.append(room, [chat('a')]);
    await log.append(room, [chat('b'), chat('c')]);
    await vi.waitFor(() => expect(socket.sent.length).toBe(2));
    const frames = socket.sent.filter((f) => f.t === 'events');
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ from: 1, to: 3 });
  });

  it('skips a socket that is not keeping up, then brings it back with a snapshot', async () => {
    const { log, join } = await setUp();
    const fast = await join();
    const slow = await join();
    slow.bufferedAmount = 2_000;
    for (let i = 0; i < 20; i++) {
      await log.append(room, [chat(`m${i}`)]);
      await wait(12);
    }
    const slowBefore = slow.sent.length;
    expect(slowBefore).toBe(1);
    expect(fast.sent.filter((f) => f.t === 'events').length).toBeGreaterThan(5);

    slow.bufferedAmount = 100;
    await vi.waitFor(() => expect(slow.sent.length).toBe(2));
    expect(slow.sent[1]).toMatchObject({ t: 'snapshot', resync: true, room: { seq: 20 } });
    await log.append(room, [chat('after')]);
    await vi.waitFor(() => expect(slow.sent.length).toBe(3));
    expect(slow.sent.at(-1)).toMatchObject({ t: 'events', from: 21, to: 21 });
    expect(slow.closedWith).toBeUndefined();
  });

  it('closes a socket whose backlog passes the hard limit, or that stays behind too long', async () => {
    const { log, join } = await setUp();
    const hopeless = await join();
    const stuck = await join();
    const fine = await join();
    hopeless.bufferedAmount = 6_000;
    stuck.bufferedAmount = 2_000;
    await log.append(room, [chat('x')]);
    await vi.waitFor(() => expect(hopeless.closedWith).toBe(4008));
    expect(stuck.closedWith).toBeUndefined();
    await vi.waitFor(() => expect(stuck.closedWith).toBe(4008));
    expect(fine.closedWith).toBeUndefined();
    expect(gateway!.counters.slowClosed).toBe(2);
  });

  it('answers a resume from its history, and with a snapshot past it', async () => {
    const { log, join } = await setUp();
    await join();
    for (let i = 0; i < 5; i++) await log.append(room, [chat(`m${i}`)]);
    const back = new FakeSocket();
    await gateway!.join(room, back as unknown as WebSocket, null, 2);
    await vi.waitFor(() => expect(back.sent.length).toBe(1));
    expect(back.sent[0]).toMatchObject({ t: 'events', from: 3, to: 5 });
  });
});

describe('a node copy of a room', () => {
  it('keeps a bounded history and says when a gap is too old to replay', () => {
    const state = new RoomState({ seq: 0, slots: {}, likes: 0, viewers: 0 }, 10);
    for (let seq = 1; seq <= 40; seq++) state.apply({ seq, at: 0, ...chat(`m${seq}`) });
    expect(state.since(38)!.map((e) => e.seq)).toEqual([39, 40]);
    expect(state.since(40)).toEqual([]);
    expect(state.since(5)).toBeUndefined();
    expect(state.apply({ seq: 40, at: 0, ...chat('again') })).toBe(false);
  });

  it('clears the pin, the sale and the notice when the live ends', () => {
    const state = new RoomState({ seq: 0, slots: {}, likes: 0, viewers: 0 }, 10);
    state.apply({ seq: 1, at: 0, type: 'live.started', data: { liveId: 'liv_1' } });
    state.apply({ seq: 2, at: 0, type: 'notice', data: { text: '开播啦' } });
    expect(state.snapshot()).toMatchObject({ liveId: 'liv_1', notice: '开播啦' });
    state.apply({ seq: 3, at: 0, type: 'live.ended', data: { liveId: 'liv_1' } });
    expect(state.snapshot()).toMatchObject({ liveId: null, notice: null, pinned: null, sale: null });
  });
});
