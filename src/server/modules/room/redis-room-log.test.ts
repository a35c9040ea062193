import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RoomEvent } from '../../../contracts/room';
import { FakeClock } from '../../infra/clock';
import { createMemoryRoomLog } from './memory-room-log';
import { createRedisRoomLog } from './redis-room-log';
import type { RoomLog } from './room-log';

const redisUrl = process.env.REDIS_URL;
const room = () => `rom_${randomBytes(8).toString('hex')}`;

/** The same contract, in memory for one node and in Redis for several. */
const logs: Array<[string, () => Promise<{ a: RoomLog; b: RoomLog; clock: FakeClock; close(): Promise<void> }>]> = [
  [
    'memory',
    async () => {
      const clock = new FakeClock();
      const log = createMemoryRoomLog(clock);
      return { a: log, b: log, clock, close: () => log.close() };
    },
  ],
];
if (redisUrl) {
  logs.push([
    'redis',
    async () => {
      const clock = new FakeClock();
      const prefix = `tt-test-${randomBytes(4).toString('hex')}`;
      const deps = { clock, log: pino({ level: 'silent' }), prefix };
      const [a, b] = await Promise.all([createRedisRoomLog(redisUrl, deps), createRedisRoomLog(redisUrl, deps)]);
      return { a, b, clock, close: async () => void (await Promise.all([a.close(), b.close()])) };
    },
  ]);
}

describe.each(logs)('the %s room log', (_name, make) => {
  let logs: Awaited<ReturnType<typeof make>>;
  beforeAll(async () => {
    logs = await make();
  });
  afterAll(() => logs.close());

  it('numbers events from both nodes in one order that both nodes see', async () => {
    const id = room();
    const seenA: RoomEvent[] = [];
    const seenB: RoomEvent[] = [];
    const watchA = await logs.a.watch(id, { onEvents: (e) => seenA.push(...e), onReset: () => {} });
    const watchB = await logs.b.watch(id, { onEvents: (e) => seenB.push(...e), onReset: () => {} });
    const appends = [];
    for (let i = 0; i < 50; i++) {
      const log = i % 2 ? logs.a : logs.b;
      appends.push(log.append(id, [{ type: 'notice', data: { text: `n${i}` } }]));
    }
    await Promise.all(appends);
    await vi.waitFor(() => expect(seenA.length).toBe(50));
    await vi.waitFor(() => expect(seenB.length).toBe(50));
    expect(seenA.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(seenB).toEqual(seenA);
    await Promise.all([watchA.stop(), watchB.stop()]);
  });

  it('appends a keyed event once however many nodes try', async () => {
    const id = room();
    const first = await logs.a.append(id, [{ type: 'live.started', data: { liveId: 'liv_1' } }], { once: `k-${id}` });
    const second = await logs.b.append(id, [{ type: 'live.started', data: { liveId: 'liv_1' } }], { once: `k-${id}` });
    expect(first).toEqual([1]);
    expect(second).toEqual([]);
    const watch = await logs.b.watch(id, { onEvents: () => {}, onReset: () => {} });
    expect(watch.base.slots.live).toMatchObject({ seq: 1, type: 'live.started', data: { liveId: 'liv_1' } });
    await watch.stop();
  });

  it('sums presence across nodes and drops a node that stops reporting', async () => {
    const id = room();
    const seen: RoomEvent[] = [];
    const watch = await logs.a.watch(id, { onEvents: (e) => seen.push(...e), onReset: () => {} });
    const latest = () => seen.filter((e) => e.type === 'presence').at(-1)?.data;
    await logs.a.reportPresence(id, 'node-a', 3);
    logs.clock.advance(1_000);
    await logs.b.reportPresence(id, 'node-b', 4);
    await vi.waitFor(() => expect(latest()).toEqual({ viewers: 7 }));
    // node-b dies: it reports no more, and its viewers leave the count once its report expires.
    for (let i = 0; i < 6; i++) {
      logs.clock.advance(1_000);
      await logs.a.reportPresence(id, 'node-a', 3);
    }
    await vi.waitFor(() => expect(latest()).toEqual({ viewers: 3 }));
    await watch.stop();
  });

  it('sums likes from every node into one total', async () => {
    const id = room();
    await logs.a.addLikes(id, 5);
    await logs.b.addLikes(id, 7);
    const watch = await logs.a.watch(id, { onEvents: () => {}, onReset: () => {} });
    expect(watch.base.likes).toBe(12);
    await watch.stop();
  });
});
