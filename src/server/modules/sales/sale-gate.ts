import type { Redis } from 'ioredis';

export type GateAnswer = 'ok' | 'sold_out' | 'limit';

export interface GateStart {
  saleId: string;
  remaining: number;
  perBuyerLimit: number;
  /** Units each buyer already holds, from the database. */
  held: Map<string, number>;
}

/**
 * Decides in memory (or in one Redis round trip) whether a purchase may go ahead, so the flood
 * of attempts after a sale sells out never reaches the database. The database still has the last
 * word; a gate that drifts costs speed, not correctness.
 */
export interface SaleGate {
  /** Sets the sale up from the database's figures; a second call for the same sale keeps the first. */
  open(start: GateStart): Promise<void>;
  isOpen(saleId: string): boolean;
  take(saleId: string, buyerId: string, quantity: number): Promise<GateAnswer>;
  /** Units that will not become an order after all (a failed batch, an expired order). */
  give(saleId: string, buyerId: string, quantity: number): Promise<void>;
  /** What the gate believes is left, for the countdown viewers see. */
  remaining(saleId: string): Promise<number>;
  close(saleId: string): void;
}

interface LocalSale {
  remaining: number;
  limit: number;
  held: Map<string, number>;
}

export function createMemorySaleGate(): SaleGate {
  const sales = new Map<string, LocalSale>();
  return {
    async open(start) {
      if (!sales.has(start.saleId)) {
        sales.set(start.saleId, { remaining: start.remaining, limit: start.perBuyerLimit, held: new Map(start.held) });
      }
    },
    isOpen: (saleId) => sales.has(saleId),
    async take(saleId, buyerId, quantity) {
      const sale = sales.get(saleId);
      if (!sale || sale.remaining < quantity) return 'sold_out';
      const held = sale.held.get(buyerId) ?? 0;
      if (held + quantity > sale.limit) return 'limit';
      sale.remaining -= quantity;
      sale.held.set(buyerId, held + quantity);
      return 'ok';
    },
    async give(saleId, buyerId, quantity) {
      const sale = sales.get(saleId);
      if (!sale) return;
      sale.remaining += quantity;
      sale.held.set(buyerId, Math.max(0, (sale.held.get(buyerId) ?? 0) - quantity));
    },
    async remaining(saleId) {
      return sales.get(saleId)?.remaining ?? 0;
    },
    close(saleId) {
      sales.delete(saleId);
    },
  };
}

const takeScript = `
local remaining = tonumber(redis.call('GET', KEYS[1]) or '-1')
local quantity, limit = tonumber(ARGV[2]), tonumber(ARGV[3])
if remaining < quantity then return 'sold_out' end
local held = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
if held + quantity > limit then return 'limit' end
redis.call('DECRBY', KEYS[1], quantity)
redis.call('HINCRBY', KEYS[2], ARGV[1], quantity)
return 'ok'`;

const openScript = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2]) then
  for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
  redis.call('EXPIRE', KEYS[2], ARGV[2])
end
return redis.call('GET', KEYS[1])`;

const giveScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('INCRBY', KEYS[1], ARGV[2])
redis.call('HINCRBY', KEYS[2], ARGV[1], -tonumber(ARGV[2]))
return 1`;

type GateCommands = {
  saleTake(remainingKey: string, heldKey: string, buyerId: string, quantity: number, limit: number): Promise<GateAnswer>;
  saleOpen(remainingKey: string, heldKey: string, ...args: (string | number)[]): Promise<string>;
  saleGive(remainingKey: string, heldKey: string, buyerId: string, quantity: number): Promise<number>;
};

/**
 * One gate for every node selling the same sale: one atomic script per attempt. Each node also
 * remembers a sell-out for a second, so once the units are gone its answers cost almost no round
 * trips, and units given back on another node are seen again within that second.
 */
export function createRedisSaleGate(redis: Redis, prefix: string): SaleGate {
  redis.defineCommand('saleTake', { numberOfKeys: 2, lua: takeScript });
  redis.defineCommand('saleOpen', { numberOfKeys: 2, lua: openScript });
  redis.defineCommand('saleGive', { numberOfKeys: 2, lua: giveScript });
  const commands = redis as unknown as GateCommands;
  const keys = (saleId: string) => [`${prefix}:sale:{${saleId}}:remaining`, `${prefix}:sale:{${saleId}}:held`] as const;
  const limits = new Map<string, number>();
  const soldOutAt = new Map<string, number>();
  const soldOutMemoryMs = 1_000;
  const ttlSeconds = 3 * 24 * 3600;

  return {
    async open(start) {
      const [remainingKey, heldKey] = keys(start.saleId);
      const held = [...start.held].flatMap(([buyer, quantity]) => [buyer, quantity]);
      await commands.saleOpen(remainingKey, heldKey, start.remaining, ttlSeconds, ...held);
      limits.set(start.saleId, start.perBuyerLimit);
    },
    isOpen: (saleId) => limits.has(saleId),
    async take(saleId, buyerId, quantity) {
      const limit = limits.get(saleId);
      if (limit === undefined || Date.now() - (soldOutAt.get(saleId) ?? 0) < soldOutMemoryMs) return 'sold_out';
      const [remainingKey, heldKey] = keys(saleId);
      const answer = await commands.saleTake(remainingKey, heldKey, buyerId, quantity, limit);
      if (answer === 'sold_out' && quantity === 1) soldOutAt.set(saleId, Date.now());
      return answer;
    },
    async give(saleId, buyerId, quantity) {
      const [remainingKey, heldKey] = keys(saleId);
      await commands.saleGive(remainingKey, heldKey, buyerId, quantity);
      soldOutAt.delete(saleId);
    },
    async remaining(saleId) {
      return Math.max(0, Number((await redis.get(keys(saleId)[0])) ?? 0));
    },
    close(saleId) {
      limits.delete(saleId);
      soldOutAt.delete(saleId);
    },
  };
}
