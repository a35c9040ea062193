import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { RoomEvent } from '../../../contracts/room';
import type { Clock } from '../../infra/clock';
import { presenceExpiryMs, presenceIntervalMs, type RoomLog, type RoomWatcher } from './room-log';
import { effects, type EventDraft, type LogState, type Slot } from './room-state';

// Each script runs atomically, so numbering, state and PUBLISH happen as one step: every node
// receives a room's events in sequence order, whichever node appended them. Event JSON is built
// by concatenation so Lua's cjson never re-encodes (and mangles) the caller's data.
const eventJson = `
local function event(seq, at, kind, data)
  return '{"seq":' .. seq .. ',"at":' .. at .. ',"type":"' .. kind .. '","data":' .. data .. '}'
end`;

const appendScript = `${eventJson}
local seqKey, stateKey, onceKey = KEYS[1], KEYS[2], KEYS[3]
local channel, at, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3])
if ARGV[4] == '1' and not redis.call('SET', onceKey, '1', 'NX', 'EX', 86400) then return {} end
local out, seqs = {}, {}
for i = 5, #ARGV, 3 do
  local seq = redis.call('INCR', seqKey)
  local ev = event(seq, at, ARGV[i], ARGV[i + 1])
  local effect = ARGV[i + 2]
  if effect ~= '' then
    local op, slots = string.match(effect, '^(%a+):(.*)$')
    if op == 'set' then
      redis.call('HSET', stateKey, slots, ev)
    else
      for slot in string.gmatch(slots, '[^,]+') do redis.call('HDEL', stateKey, slot) end
    end
  end
  out[#out + 1] = ev
  seqs[#seqs + 1] = seq
end
redis.call('EXPIRE', seqKey, ttl)
redis.call('EXPIRE', stateKey, ttl)
redis.call('PUBLISH', channel, '[' .. table.concat(out, ',') .. ']')
return seqs`;

const likesScript = `${eventJson}
local seqKey, likesKey = KEYS[1], KEYS[2]
local channel, at, ttl, count = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local total = redis.call('INCRBY', likesKey, count)
local seq = redis.call('INCR', seqKey)
redis.call('EXPIRE', likesKey, ttl)
redis.call('PUBLISH', channel, '[' .. event(seq, at, 'likes', '{"total":' .. total .. ',"added":' .. count .. '}') .. ']')
return seq`;

const presenceScript = `${eventJson}
local seqKey, nodesKey, shownKey = KEYS[1], KEYS[2], KEYS[3]
local channel, now, ttl, node, viewers = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], tonumber(ARGV[5])
local expiry, interval = tonumber(ARGV[6]), tonumber(ARGV[7])
if viewers > 0 then
  redis.call('HSET', nodesKey, node, viewers .. ':' .. (now + expiry))
else
  redis.call('HDEL', nodesKey, node)
end
local all = redis.call('HGETALL', nodesKey)
local total = 0
for i = 1, #all, 2 do
  local count, expires = string.match(all[i + 1], '^(%d+):(%d+)$')
  if tonumber(expires) < now then redis.call('HDEL', nodesKey, all[i]) else total = total + tonumber(count) end
end
redis.call('EXPIRE', nodesKey, ttl)
local shown = redis.call('HMGET', shownKey, 'viewers', 'at')
if tonumber(shown[1] or '-1') == total or now - tonumber(shown[2] or '0') < interval then return total end
redis.call('HSET', shownKey, 'viewers', total, 'at', now)
redis.call('EXPIRE', shownKey, ttl)
local seq = redis.call('INCR', seqKey)
redis.call('PUBLISH', channel, '[' .. event(seq, now, 'presence', '{"viewers":' .. total .. '}') .. ']')
return total`;

const snapshotScript = `
return { redis.call('GET', KEYS[1]) or '0', redis.call('HGETALL', KEYS[2]), redis.call('GET', KEYS[3]) or '0',
  redis.call('HGET', KEYS[4], 'viewers') or '0' }`;

/** Room keys live a week past the last event; a room silent that long starts again from zero. */
const keyTtlSeconds = 7 * 24 * 3600;

type RoomCommands = {
  roomAppend(...args: (string | number)[]): Promise<number[]>;
  roomLikes(...args: (string | number)[]): Promise<number>;
  roomPresence(...args: (string | number)[]): Promise<number>;
  roomSnapshot(...keys: string[]): Promise<[string, string[], string, string]>;
};

interface Watched {
  watchers: Set<RoomWatcher>;
  lastSeq: number;
  /** Events that arrived while the base was being read. */
  early: RoomEvent[] | undefined;
  resetting: boolean;
}

