import { Counter, Gauge, type Registry } from 'prom-client';
import type { RoomGateway } from './gateway';

/** What an operator watches on a node: sockets held, and how often slow phones are skipped or dropped. */
export function roomMetrics(gateway: RoomGateway) {
  return (registry: Registry) => {
    new Gauge({
      name: 'tiantou_room_sockets',
      help: 'Room WebSockets held by this node',
      registers: [registry],
      collect() {
        this.set(gateway.load().sockets);
      },
    });
    new Gauge({
      name: 'tiantou_rooms_open',
      help: 'Rooms with viewers on this node',
      registers: [registry],
      collect() {
        this.set(gateway.load().rooms);
      },
    });
    const counters = [
      ['tiantou_room_frames_written_total', 'Room frames written to sockets', 'framesWritten'],
      ['tiantou_room_frames_skipped_total', 'Room frames skipped for sockets that fell behind', 'framesSkipped'],
      ['tiantou_room_resyncs_total', 'Snapshots sent to sockets that caught up again', 'resyncs'],
      ['tiantou_room_slow_closed_total', 'Sockets closed for reading too slowly', 'slowClosed'],
    ] as const;
    for (const [name, help, key] of counters) {
      new Counter({
        name,
        help,
        registers: [registry],
        collect() {
          this.reset();
          this.inc(gateway.counters[key]);
        },
      });
    }
  };
}
