import { describe, expect, it } from 'vitest';
import type { ChatMessage, PinnedProduct, RoomEvent, RoomSnapshot, SaleState, ServerFrame } from '../../../contracts/room';
import { chatLineLimit, initialRoomState, orderQueueLimit, roomReducer, type RoomAction, type RoomState } from './room-state';

const product: PinnedProduct = {
  productId: 'p1',
  title: '明前龙井',
  coverUrl: null,
  minPriceFen: 16800,
  certificateKinds: ['organic'],
  lotCode: 'LOT-1',
  origin: '浙江 杭州',
};

function snapshot(over: Partial<RoomSnapshot> = {}): ServerFrame {
  return {
    t: 'snapshot',
    room: {
      seq: 10,
      viewers: 3,
      likes: 100,
      pinned: null,
      notice: null,
      sale: null,
      slowModeSeconds: 0,
      liveId: 'live1',
      recentChat: [],
      ...over,
    },
  };
}

function chat(seq: number, id = `m${seq}`, text = `line ${seq}`): RoomEvent {
  const message: ChatMessage = { id, userId: 'u1', name: '阿明', role: 'viewer', text };
  return { seq, at: seq * 1000, type: 'chat', data: message };
}

function frame(...events: RoomEvent[]): ServerFrame {
  return { t: 'events', from: events[0]!.seq, to: events[events.length - 1]!.seq, events };
}

function run(...actions: RoomAction[]): RoomState {
  return actions.reduce(roomReducer, initialRoomState);
}

const f = (frame: ServerFrame): RoomAction => ({ type: 'frame', frame });

