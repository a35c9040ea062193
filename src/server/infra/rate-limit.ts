import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface LimitSpec {
  name: string;
  points: number;
  durationSeconds: number;
  blockSeconds?: number;
}

/** A named counter shared by all nodes when Redis is configured, local to the node otherwise. */
export interface RateLimiter {
  /** Seconds to wait if the key is currently over its limit, else 0; consumes nothing. */
  blockedFor(key: string): Promise<number>;
  /** Counts one hit; returns seconds to wait if this hit went over the limit, else 0. */
  hit(key: string): Promise<number>;
  reset(key: string): Promise<void>;
}

export function createRateLimiter(spec: LimitSpec, redis?: Redis, prefix = 'tt'): RateLimiter {
  const options = {
    keyPrefix: `${prefix}:rl:${spec.name}`,
    points: spec.points,
    duration: spec.durationSeconds,
    blockDuration: spec.blockSeconds ?? 0,
  };
  const limiter: RateLimiterAbstract = redis
    ? new RateLimiterRedis({
        ...options,
        storeClient: redis,
        // When Redis is unreachable each node still limits on its own instead of letting everything through.
        insuranceLimiter: new RateLimiterMemory(options),
      })
    : new RateLimiterMemory(options);
  const seconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return {
    async blockedFor(key) {
      const res = await limiter.get(key);
      return res && res.consumedPoints >= spec.points ? seconds(res) : 0;
    },
    async hit(key) {
      try {
        await limiter.consume(key);
        return 0;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return seconds(rejection);
        throw rejection;
      }
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}
