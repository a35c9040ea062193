import type { Logger } from 'pino';
import type { AccountsService } from '../modules/accounts';
import type { LiveService, RoomService } from '../modules/live';
import type { ChatService, ModerationService, RoomLog } from '../modules/room';

/** Demo buyers who chat in the demo rooms; none of them is a room's anchor. */
const audience = ['13900000101', '13900000102', '13900000041'];
const demoRooms = ['13900000011', '13900000032'];

const lines = [
  '主播好！从湖南来看看',
  '这批什么时候发货？',
  '看着就很香',
  '去年买过，今年回购了',
  '能寄到新疆吗？',
  '砂糖桔甜不甜呀',
  '给家里老人买两盒',
  '支持家乡的农产品',
  '包装结实吗？路上会不会压坏',
  '已下单，等收货',
  '茶园风景真好',
  '有没有小包装的',
  '主播讲得很清楚',
  '这个批次的检测报告在哪看？',
];

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/**
 * A small audience for the demo rooms: chat every few seconds, hearts now and then, and the
 * anchor pinning a product and posting a notice, all through the real services, so a newcomer
 * opening a demo room sees the gateway working.
 */
export function startDemoAudience(deps: {
  accounts: AccountsService;
  lives: LiveService;
  rooms: RoomService;
  chat: ChatService;
  moderation: ModerationService;
  roomLog: RoomLog;
  log: Logger;
}): { stop(): void } {
  const { accounts, lives, rooms, chat, moderation, roomLog, log } = deps;
  const actor = async (phone: string) => {
    const userId = await accounts.findUserIdByPhone(phone);
    return userId ? { userId, roles: await accounts.getRoles(userId) } : undefined;
  };
  const anchors = Promise.all(
    demoRooms.map(async (phone) => {
      const anchor = await actor(phone);
      return anchor ? { anchor, roomId: (await rooms.ensureRoom(anchor.userId)).id, pinned: 0 } : undefined;
    }),
  ).then((found) => found.flatMap((a) => a ?? []));
  const viewers = Promise.all(audience.map(actor)).then((found) => found.flatMap((a) => a ?? []));

  async function talk() {
    const room = pick(await anchors);
    const viewer = pick(await viewers);
    await chat.say(viewer, room.roomId, pick(lines), { slowModeSeconds: 0, locale: 'zh-CN' });
  }

  async function like() {
    for (const room of await anchors) await roomLog.addLikes(room.roomId, 1 + Math.floor(Math.random() * 6));
  }

  /** The anchor moves the pin along the live's products, as anchors do while they talk. */
  async function present() {
    for (const room of await anchors) {
      const live = await lives.roomLive(room.roomId);
      if (live?.status !== 'live' || !live.productIds.length) continue;
      const productId = live.productIds[room.pinned++ % live.productIds.length]!;
      await moderation.pin(room.anchor, room.roomId, productId);
      if (room.pinned === 1) await moderation.announce(room.anchor, room.roomId, '今天现摘现发，下单后48小时内发货', 'zh-CN');
    }
  }

  const guard = (job: () => Promise<void>, what: string) => () => {
    job().catch((err: unknown) => log.debug({ err }, `demo audience: ${what} skipped`));
  };
  const timers = [
    setInterval(guard(talk, 'chat'), 4_000),
    setInterval(guard(like, 'likes'), 1_500),
    setInterval(guard(present, 'pin'), 45_000),
    setTimeout(guard(present, 'pin'), 8_000),
  ];
  timers.forEach((timer) => timer.unref());
  return { stop: () => timers.forEach((timer) => clearInterval(timer)) };
}
