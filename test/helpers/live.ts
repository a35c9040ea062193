import type { LiveBody } from '../../src/contracts/live';
import { json, type TestClient } from './app';

export function liveBody(overrides: Partial<LiveBody> = {}): LiveBody {
  return {
    title: '云雾岭茶园 明前新茶开采直播',
    scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
    productIds: [],
    script: '带大家看看清明前的茶园，讲讲一芽一叶怎么采。',
    ...overrides,
  };
}

/** A scheduled live and the room's fresh stream key, as an anchor has them before going live. */
export async function prepareLive(client: TestClient, overrides: Partial<LiveBody> = {}) {
  const scheduled = await client.post('/api/v1/seller/lives', liveBody(overrides));
  if (scheduled.statusCode !== 201) throw new Error(`schedule failed: ${scheduled.statusCode} ${scheduled.body}`);
  const key = json(await client.post('/api/v1/seller/room/stream-key'));
  const live = json(scheduled) as { id: string; roomId: string };
  const secret = new URLSearchParams(String(key.streamKey).split('?')[1]).get('key')!;
  return { live, key: key as { server: string; streamKey: string; url: string }, secret };
}
