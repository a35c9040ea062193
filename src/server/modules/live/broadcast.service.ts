import { and, desc, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Logger } from 'pino';
import { idPattern } from '../../../contracts/common';
import type { Bus } from '../../infra/bus/bus';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { isUniqueViolation } from '../../infra/db/pg-errors';
import { NotFoundError, NotOwnerError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import type { LiveActor, LivePorts } from './live.ports';
import { liveTexts } from './live.service';
import { lives, recordings } from './live.tables';
import { findNextLive } from './next-live';
import type { RoomService } from './room.service';

// Stream names come from RTMP or SRS, not through a route schema.
const roomIdPattern = new RegExp(idPattern);

/** How a publish ended: only a dropped connection may come back and carry on the same live. */
export type EndReason = 'dropped' | 'stopped' | 'kicked';

/** A phone on a village 4G link reconnects within seconds; within this window it resumes its live. */
const resumeWindowMs = 2 * 60_000;

export type PublishVerdict = { ok: true; roomId: string; liveId: string } | { ok: false; reason: string };

export interface FinishedRecording {
  file: string;
  url: string;
  bytes: number | null;
  durationMs: number | null;
  startedAt: Date;
  endedAt: Date;
}

export type BroadcastService = ReturnType<typeof createBroadcastService>;

/**
 * The live state as the media plane sees it: a publish is let in only with the room's current
 * key, for a scheduled live whose texts pass the claims checker, and one publisher per room.
 * The embedded ingest and SRS callbacks both come through here.
 */
export function createBroadcastService(
  deps: { db: Db; clock: Clock; bus: Bus; log: Logger; rooms: RoomService; retentionDays: number } & Pick<LivePorts, 'claims' | 'media'>,
) {
  const { db, clock, bus, log, rooms, claims, media, retentionDays } = deps;


  /** Runs the update that makes a live the room's one live; the unique index refuses a second. */
  async function claimRoom(update: () => Promise<unknown[]>): Promise<true | string> {
    try {
      return (await update()).length ? true : 'the live changed meanwhile; try again';
    } catch (err) {
      if (isUniqueViolation(err)) return 'this room is already live';
      throw err;
    }
  }

  /** The room's live that lost its connection moments ago, put back on air; its id, or undefined. */
  async function resumeDropped(roomId: string): Promise<string | undefined> {
    const since = new Date(clock.now().getTime() - resumeWindowMs);
    const [dropped] = await db
      .select({ id: lives.id, sellerId: lives.sellerId })
      .from(lives)
      .where(and(eq(lives.roomId, roomId), eq(lives.status, 'ended'), eq(lives.endReason, 'dropped'), gt(lives.endedAt, since)))
      .orderBy(desc(lives.endedAt))
      .limit(1);
    if (!dropped) return undefined;
    const resumed = await claimRoom(() =>
      db
        .update(lives)
        .set({ status: 'live', endedAt: null, endReason: null, ingest: media.ingest, updatedAt: clock.now() })
        .where(and(eq(lives.id, dropped.id), eq(lives.status, 'ended')))
        .returning(),
    );
    if (resumed !== true) return undefined;
    await bus.publish('live.resumed', { liveId: dropped.id, roomId, sellerId: dropped.sellerId });
    return dropped.id;
  }

  return {
    async authorise(roomId: string, key: string | undefined): Promise<PublishVerdict> {
      if (!roomIdPattern.test(roomId)) return { ok: false, reason: 'unknown room' };
      const room = await rooms.findById(roomId);
      if (!room || !rooms.keyMatches(room, key)) return { ok: false, reason: 'wrong or rotated stream key' };
      const resumed = await resumeDropped(roomId);
      if (resumed) return { ok: true, roomId, liveId: resumed };
      const next = await findNextLive(db, roomId, clock.now());
      if (!next) return { ok: false, reason: 'no scheduled live in this room: schedule one first' };
      const violations = await claims.findViolations({ sellerId: room.sellerId }, liveTexts(next));
      if (violations.length) {
        return { ok: false, reason: `the live's title or script has banned claims: ${[...new Set(violations.map((v) => v.text))].join(', ')}` };
      }
      const started = await claimRoom(
        () =>
          db
            .update(lives)
            .set({ status: 'live', startedAt: clock.now(), ingest: media.ingest, updatedAt: clock.now() })
            .where(and(eq(lives.id, next.id), eq(lives.status, 'scheduled')))
            .returning(),
      );
      if (typeof started === 'string') return { ok: false, reason: started };
      await bus.publish('live.started', { liveId: next.id, roomId, sellerId: room.sellerId, title: next.title });
      return { ok: true, roomId, liveId: next.id };
    },

    /** The publisher is gone: the live ends and its recording is kept for the retention period. */
    async ended(roomId: string, recording: FinishedRecording | undefined, reason: EndReason = 'dropped'): Promise<void> {
      const now = clock.now();
      const [live] = await db
        .update(lives)
        .set({ status: 'ended', endedAt: now, endReason: reason, updatedAt: now })
        .where(and(eq(lives.roomId, roomId), eq(lives.status, 'live')))
        .returning();
      if (!live) {
        log.warn({ roomId }, 'publish ended for a room that was not live');
        return;
      }
      if (recording) await this.keepRecording(live.id, roomId, recording);
      await bus.publish('live.ended', { liveId: live.id, roomId, sellerId: live.sellerId });
    },

    async keepRecording(liveId: string, roomId: string, recording: FinishedRecording): Promise<void> {
      const expiresAt = new Date(recording.endedAt.getTime() + retentionDays * 24 * 3600 * 1000);
      await db.insert(recordings).values({ id: newId('rec'), liveId, roomId, ...recording, expiresAt });
    },

    /** An external media plane reports a recording it wrote (SRS on_dvr): it belongs to the room's latest live. */
    async recordExternal(roomId: string, recording: { file: string; url: string }): Promise<void> {
      const [live] = await db
        .select()
        .from(lives)
        .where(and(eq(lives.roomId, roomId), inArray(lives.status, ['live', 'ended'])))
        .orderBy(desc(lives.startedAt))
        .limit(1);
      if (!live?.startedAt) {
        log.warn({ roomId, file: recording.file }, 'recording for a room with no live; not kept');
        return;
      }
      const endedAt = live.endedAt ?? clock.now();
      await this.keepRecording(live.id, roomId, { ...recording, bytes: null, durationMs: null, startedAt: live.startedAt, endedAt });
    },

    /** The anchor presses “end”: the publisher is dropped and the live ends even if no media plane reports it. */
    async end(actor: LiveActor, liveId: string): Promise<void> {
      const [live] = await db.select().from(lives).where(eq(lives.id, liveId));
      if (!live) throw new NotFoundError('LIVE_NOT_FOUND');
      if (live.sellerId !== actor.userId) throw new NotOwnerError();
      if (live.status !== 'live') return;
      media.kick(live.roomId);
      if (media.ingest === 'external') await this.ended(live.roomId, undefined, 'stopped');
    },

    /**
     * After a crash the embedded ingest has no publishers, so lives it carried cannot still be
     * live. (Several nodes with embedded ingest would each see the others' lives here: run an
     * external media plane for that.)
     */
    async endInterrupted(): Promise<number> {
      const now = clock.now();
      const ended = await db
        .update(lives)
        .set({ status: 'ended', endedAt: now, endReason: 'dropped', updatedAt: now })
        .where(and(eq(lives.status, 'live'), eq(lives.ingest, 'embedded')))
        .returning({ id: lives.id });
      return ended.length;
    },

    /** Recordings past the retention period are deleted, files first. */
    async purgeExpiredRecordings(): Promise<number> {
      const due = await db.select().from(recordings).where(lte(recordings.expiresAt, clock.now())).limit(100);
      for (const row of due) {
        await media.removeRecording(row.file);
        await db.delete(recordings).where(eq(recordings.id, row.id));
      }
      return due.length;
    },
  };
}
