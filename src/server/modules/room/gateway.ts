import type { Logger } from 'pino';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { RoomCloseCode, type RoomEvent, type ServerFrame } from '../../../contracts/room';
import type { RoomLog, RoomWatch } from './room-log';
import { RoomState, type LogState } from './room-state';
import { rawSocketOf, textFrame } from './text-frame';

export interface GatewayOptions {
  nodeId: string;
  /** How long events wait to be sent together; 0 sends each event on its own at once (the naive baseline). */
  tickMs: number;
  /** Past this many unsent bytes a socket's frames are skipped until it catches up. */
  socketSoftLimitBytes?: number;
  /** Past this, or behind for longer than `behindTimeoutMs`, the socket is closed. */
  socketHardLimitBytes?: number;
  behindTimeoutMs?: number;
  /** Events each node keeps per room for clients that reconnect after a short gap. */
  historyLimit?: number;
  /** A room with no viewers on this node is let go after this long. */
  idleRoomMs?: number;
}

export interface Viewer {
  readonly socket: WebSocket;
  /** Where pre-framed room frames are written, when that is safe; see text-frame.ts. */
  readonly raw: Socket | undefined;
  readonly userId: string | null;
  readonly roomId: string;
  /** When its frames started being skipped; 0 while it keeps up. */
  behindSince: number;
}

/** A room frame, serialised once and framed once for every socket it goes to. */
interface Encoded {
  payload: Buffer;
  frame: Buffer;
}

interface LocalRoom {
  id: string;
  viewers: Set<Viewer>;
  behind: Set<Viewer>;
  joining: Array<{ viewer: Viewer; since: number | undefined }>;
  pending: RoomEvent[];
  likes: number;
  state: RoomState | undefined;
  early: RoomEvent[];
  ready: Promise<void>;
  watch: RoomWatch | undefined;
  snapshotFrame: { seq: number; frame: Encoded } | undefined;
  resync: boolean;
  reported: { viewers: number; at: number };
  emptySince: number;
}

const sendAsText = { binary: false };
const presenceHeartbeatMs = 2_000;

export type RoomGateway = ReturnType<typeof createRoomGateway>;

/**
 * Fans each room's events out to the sockets on this node. Events are buffered per room and sent
 * once a tick as one frame, serialised once and written to every socket, so a 10 000-viewer room
 * costs one JSON.stringify and 10 000 writes a tick, not a write per message per viewer. A socket
 * whose peer reads too slowly is skipped (then sent a snapshot) or closed, never buffered without
 * bound.
 */
