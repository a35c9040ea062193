import type { RoomEvent } from '../../../contracts/room';
import type { Clock } from '../../infra/clock';
import { presenceExpiryMs, presenceIntervalMs, type RoomLog, type RoomWatcher } from './room-log';
import { effects, type EventDraft, type LogState } from './room-state';

interface MemoryRoom extends LogState {
  watchers: Set<RoomWatcher>;
  presence: Map<string, { viewers: number; expiresAt: number }>;
  presenceSentAt: number;
}

/** The room log of a single node: the same contract as the Redis one, kept in memory. */
export function createMemoryRoomLog(clock: Clock): RoomLog {
  const rooms = new Map<string, MemoryRoom>();
  const done = new Set<string>();

  const room = (id: string): MemoryRoom => {
    let found = rooms.get(id);
    if (!found) {
      found = { seq: 0, slots: {}, likes: 0, viewers: 0, watchers: new Set(), presence: new Map(), presenceSentAt: 0 };
      rooms.set(id, found);
    }
    return found;
  };

  function emit(target: MemoryRoom, drafts: EventDraft[]): number[] {
    const at = clock.now().getTime();
    const events = drafts.map((draft) => ({ seq: ++target.seq, at, type: draft.type, data: draft.data }) as RoomEvent);
    for (const event of events) {
      const effect = effects[event.type];
      if (effect?.clear) for (const slot of effect.clear) delete target.slots[slot];
      if (effect?.set) target.slots[effect.set] = event;
    }
    for (const watcher of target.watchers) watcher.onEvents(events);
    return events.map((e) => e.seq);
  }

  return {
    async append(roomId, drafts, options) {
      if (options?.once) {
        if (done.has(options.once)) return [];
        done.add(options.once);
      }
      return emit(room(roomId), drafts);
    },

    async addLikes(roomId, count) {
      const target = room(roomId);
      target.likes += count;
      emit(target, [{ type: 'likes', data: { total: target.likes, added: count } }]);
    },

    async reportPresence(roomId, nodeId, viewers) {
      const target = room(roomId);
      const now = clock.now().getTime();
      if (viewers > 0) target.presence.set(nodeId, { viewers, expiresAt: now + presenceExpiryMs });
      else target.presence.delete(nodeId);
      let total = 0;
      for (const [node, entry] of target.presence) {
        if (entry.expiresAt < now) target.presence.delete(node);
        else total += entry.viewers;
      }
      if (total === target.viewers || now - target.presenceSentAt < presenceIntervalMs) return;
      target.viewers = total;
      target.presenceSentAt = now;
      emit(target, [{ type: 'presence', data: { viewers: total } }]);
    },

    async watch(roomId, watcher) {
      const target = room(roomId);
      target.watchers.add(watcher);
      const { seq, slots, likes, viewers } = target;
      return {
        base: { seq, slots: { ...slots }, likes, viewers },
        stop: async () => void target.watchers.delete(watcher),
      };
    },

    async close() {
      rooms.clear();
    },
  };
}
