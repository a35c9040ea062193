import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Bus, BusEvent } from './bus';
import { createMemoryBus } from './memory-bus';
import { createRedisBus } from './redis-bus';

const log = pino({ level: 'silent' });
const redisUrl = process.env.REDIS_URL;

function collect(bus: Bus, pattern: string) {
  const seen: BusEvent[] = [];
  bus.subscribe(pattern, (e) => void seen.push(e));
  return seen;
}

async function until(check: () => boolean, ms = 3000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for bus delivery');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('in-process bus', () => {
  it('delivers by exact type and by prefix, and stops after unsubscribe', async () => {
    const bus = createMemoryBus(log);
    const exact = collect(bus, 'order.paid');
    const prefix = collect(bus, 'order.*');
    const other: BusEvent[] = [];
    const off = bus.subscribe('live.*', (e) => void other.push(e));
    await bus.publish('order.paid', { orderId: 'ord_1' });
    await bus.publish('order.shipped', { orderId: 'ord_1' });
    off();
    await bus.publish('live.started', {});
    await until(() => prefix.length === 2);
    expect(exact.map((e) => e.type)).toEqual(['order.paid']);
    expect(exact[0]!.data).toEqual({ orderId: 'ord_1' });
    expect(other).toEqual([]);
  });

  it('keeps delivering when one handler throws', async () => {
    const bus = createMemoryBus(log);
    bus.subscribe('x.happened', () => {
      throw new Error('boom');
    });
    const seen = collect(bus, 'x.happened');
    await bus.publish('x.happened', 1);
    await until(() => seen.length === 1);
  });
});

describe.runIf(redisUrl)('Redis bus between nodes', () => {
  it('carries an event published on one node to subscribers on every node, including its own', async () => {
    const prefix = `tt-test-${randomBytes(4).toString('hex')}`;
    const nodeA = await createRedisBus(redisUrl!, log, prefix);
    const nodeB = await createRedisBus(redisUrl!, log, prefix);
    const stranger = await createRedisBus(redisUrl!, log, `${prefix}-other`);
    try {
      const onA = collect(nodeA, 'verification.*');
      const onB = collect(nodeB, 'verification.approved');
      const onStranger = collect(stranger, '*');
      await nodeA.publish('verification.approved', { userId: 'usr_1' });
      await until(() => onA.length === 1 && onB.length === 1);
      expect(onB[0]).toMatchObject({ type: 'verification.approved', data: { userId: 'usr_1' } });
      await new Promise((r) => setTimeout(r, 100));
      expect(onStranger).toEqual([]);
    } finally {
      await Promise.all([nodeA.close(), nodeB.close(), stranger.close()]);
    }
  });
});
