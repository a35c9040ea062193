import type { Logger } from 'pino';
import type { SaleState } from '../../../contracts/room';
import type { Bus } from '../../infra/bus/bus';
import type { RoomLog } from './room-log';
import type { EventDraft, LogState } from './room-state';
import type { RoomPorts } from './room.ports';

interface LiveEvent {
  liveId: string;
  roomId: string;
}

/** What the sales module says about a flash sale and a paid order (see modules/sales). */
interface SaleEvent {
  roomId: string;
  state: SaleState;
}
interface PaidOrder {
  orderId: string;
  roomId: string | null;
  province: string;
  quantity: number;
  productTitle: string;
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

      const sale = (busType: string, type: 'sale.started' | 'sale.tick' | 'sale.sold_out' | 'sale.ended') =>
        bus.subscribe(busType, async (event) => {
          const { roomId, state } = event.data as SaleEvent;
          const data = type === 'sale.ended' ? { saleId: state.saleId } : state;
          const key = `${type}:${state.saleId}:${type === 'sale.tick' ? state.remaining : ''}`;
          await roomLog.append(roomId, [{ type, data } as EventDraft], { once: key });
        });
      sale('flash_sale.started', 'sale.started');
      sale('flash_sale.ticked', 'sale.tick');
      sale('flash_sale.sold_out', 'sale.sold_out');
      sale('flash_sale.ended', 'sale.ended');
      // "A buyer in Hunan just bought two": a province and a quantity, never a name or a number.
      bus.subscribe('order.paid', async (event) => {
        const { orderId, roomId, province, quantity, productTitle } = event.data as PaidOrder;
        if (!roomId) return;
        await roomLog.append(roomId, [{ type: 'order', data: { province, quantity, productTitle } }], { once: `order:${orderId}` });
      });
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
