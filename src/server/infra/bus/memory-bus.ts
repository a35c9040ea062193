import type { Logger } from 'pino';
import { matches, type Bus, type BusEvent, type BusHandler } from './bus';

/** Handlers run after the publisher's current work, like they would across a network. */
export function createMemoryBus(log: Logger): Bus {
  const subscribers = new Set<{ pattern: string; handler: BusHandler }>();
  return {
    async publish(type, data) {
      const event: BusEvent = { type, at: new Date().toISOString(), data };
      for (const sub of subscribers) {
        if (!matches(sub.pattern, type)) continue;
        queueMicrotask(() => {
          Promise.resolve()
            .then(() => sub.handler(event))
            .catch((err: unknown) => log.error({ err, type }, 'bus handler failed'));
        });
      }
    },
    subscribe(pattern, handler) {
      const sub = { pattern, handler };
      subscribers.add(sub);
      return () => subscribers.delete(sub);
    },
    async close() {
      subscribers.clear();
    },
  };
}
