import type { Logger } from 'pino';
import type { Bus } from '../../infra/bus/bus';
import type { RoomLog } from './room-log';
import type { LogState } from './room-state';
import type { RoomPorts } from './room.ports';

interface LiveEvent {
  liveId: string;
  roomId: string;
}

/**
 * Tells rooms when their live starts and ends. Every node hears the bus event, so each append
 * carries a key that makes the second and later ones do nothing.
 */
export function createRoomFeed(deps: { roomLog: RoomLog; log: Logger } & Pick<RoomPorts, 'lives'>) {
  const { roomLog, log, lives } = deps;

  const started = (e: LiveEvent, startKey: string) =>
    roomLog.append(e.roomId, [{ type: 'live.started', data: { liveId: e.liveId } }], { once: `live.started:${startKey}` });
  const ended = (e: LiveEvent) =>
    roomLog.append(e.roomId, [{ type: 'live.ended', data: { liveId: e.liveId } }], { once: `live.ended:${e.liveId}` });

  return {
    subscribeTo(bus: Bus) {
      bus.subscribe('live.started', async (event) => void (await started(event.data as LiveEvent, (event.data as LiveEvent).liveId)));
      // A resumed live is announced again so viewers who saw the drop reload the player.
      bus.subscribe('live.resumed', async (event) => void (await started(event.data as LiveEvent, `${(event.data as LiveEvent).liveId}:${event.at}`)));
      bus.subscribe('live.ended', async (event) => void (await ended(event.data as LiveEvent)));
    },

    /** When a node first opens a room, its log may not know a live started or ended (a restart, a lost message). */
    async reconcile(roomId: string, base: LogState) {
      try {
        const live = await lives.roomLive(roomId);
        const known = base.slots.live?.type === 'live.started' ? base.slots.live.data.liveId : null;
        const onAir = live?.status === 'live' ? live.id : null;
        if (onAir && onAir !== known) await started({ roomId, liveId: onAir }, onAir);
        if (known && known !== onAir) await ended({ roomId, liveId: known });
      } catch (err) {
        log.warn({ err, roomId }, 'room live state not reconciled');
      }
    },
  };
}
