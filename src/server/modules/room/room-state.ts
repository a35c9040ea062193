import type { RoomEvent, RoomEventData, RoomEventType, RoomSnapshot } from '../../../contracts/room';

/** The parts of a room a newcomer must see, each held as the last event that set it. */
export type Slot = 'pin' | 'notice' | 'sale' | 'slowMode' | 'live';

export interface Effect {
  set?: Slot;
  clear?: Slot[];
}

/** What each event does to the room's state; events without an entry only pass through. */
export const effects: Partial<Record<RoomEventType, Effect>> = {
  pin: { set: 'pin' },
  unpin: { clear: ['pin'] },
  notice: { set: 'notice' },
  'notice.cleared': { clear: ['notice'] },
  slow_mode: { set: 'slowMode' },
  'sale.started': { set: 'sale' },
  'sale.tick': { set: 'sale' },
  'sale.sold_out': { set: 'sale' },
  'sale.ended': { clear: ['sale'] },
  'live.started': { set: 'live' },
  'live.ended': { clear: ['live', 'pin', 'sale', 'notice'] },
};

export interface EventDraft<K extends RoomEventType = RoomEventType> {
  type: K;
  data: RoomEventData[K];
}

/** The room as the shared log holds it at one sequence number. */
export interface LogState {
  seq: number;
  slots: Partial<Record<Slot, RoomEvent>>;
  likes: number;
  viewers: number;
}

type ChatLine = RoomSnapshot['recentChat'][number];
const recentChatLines = 30;

/**
 * One node's copy of a room, kept by applying the room's events in order. It answers
 * snapshots for newcomers and resumes for clients that reconnect after a short gap.
 */
export class RoomState {
  seq: number;
  private slots: Partial<Record<Slot, RoomEvent>>;
  private likes: number;
  private viewers: number;
  private readonly recentChat: ChatLine[] = [];
  private readonly history: RoomEvent[] = [];

  constructor(
    base: LogState,
    private readonly historyLimit: number,
  ) {
    this.seq = base.seq;
    this.slots = { ...base.slots };
    this.likes = base.likes;
    this.viewers = base.viewers;
  }

  /** Returns false for an event already applied (or older), so it is not sent twice. */
  apply(event: RoomEvent): boolean {
    if (event.seq <= this.seq) return false;
    this.seq = event.seq;
    this.history.push(event);
    if (this.history.length > this.historyLimit * 1.25) this.history.splice(0, this.history.length - this.historyLimit);
    const effect = effects[event.type];
    if (effect?.clear) for (const slot of effect.clear) delete this.slots[slot];
    if (effect?.set) this.slots[effect.set] = event;
    switch (event.type) {
      case 'chat':
        this.recentChat.push({ ...event.data, seq: event.seq, at: event.at });
        if (this.recentChat.length > recentChatLines) this.recentChat.shift();
        break;
      case 'chat.deleted': {
        const index = this.recentChat.findIndex((line) => line.id === event.data.id);
        if (index >= 0) this.recentChat.splice(index, 1);
        break;
      }
      case 'likes':
        this.likes = event.data.total;
        break;
      case 'presence':
        this.viewers = event.data.viewers;
        break;
    }
    return true;
  }

  /** Replaces everything after a lost stretch of the shared log. */
  reset(base: LogState) {
    this.seq = base.seq;
    this.slots = { ...base.slots };
    this.likes = base.likes;
    this.viewers = base.viewers;
    this.history.length = 0;
    this.recentChat.length = 0;
  }

  /** The events after `since`, or undefined when they are no longer all held here. */
  since(since: number): RoomEvent[] | undefined {
    if (since > this.seq) return undefined;
    if (since === this.seq) return [];
    const first = this.history[0];
    if (!first || first.seq > since + 1) return undefined;
    return this.history.slice(since + 1 - first.seq);
  }

  get slowModeSeconds(): number {
    const event = this.slots.slowMode;
    return event?.type === 'slow_mode' ? event.data.seconds : 0;
  }

  snapshot(): RoomSnapshot {
    const slot = <K extends RoomEventType>(name: Slot, type: K[]): RoomEventData[K] | undefined => {
      const event = this.slots[name];
      return event && (type as string[]).includes(event.type) ? (event.data as RoomEventData[K]) : undefined;
    };
    const sale = slot('sale', ['sale.started', 'sale.tick', 'sale.sold_out']);
    return {
      seq: this.seq,
      viewers: this.viewers,
      likes: this.likes,
      pinned: slot('pin', ['pin'])?.product ?? null,
      notice: slot('notice', ['notice'])?.text ?? null,
      sale: sale ?? null,
      slowModeSeconds: this.slowModeSeconds,
      liveId: slot('live', ['live.started'])?.liveId ?? null,
      recentChat: [...this.recentChat],
    };
  }
}
