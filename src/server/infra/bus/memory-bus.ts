import type { Logger } from 'pino';
import { dispatch, subscribeTo, type Bus, type Subscription } from './bus';

/** Handlers run after the publisher's current work, like they would across a network. */
export function createMemoryBus(log: Logger): Bus {
  const subscribers = new Set<Subscription>();
  return {
    async publish(type, data) {
      const event = { type, at: new Date().toISOString(), data };
      dispatch(subscribers, event, (err) => log.error({ err, type }, 'bus handler failed'));
    },
    subscribe: (pattern, handler) => subscribeTo(subscribers, pattern, handler),
    async close() {
      subscribers.clear();
    },
  };
}
