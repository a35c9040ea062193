import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Clock } from '../infra/clock';
import { publishFlv } from '../infra/media/rtmp-publisher';
import type { AccountsService } from '../modules/accounts';
import type { ProductService } from '../modules/catalog';
import type { LiveService, RoomService } from '../modules/live';

/** The demo anchors who are “on air” whenever a demo node runs. */
const demoAnchors = [
  { phone: '13900000011', title: '云雾岭茶园 带你看明前茶怎么炒', script: '今天在茶园加工坊，给大家演示杀青、揉捻和烘干。' },
  { phone: '13900000032', title: '秦皇村砂糖桔 现摘现发', script: '果园现场直播，给大家看看今天刚摘的砂糖桔。' },
];

export interface DemoBroadcasterDeps {
  accounts: AccountsService;
  products: ProductService;
  lives: LiveService;
  rooms: RoomService;
  clock: Clock;
  log: Logger;
  /** rtmp://127.0.0.1:<port>/live of this node's own ingest. */
  ingestUrl: string;
  clipFile: string;
}

/** The committed clip, found by walking up from this file so it holds for sources and the bundle. */
export function findDemoClip(from = import.meta.dirname): string | undefined {
  for (let dir = from; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'assets', 'media', 'demo-clip.flv');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Publishes a looping clip into the demo rooms over real RTMP, so a newcomer sees moving video
 * without a camera or OBS. Each start schedules a fresh live and issues a fresh key, exactly as an
 * anchor would; the lives end when the node stops.
 */
export function startDemoBroadcaster(deps: DemoBroadcasterDeps): { stop(): void } {
  const { accounts, products, lives, rooms, clock, log, ingestUrl, clipFile } = deps;
  const controller = new AbortController();

  async function broadcast(anchor: (typeof demoAnchors)[number]) {
    const userId = await accounts.findUserIdByPhone(anchor.phone);
    if (!userId) return;
    const actor = { userId, roles: await accounts.getRoles(userId) };
    const onSale = await products.list(actor, { status: 'on_sale' });
    // A publish that ended its live needs a new one before the room may go live again.
    const ensureScheduled = async () => {
      if ((await lives.listMine(actor)).some((l) => l.status === 'scheduled' || l.status === 'live')) return;
      await lives.schedule(
        actor,
        { title: anchor.title, script: anchor.script, scheduledAt: clock.now().toISOString(), productIds: onSale.map((p) => p.id) },
        'zh-CN',
      );
    };
    let backoffMs = 1000;
    while (!controller.signal.aborted) {
      try {
        await ensureScheduled();
        // A fresh key each attempt: whoever rotated the last one (another demo node, a visitor) wins nothing.
        const key = await rooms.rotateKey(actor);
        await publishFlv(`${ingestUrl}/${key.streamKey}`, clipFile, {
          loop: true,
          realtime: true,
          signal: controller.signal,
          onPublishing: () => (backoffMs = 1000),
        });
      } catch (err) {
        if (controller.signal.aborted) return;
        log.warn({ err, anchor: anchor.phone }, 'demo broadcast interrupted; retrying');
      }
      await new Promise((resolve) => setTimeout(resolve, backoffMs).unref());
      backoffMs = Math.min(backoffMs * 2, 30_000);
    }
  }

  for (const anchor of demoAnchors) {
    broadcast(anchor).catch((err: unknown) => log.error({ err, anchor: anchor.phone }, 'demo broadcaster failed'));
  }
  return { stop: () => controller.abort() };
}