describe('room state', () => {
  it('starts from the snapshot', () => {
    const state = run(f(snapshot({ notice: '今天包邮', pinned: product, recentChat: [{ id: 'm9', userId: 'u2', name: '小李', role: 'anchor', text: '欢迎', seq: 9, at: 9 }] })));
    expect(state.ready).toBe(true);
    expect(state.seq).toBe(10);
    expect(state.notice).toBe('今天包邮');
    expect(state.pinned?.productId).toBe('p1');
    expect(state.chat.map((l) => l.id)).toEqual(['m9']);
  });

  it('applies events in order and drops any it has already applied', () => {
    const once = run(f(snapshot()), f(frame(chat(11), chat(12))));
    expect(once.chat.map((l) => l.text)).toEqual(['line 11', 'line 12']);
    expect(once.seq).toBe(12);

    // The same frame again (a resume that overlaps) changes nothing, not even the object.
    const again = roomReducer(once, f(frame(chat(11), chat(12))));
    expect(again).toBe(once);

    // An overlapping frame only adds what is new.
    const overlap = roomReducer(once, f(frame(chat(12), chat(13))));
    expect(overlap.chat.map((l) => l.seq)).toEqual([11, 12, 13]);

    // An event at or below the last seq inside a frame is skipped, later ones still apply.
    const mixed = roomReducer(overlap, f({ t: 'events', from: 14, to: 15, events: [chat(14), chat(13, 'late'), chat(15)] }));
    expect(mixed.chat.map((l) => l.seq)).toEqual([11, 12, 13, 14, 15]);
    expect(mixed.chat.some((l) => l.id === 'late')).toBe(false);
  });

  it('ignores events older than the snapshot', () => {
    const state = run(f(snapshot({ seq: 20 })), f(frame(chat(19), chat(20), chat(21))));
    expect(state.chat.map((l) => l.seq)).toEqual([21]);
  });

  it('removes a deleted line and keeps the others in order', () => {
    const state = run(
      f(snapshot()),
      f(frame(chat(11), chat(12), chat(13))),
      f(frame({ seq: 14, at: 14, type: 'chat.deleted', data: { id: 'm12' } })),
    );
    expect(state.chat.map((l) => l.id)).toEqual(['m11', 'm13']);
    expect(state.seq).toBe(14);
  });

  it('keeps only the newest lines', () => {
    const events = Array.from({ length: chatLineLimit + 20 }, (_, i) => chat(11 + i));
    const state = run(f(snapshot()), f(frame(...events)));
    expect(state.chat).toHaveLength(chatLineLimit);
    expect(state.chat[0]!.seq).toBe(31);
    expect(state.chat.at(-1)!.seq).toBe(10 + chatLineLimit + 20);
  });

  it('marks a gap as stale without applying it, but takes the first frame on a new socket as it comes', () => {
    const base = run(f(snapshot()), f(frame(chat(11))));
    const gap = roomReducer(base, f(frame(chat(15))));
    expect(gap.stale).toBe(true);
    expect(gap.seq).toBe(11);
    expect(gap.chat.map((l) => l.seq)).toEqual([11]);

    const resumed = run(...[f(snapshot()), f(frame(chat(11))), { type: 'connected' } as const, f(frame(chat(15)))]);
    expect(resumed.stale).toBe(false);
    expect(resumed.chat.map((l) => l.seq)).toEqual([11, 15]);
    // After that first frame gaps count again.
    expect(roomReducer(resumed, f(frame(chat(20)))).stale).toBe(true);
  });

  it('lets a snapshot replace everything, even with a lower seq (a restarted room)', () => {
    const before = run(f(snapshot()), f(frame(chat(11), { seq: 12, at: 12, type: 'pin', data: { product } })));
    const after = roomReducer(before, f(snapshot({ seq: 3, likes: 7 })));
    expect(after.seq).toBe(3);
    expect(after.pinned).toBeNull();
    expect(after.chat).toEqual([]);
    expect(roomReducer(after, f(frame(chat(4)))).chat).toHaveLength(1);
  });

  it('follows counts, pin, notice, slow mode and the live', () => {
    const state = run(
      f(snapshot()),
      f(
        frame(
          { seq: 11, at: 0, type: 'presence', data: { viewers: 42 } },
          { seq: 12, at: 0, type: 'pin', data: { product } },
          { seq: 13, at: 0, type: 'notice', data: { text: '下单送茶具' } },
          { seq: 14, at: 0, type: 'slow_mode', data: { seconds: 10 } },
          { seq: 15, at: 0, type: 'live.ended', data: { liveId: 'live1' } },
        ),
      ),
    );
    expect(state.viewers).toBe(42);
    expect(state.pinned?.title).toBe('明前龙井');
    expect(state.notice).toBe('下单送茶具');
    expect(state.slowModeSeconds).toBe(10);
    expect(state.liveId).toBeNull();
    expect(state.liveChange).toEqual({ seq: 15, type: 'live.ended', liveId: 'live1' });

    const cleared = roomReducer(
      state,
      f(frame({ seq: 16, at: 0, type: 'unpin', data: {} }, { seq: 17, at: 0, type: 'notice.cleared', data: {} }, { seq: 18, at: 0, type: 'live.started', data: { liveId: 'live2' } })),
    );
    expect(cleared.pinned).toBeNull();
    expect(cleared.notice).toBeNull();
    expect(cleared.liveId).toBe('live2');
  });

  it('counts likes without showing this viewer its own taps twice', () => {
    let state = run(f(snapshot()), { type: 'likesSent', n: 5 });
    state = roomReducer(state, f(frame({ seq: 11, at: 0, type: 'likes', data: { total: 108, added: 8 } })));
    expect(state.likes).toBe(108);
    expect(state.likesInFlight).toBe(0);
    expect(state.likeBurst).toEqual({ seq: 11, count: 3 });
  });

  it('ends only the sale it is told about', () => {
    const sale: SaleState = {
      saleId: 's1',
      productId: 'p1',
      title: '秒杀',
      priceFen: 990,
      quantity: 50,
      remaining: 50,
      perBuyerLimit: 1,
      startsAt: '2026-01-01T00:00:00Z',
      endsAt: '2026-01-01T00:10:00Z',
      soldOut: false,
    };
    let state = run(f(snapshot()), f(frame({ seq: 11, at: 0, type: 'sale.started', data: sale })));
    state = roomReducer(state, f(frame({ seq: 12, at: 0, type: 'sale.tick', data: { ...sale, remaining: 12 } })));
    expect(state.sale?.remaining).toBe(12);
    state = roomReducer(state, f(frame({ seq: 13, at: 0, type: 'sale.ended', data: { saleId: 'other' } })));
    expect(state.sale?.saleId).toBe('s1');
    state = roomReducer(state, f(frame({ seq: 14, at: 0, type: 'sale.ended', data: { saleId: 's1' } })));
    expect(state.sale).toBeNull();
  });

  it('queues orders for the ticker, newest few only', () => {
    const orders = Array.from({ length: orderQueueLimit + 2 }, (_, i): RoomEvent => ({
      seq: 11 + i,
      at: 0,
      type: 'order',
      data: { province: '湖南', quantity: 2, productTitle: '茶' },
    }));
    let state = run(f(snapshot()), f(frame(...orders)));
    expect(state.orders.map((o) => o.seq)).toEqual([13, 14, 15, 16, 17]);
    state = roomReducer(state, { type: 'orderShown', seq: 13 });
    expect(state.orders[0]!.seq).toBe(14);
  });
});
