import type { RoomEvent } from '../../../contracts/room';
import type { EventDraft, LogState } from './room-state';

export interface RoomWatch {
  /** The room as of the sequence number from which events are delivered without a gap. */
  base: LogState;
  stop(): Promise<void>;
}

export interface RoomWatcher {
  onEvents(events: RoomEvent[]): void;
  /** Events were lost (a Redis reconnect): everything known must be replaced by `base`. */
  onReset(base: LogState): void;
}

/**
 * Each room's events in one order for all nodes: the log numbers them, keeps the state a
 * newcomer needs, and delivers them to every node watching the room. In-process for one
 * node; Redis (one atomic script per append, then pub/sub) for several.
 */
export interface RoomLog {
  /** Numbers and delivers the drafts; with `once`, a second append under the same key does nothing. */
  append(roomId: string, drafts: EventDraft[], options?: { once?: string }): Promise<number[]>;
  /** Adds likes counted on this node since its last tick, as one `likes` event. */
  addLikes(roomId: string, count: number): Promise<void>;
  /** This node's viewer count; a `presence` event follows when the room's total changes. */
  reportPresence(roomId: string, nodeId: string, viewers: number): Promise<void>;
  watch(roomId: string, watcher: RoomWatcher): Promise<RoomWatch>;
  close(): Promise<void>;
}

/** Presence a node stops reporting (it died) leaves the count after this long. */
export const presenceExpiryMs = 5_000;
/** At most one presence event a second, however fast viewers come and go. */
export const presenceIntervalMs = 1_000;
