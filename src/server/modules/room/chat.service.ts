import { randomBytes } from 'node:crypto';
import { chatMaxLength } from '../../../contracts/room';
import type { Locale } from '../../../contracts/errors';
import { chinaDateTime } from '../../infra/china-time';
import { DomainError, RateLimitedError } from '../../infra/errors';
import type { RateLimiter } from '../../infra/rate-limit';
import type { RoomLog } from './room-log';
import type { RoomPolicy } from './room-policy';
import type { RoomActor, RoomPorts } from './room.ports';

// C0/C1 controls, zero-width and bidirectional overrides: invisible, and used to dodge filters
// or to flip how a line reads. Line breaks become spaces: a chat line is one line.
const invisible = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/gu;

/** One line of visible plain text. */
export const plainLine = (raw: string): string =>
  raw.replace(/[\r\n\t]+/g, ' ').replace(invisible, '').replace(/\s{2,}/g, ' ').trim();

/** One line of plain text, or a refusal saying why. */
export function cleanChatText(raw: string): string {
  const text = plainLine(raw);
  if (!text) throw new DomainError('CHAT_EMPTY', 422);
  if ([...text].length > chatMaxLength) throw new DomainError('CHAT_TOO_LONG', 422, { max: chatMaxLength });
  return text;
}

export type ChatService = ReturnType<typeof createChatService>;

/** Chat lines: who may say what, how often, and in what words. */
export function createChatService(
  deps: {
    roomLog: RoomLog;
    policy: RoomPolicy;
    /** Per user, across rooms and nodes. */
    chatLimiter: RateLimiter;
    /** One limiter per slow-mode interval, made on first use. */
    slowModeLimiter: (seconds: number) => RateLimiter;
  } & Pick<RoomPorts, 'people' | 'chatScreen'>,
) {
  const { roomLog, policy, chatLimiter, slowModeLimiter, people, chatScreen } = deps;
  const names = new Map<string, { name: string; at: number }>();

  async function nameOf(userId: string): Promise<string> {
    const hit = names.get(userId);
    if (hit && Date.now() - hit.at < 300_000) return hit.name;
    const name = (await people.displayNames([userId])).get(userId) ?? '';
    if (names.size > 50_000) names.clear();
    names.set(userId, { name, at: Date.now() });
    return name;
  }

  return {
    /** Screens and publishes one chat line; returns its room sequence number. */
    async say(actor: RoomActor, roomId: string, raw: string, context: { slowModeSeconds: number; locale: Locale }): Promise<number> {
      const rules = await policy.rules(roomId);
      const sanction = policy.sanctionOf(rules, actor.userId);
      if (sanction?.kind === 'ban') throw new DomainError('ROOM_BANNED', 403);
      if (sanction) {
        throw new DomainError('CHAT_MUTED', 403, { until: sanction.until ? chinaDateTime(sanction.until) : '∞' });
      }
      const text = cleanChatText(raw);
      const role = policy.roleOf(rules, actor.userId);
      const wait = await chatLimiter.hit(actor.userId);
      if (wait) throw new RateLimitedError('CHAT_TOO_FAST', wait);
      if (context.slowModeSeconds > 0 && role === 'viewer') {
        const slowWait = await slowModeLimiter(context.slowModeSeconds).hit(`${roomId}:${actor.userId}`);
        if (slowWait) throw new RateLimitedError('CHAT_TOO_FAST', slowWait);
      }
      const shown = await chatScreen.screen(text, { sellerId: rules.sellerId, forShop: role !== 'viewer' }, context.locale);
      const id = randomBytes(8).toString('base64url');
      const [seq] = await roomLog.append(roomId, [
        { type: 'chat', data: { id, userId: actor.userId, name: await nameOf(actor.userId), role, text: shown } },
      ]);
      return seq!;
    },
  };
}