export function createRoomGateway(
  deps: { roomLog: RoomLog; log: Logger; onRoomOpened?: (roomId: string, base: LogState) => Promise<void> },
  options: GatewayOptions,
) {
  const { roomLog, log } = deps;
  const soft = options.socketSoftLimitBytes ?? 512 * 1024;
  const hard = options.socketHardLimitBytes ?? 4 * 1024 * 1024;
  const behindTimeoutMs = options.behindTimeoutMs ?? 15_000;
  const historyLimit = options.historyLimit ?? 2_000;
  const idleRoomMs = options.idleRoomMs ?? 60_000;
  const immediate = options.tickMs <= 0;
  const rooms = new Map<string, LocalRoom>();
  const counters = { framesWritten: 0, framesSkipped: 0, slowClosed: 0, resyncs: 0 };

  const encode = (frame: ServerFrame): Encoded => {
    const payload = Buffer.from(JSON.stringify(frame));
    return { payload, frame: textFrame(payload) };
  };

  function send(viewer: Viewer, encoded: Encoded) {
    if (viewer.socket.readyState !== viewer.socket.OPEN) return;
    if (viewer.raw) viewer.raw.write(encoded.frame);
    else viewer.socket.send(encoded.payload, sendAsText);
    counters.framesWritten++;
  }

  function closeSlow(room: LocalRoom, viewer: Viewer) {
    counters.slowClosed++;
    room.behind.delete(viewer);
    viewer.socket.close(RoomCloseCode.tooSlow, 'too slow');
    // A peer that stopped reading never completes the closing handshake.
    setTimeout(() => viewer.socket.terminate(), 2_000).unref();
  }

  /** Writes a room frame, or skips it for a socket that is not keeping up. */
  function deliver(room: LocalRoom, viewer: Viewer, frame: Encoded, now: number) {
    if (viewer.behindSince) {
      counters.framesSkipped++;
      return;
    }
    if (viewer.socket.bufferedAmount > soft) {
      viewer.behindSince = now;
      room.behind.add(viewer);
      counters.framesSkipped++;
      return;
    }
    send(viewer, frame);
  }

  function snapshotFrame(room: LocalRoom, resync: boolean): Encoded {
    const state = room.state!;
    if (resync) return encode({ t: 'snapshot', resync: true, room: state.snapshot() });
    if (room.snapshotFrame?.seq !== state.seq) room.snapshotFrame = { seq: state.seq, frame: encode({ t: 'snapshot', room: state.snapshot() }) };
    return room.snapshotFrame.frame;
  }

  function flush(room: LocalRoom, now: number) {
    const events = room.pending;
    if (!events.length) return;
    room.pending = [];
    const frame = encode({ t: 'events', from: events[0]!.seq, to: events[events.length - 1]!.seq, events });
    for (const viewer of room.viewers) deliver(room, viewer, frame, now);
  }

  /** Newcomers start right after a flush, so what they are given and what follows meet exactly. */
  function admit(room: LocalRoom) {
    const state = room.state!;
    for (const { viewer, since } of room.joining) {
      if (viewer.socket.readyState !== viewer.socket.OPEN) continue;
      room.viewers.add(viewer);
      const missed = since === undefined ? undefined : state.since(since);
      if (!missed) send(viewer, snapshotFrame(room, false));
      else if (missed.length) send(viewer, encode({ t: 'events', from: missed[0]!.seq, to: missed[missed.length - 1]!.seq, events: missed }));
    }
    room.joining = [];
  }

  function catchUp(room: LocalRoom, now: number) {
    if (room.resync) {
      room.resync = false;
      const frame = snapshotFrame(room, true);
      for (const viewer of room.viewers) deliver(room, viewer, frame, now);
    }
    for (const viewer of room.behind) {
      const buffered = viewer.socket.bufferedAmount;
      if (buffered > hard || now - viewer.behindSince > behindTimeoutMs) closeSlow(room, viewer);
      else if (buffered <= soft / 4) {
        viewer.behindSince = 0;
        room.behind.delete(viewer);
        counters.resyncs++;
        send(viewer, snapshotFrame(room, true));
      }
    }
  }

  function reportPresence(room: LocalRoom, now: number) {
    const viewers = room.viewers.size + room.joining.length;
    if (viewers === room.reported.viewers && now - room.reported.at < presenceHeartbeatMs) return;
    room.reported = { viewers, at: now };
    roomLog.reportPresence(room.id, options.nodeId, viewers).catch((err: unknown) => log.warn({ err, roomId: room.id }, 'presence report failed'));
  }

  function sendLikes(room: LocalRoom) {
    if (!room.likes) return;
    const count = room.likes;
    room.likes = 0;
    roomLog.addLikes(room.id, count).catch((err: unknown) => log.warn({ err, roomId: room.id }, 'likes not recorded'));
  }

  function tick() {
    const now = Date.now();
    for (const room of rooms.values()) {
      if (!room.state) continue;
      sendLikes(room);
      flush(room, now);
      if (room.joining.length) admit(room);
      catchUp(room, now);
    }
  }

  function housekeeping() {
    const now = Date.now();
    for (const room of rooms.values()) {
      if (!room.state) continue;
      reportPresence(room, now);
      const empty = room.viewers.size === 0 && room.joining.length === 0;
      if (!empty) room.emptySince = 0;
      else if (!room.emptySince) room.emptySince = now;
      else if (now - room.emptySince > idleRoomMs) {
        rooms.delete(room.id);
        void room.watch?.stop();
      }
    }
  }

  function open(roomId: string): LocalRoom {
    const existing = rooms.get(roomId);
    if (existing) return existing;
    const room: LocalRoom = {
      id: roomId,
      viewers: new Set(),
      behind: new Set(),
      joining: [],
      pending: [],
      likes: 0,
      state: undefined,
      early: [],
      ready: Promise.resolve(),
      watch: undefined,
      snapshotFrame: undefined,
      resync: false,
      reported: { viewers: -1, at: 0 },
      emptySince: 0,
    };
    rooms.set(roomId, room);
    room.ready = (async () => {
      const watch = await roomLog.watch(roomId, {
        onEvents(events) {
          if (!room.state) {
            room.early.push(...events);
            return;
          }
          for (const event of events) if (room.state.apply(event)) room.pending.push(event);
          if (immediate) {
            // The naive baseline: each event goes out alone, the moment it arrives.
            const now = Date.now();
            for (const event of room.pending.splice(0)) {
              room.pending = [event];
              flush(room, now);
            }
            if (room.joining.length) admit(room);
          }
        },
        onReset(base) {
          room.state?.reset(base);
          room.pending = [];
          room.resync = true;
        },
      });
      room.watch = watch;
      room.state = new RoomState(watch.base, historyLimit);
      for (const event of room.early.splice(0)) room.state.apply(event);
      await deps.onRoomOpened?.(roomId, watch.base);
    })();
    room.ready.catch((err: unknown) => {
      log.error({ err, roomId }, 'room could not be opened');
      rooms.delete(roomId);
    });
    return room;
  }

  const timers = [setInterval(housekeeping, 1_000), ...(immediate ? [] : [setInterval(tick, options.tickMs)])];
  timers.forEach((timer) => timer.unref());

  return {
    counters,

    /** Adds a socket to its room; it gets a snapshot, or what it missed since `since`, on the next tick. */
    async join(roomId: string, socket: WebSocket, userId: string | null, since: number | undefined): Promise<Viewer> {
      const room = open(roomId);
      const viewer: Viewer = { socket, raw: rawSocketOf(socket), userId, roomId, behindSince: 0 };
      room.joining.push({ viewer, since });
      await room.ready;
      if (immediate) admit(room);
      return viewer;
    },

    leave(viewer: Viewer) {
      const room = rooms.get(viewer.roomId);
      if (!room) return;
      room.viewers.delete(viewer);
      room.behind.delete(viewer);
      room.joining = room.joining.filter((j) => j.viewer !== viewer);
    },

    /** Counts likes for the next tick; they reach the room as one `likes` event. */
    like(roomId: string, count: number) {
      const room = rooms.get(roomId);
      if (!room) return;
      room.likes += count;
      if (immediate) sendLikes(room);
    },

    slowModeSeconds(roomId: string): number {
      return rooms.get(roomId)?.state?.slowModeSeconds ?? 0;
    },

    /** Writes a frame to one user's sockets in a room, e.g. to say they were muted; `close` ends them. */
    tellUser(roomId: string, userId: string, frame: ServerFrame, close?: { code: number; reason: string }) {
      const room = rooms.get(roomId);
      if (!room) return;
      const encoded = encode(frame);
      for (const viewer of [...room.viewers, ...room.joining.map((j) => j.viewer)]) {
        if (viewer.userId !== userId) continue;
        send(viewer, encoded);
        if (close) viewer.socket.close(close.code, close.reason);
      }
    },

    localViewers(roomId: string): number {
      const room = rooms.get(roomId);
      return room ? room.viewers.size + room.joining.length : 0;
    },

    /** Rooms open and sockets joined on this node, for the metrics. */
    load() {
      let sockets = 0;
      for (const room of rooms.values()) sockets += room.viewers.size + room.joining.length;
      return { rooms: rooms.size, sockets };
    },

    /** Says goodbye to every socket and takes this node's viewers out of the room counts. */
    async close() {
      timers.forEach((timer) => clearInterval(timer));
      const now = Date.now();
      await Promise.allSettled(
        [...rooms.values()].map(async (room) => {
          for (const viewer of [...room.viewers, ...room.joining.map((j) => j.viewer)]) {
            viewer.socket.close(RoomCloseCode.shuttingDown, 'node shutting down');
          }
          room.viewers.clear();
          room.joining = [];
          if (room.state) {
            room.reported = { viewers: -1, at: now };
            await roomLog.reportPresence(room.id, options.nodeId, 0);
          }
          await room.watch?.stop();
        }),
      );
      rooms.clear();
    },
  };
}
