import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { dispatch, subscribeTo, type Bus, type BusEvent, type Subscription } from './bus';


/**
 * Redis pub/sub carries events to every node, including the publisher's own, so a handler
 * behaves the same whichever node the request landed on.
 */
export async function createRedisBus(url: string, log: Logger, prefix = 'tt'): Promise<Bus> {
  const channelPrefix = `${prefix}:bus:`;
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true });
  publisher.on('error', (err) => log.warn({ err }, 'redis bus publisher error'));
  subscriber.on('error', (err) => log.warn({ err }, 'redis bus subscriber error'));
  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.psubscribe(`${channelPrefix}*`);

  const subscribers = new Set<Subscription>();
  subscriber.on('pmessage', (_pattern, _channel, message: string) => {
    let event: BusEvent;
    try {
      event = JSON.parse(message) as BusEvent;
    } catch (err) {
      log.warn({ err }, 'unreadable bus message dropped');
      return;
    }
    dispatch(subscribers, event, (err) => log.error({ err, type: event.type }, 'bus handler failed'));
  });

  return {
    async publish(type, data) {
      const event: BusEvent = { type, at: new Date().toISOString(), data };
      await publisher.publish(channelPrefix + type, JSON.stringify(event));
    },
    subscribe: (pattern, handler) => subscribeTo(subscribers, pattern, handler),
    async close() {
      subscribers.clear();
      subscriber.disconnect();
      await publisher.quit().catch(() => publisher.disconnect());
    },
  };
}