export async function createRedisRoomLog(url: string, deps: { clock: Clock; log: Logger; prefix: string }): Promise<RoomLog> {
  const { clock, log, prefix } = deps;
  const commands = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true });
  commands.on('error', (err) => log.warn({ err }, 'redis room log error'));
  subscriber.on('error', (err) => log.warn({ err }, 'redis room subscriber error'));
  await Promise.all([commands.connect(), subscriber.connect()]);
  commands.defineCommand('roomAppend', { numberOfKeys: 3, lua: appendScript });
  commands.defineCommand('roomLikes', { numberOfKeys: 2, lua: likesScript });
  commands.defineCommand('roomPresence', { numberOfKeys: 3, lua: presenceScript });
  commands.defineCommand('roomSnapshot', { numberOfKeys: 4, lua: snapshotScript });
  const redis = commands as unknown as Redis & RoomCommands;

  const key = (roomId: string, part: string) => `${prefix}:room:{${roomId}}:${part}`;
  const channel = (roomId: string) => key(roomId, 'events');
  const watched = new Map<string, Watched>();

  async function readBase(roomId: string): Promise<LogState> {
    const [seq, fields, likes, viewers] = await redis.roomSnapshot(
      key(roomId, 'seq'),
      key(roomId, 'state'),
      key(roomId, 'likes'),
      key(roomId, 'shown'),
    );
    const slots: LogState['slots'] = {};
    for (let i = 0; i < fields.length; i += 2) slots[fields[i] as Slot] = JSON.parse(fields[i + 1]!) as RoomEvent;
    return { seq: Number(seq), slots, likes: Number(likes), viewers: Number(viewers) };
  }

  async function resync(roomId: string, entry: Watched) {
    if (entry.resetting) return;
    entry.resetting = true;
    try {
      const base = await readBase(roomId);
      entry.lastSeq = base.seq;
      for (const watcher of entry.watchers) watcher.onReset(base);
    } catch (err) {
      log.error({ err, roomId }, 'room resync failed');
    } finally {
      entry.resetting = false;
    }
  }

  function deliver(roomId: string, entry: Watched, events: RoomEvent[]) {
    const fresh = events.filter((e) => e.seq > entry.lastSeq);
    if (!fresh.length) return;
    if (fresh[0]!.seq !== entry.lastSeq + 1) {
      log.warn({ roomId, expected: entry.lastSeq + 1, got: fresh[0]!.seq }, 'room events lost; resyncing');
      void resync(roomId, entry);
      return;
    }
    entry.lastSeq = fresh[fresh.length - 1]!.seq;
    for (const watcher of entry.watchers) watcher.onEvents(fresh);
  }

  subscriber.on('message', (from: string, message: string) => {
    const roomId = /\{(.+)\}/.exec(from)?.[1];
    const entry = roomId ? watched.get(roomId) : undefined;
    if (!roomId || !entry) return;
    let events: RoomEvent[];
    try {
      events = JSON.parse(message) as RoomEvent[];
    } catch (err) {
      log.warn({ err, roomId }, 'unreadable room event dropped');
      return;
    }
    if (entry.early) entry.early.push(...events);
    else deliver(roomId, entry, events);
  });

  return {
    async append(roomId, drafts, options) {
      const args: (string | number)[] = [
        channel(roomId),
        clock.now().getTime(),
        keyTtlSeconds,
        options?.once ? '1' : '0',
      ];
      for (const draft of drafts) {
        const effect = effects[draft.type];
        const spec = effect?.set ? `set:${effect.set}` : effect?.clear ? `clear:${effect.clear.join(',')}` : '';
        args.push(draft.type, JSON.stringify(draft.data), spec);
      }
      return redis.roomAppend(key(roomId, 'seq'), key(roomId, 'state'), key(roomId, `once:${options?.once ?? ''}`), ...args);
    },

    async addLikes(roomId, count) {
      await redis.roomLikes(key(roomId, 'seq'), key(roomId, 'likes'), channel(roomId), clock.now().getTime(), keyTtlSeconds, count);
    },

    async reportPresence(roomId, nodeId, viewers) {
      await redis.roomPresence(
        key(roomId, 'seq'),
        key(roomId, 'nodes'),
        key(roomId, 'shown'),
        channel(roomId),
        clock.now().getTime(),
        keyTtlSeconds,
        nodeId,
        viewers,
        presenceExpiryMs,
        presenceIntervalMs,
      );
    },

    async watch(roomId, watcher) {
      let entry = watched.get(roomId);
      if (!entry) {
        entry = { watchers: new Set(), lastSeq: 0, early: [], resetting: false };
        watched.set(roomId, entry);
        // Subscribe first, then read the base: nothing published in between is missed.
        await subscriber.subscribe(channel(roomId));
        const base = await readBase(roomId);
        entry.lastSeq = base.seq;
        const early = entry.early ?? [];
        entry.early = undefined;
        entry.watchers.add(watcher);
        deliver(roomId, entry, early);
        return { base, stop: () => unwatch(roomId, watcher) };
      }
      // The room is already followed on this node: start from a fresh base and the live feed.
      const base = await readBase(roomId);
      entry.watchers.add(watcher);
      return { base, stop: () => unwatch(roomId, watcher) };
    },

    async close() {
      watched.clear();
      subscriber.disconnect();
      await commands.quit().catch(() => commands.disconnect());
    },
  };

  async function unwatch(roomId: string, watcher: RoomWatcher) {
    const entry = watched.get(roomId);
    if (!entry) return;
    entry.watchers.delete(watcher);
    if (entry.watchers.size) return;
    watched.delete(roomId);
    await subscriber.unsubscribe(channel(roomId)).catch((err: unknown) => log.warn({ err, roomId }, 'room unsubscribe failed'));
  }
}
