import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createTestApp, createVerifiedSeller, json, registerUser, type TestApp, type TestClient } from '../../../../test/helpers/app';
import { listen, RoomSocket } from '../../../../test/helpers/room';

let t: TestApp;
let site: string;
let seller: { client: TestClient; user: { id: string } };
let roomId: string;
const sockets: RoomSocket[] = [];

async function open(options: Parameters<typeof RoomSocket.open>[2] = {}) {
  const socket = await RoomSocket.open(site, roomId, options);
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  t = await createTestApp();
  site = await listen(t.app);
  const admin = await createAdmin(t);
  seller = await createVerifiedSeller(t, admin);
  roomId = json(await seller.client.get('/api/v1/seller/room')).id;
});
afterAll(async () => {
  await Promise.all(sockets.map((s) => s.close()));
  await t.close();
});

describe('room chat', () => {
  it('gives a guest the room at once and every chat line, numbered, to every viewer', async () => {
    const guest = await open();
    expect(guest.frames[0]).toMatchObject({ t: 'snapshot', room: { pinned: null, notice: null, slowModeSeconds: 0 } });
    const other = await open();
    const viewer = await registerUser(t.app, '山里的小李');
    const speaker = await open({ cookie: viewer.client.cookie });

    const reply = await speaker.chat('  这批茶\n什么时候\u0007发货？ ');
    expect(reply).toMatchObject({ ok: true });
    for (const socket of [guest, other, speaker]) {
      await socket.until(() => socket.eventsOf('chat').length > 0);
      const [line] = socket.eventsOf('chat');
      expect(line!.data).toMatchObject({ name: '山里的小李', role: 'viewer', text: '这批茶 什么时候发货？', userId: viewer.user.id });
      expect(line!.seq).toBe(reply.ok ? reply.seq : -1);
    }
  });

  it('lets a guest read but not speak or like', async () => {
    const guest = await open();
    const reply = await guest.chat('我也想说话');
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    guest.sendRaw(JSON.stringify({ t: 'like', n: 3 }));
    await guest.until(() => guest.frames.filter((f) => f.t === 'reply').length === 2);
  });

  it('counts likes and sends the count, not each tap', async () => {
    const viewer = await registerUser(t.app);
    const liker = await open({ cookie: viewer.client.cookie });
    const watcher = await open();
    const before = watcher.snapshot!.likes;
    for (let i = 0; i < 10; i++) liker.sendRaw(JSON.stringify({ t: 'like', n: 2 }));
    await watcher.until(() => watcher.eventsOf('likes').at(-1)?.data.total === before + 20);
    expect(watcher.eventsOf('likes').length).toBeLessThan(10);
  });

  it('limits how fast one person can chat', async () => {
    const viewer = await registerUser(t.app);
    const speaker = await open({ cookie: viewer.client.cookie });
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await speaker.chat(`第${i + 1}条`));
    expect(replies.slice(0, 3).every((r) => r.ok)).toBe(true);
    expect(replies[3]).toMatchObject({ ok: false, error: { code: 'CHAT_TOO_FAST' } });
    expect(replies[3]!.ok === false && replies[3]!.error.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('refuses health claims from viewers, masks insults and keeps markup as plain text', async () => {
    const viewer = await registerUser(t.app);
    const speaker = await open({ cookie: viewer.client.cookie });
    const refused = await speaker.chat('喝了这个茶能治疗糖尿病');
    expect(refused).toMatchObject({ ok: false, error: { code: 'CHAT_CLAIM_REFUSED' } });
    expect(refused.ok === false && refused.error.message).toContain('治疗');
    const english = await open({ cookie: (await registerUser(t.app)).client.cookie, lang: 'en' });
    const inEnglish = await english.chat('this tea cures cancer');
    expect(inEnglish.ok === false && inEnglish.error.message).toMatch(/forbidden claim/);
    expect(await speaker.chat('主播你个傻 逼')).toMatchObject({ ok: true });
    expect(await speaker.chat('<img src=x onerror=alert(1)>')).toMatchObject({ ok: true });
    await speaker.until(() => speaker.eventsOf('chat').length >= 2);
    const [masked, markup] = speaker.eventsOf('chat').slice(-2);
    expect(masked!.data.text).toBe('主播你个***');
    expect(markup!.data.text).toBe('<img src=x onerror=alert(1)>');
  });

  it('refuses empty and over-long lines', async () => {
    const viewer = await registerUser(t.app);
    const speaker = await open({ cookie: viewer.client.cookie });
    expect(await speaker.chat(' \u200b\u202e ')).toMatchObject({ ok: false, error: { code: 'CHAT_EMPTY' } });
    expect(await speaker.chat('茶'.repeat(201))).toMatchObject({ ok: false, error: { code: 'CHAT_TOO_LONG' } });
  });

  it('holds the anchor to the claims rules of the shop', async () => {
    const anchor = await open({ cookie: seller.client.cookie });
    const refused = await anchor.chat('全网最低价，买到就是赚到');
    expect(refused).toMatchObject({ ok: false, error: { code: 'BANNED_CLAIM' } });
    const said = await anchor.chat('今天现摘现发');
    expect(said).toMatchObject({ ok: true });
    await anchor.until(() => anchor.eventsOf('chat').some((e) => e.data.role === 'anchor'));
  });

  it('serves a cross-site page as a guest even when the browser sends the cookie', async () => {
    const viewer = await registerUser(t.app);
    const socket = await open({ cookie: viewer.client.cookie, origin: 'https://evil.example' });
    expect(await socket.chat('hello')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses an unknown room before the upgrade', async () => {
    expect(await RoomSocket.refusal(site, 'rom_01JD0000000000000000000000')).toBe(404);
    expect(await RoomSocket.refusal(site, 'not-a-room')).toBe(400);
  });
});

describe('bad frames', () => {
  it('answers binary frames and broken JSON with an error and closes a socket that keeps sending them', async () => {
    const socket = await open();
    socket.sendRaw(Buffer.from([1, 2, 3]), true);
    socket.sendRaw('{"t":"chat",');
    socket.sendRaw(JSON.stringify({ t: 'chat', text: 'x', extra: 1 }));
    await socket.until(() => socket.frames.filter((f) => f.t === 'reply').length === 3);
    expect(socket.frames.filter((f) => f.t === 'reply').every((f) => f.t === 'reply' && !f.ok && f.error.code === 'WS_BAD_FRAME')).toBe(true);
    socket.sendRaw('nope');
    socket.sendRaw('nope');
    await socket.until(() => socket.closed !== undefined);
    expect(socket.closed!.code).toBe(4400);
  });

  it('closes a socket that sends a frame over 4 KB, and the node serves everyone else as before', async () => {
    const watcher = await open();
    const big = await open();
    big.sendRaw(JSON.stringify({ t: 'chat', text: 'x'.repeat(5000) }));
    await big.until(() => big.closed !== undefined);
    expect(big.closed!.code).toBe(1009);
    const viewer = await registerUser(t.app);
    const speaker = await open({ cookie: viewer.client.cookie });
    expect(await speaker.chat('还在吗')).toMatchObject({ ok: true });
    await watcher.until(() => watcher.eventsOf('chat').some((e) => e.data.text === '还在吗'));
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('closes a socket that floods frames', async () => {
    const socket = await open();
    for (let i = 0; i < 100; i++) socket.sendRaw(JSON.stringify({ t: 'ping' }));
    await socket.until(() => socket.closed !== undefined);
    expect(socket.closed!.code).toBe(4400);
  });
});

describe('metrics', () => {
  it('counts the sockets this node holds', async () => {
    await open();
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    const sockets = Number(/^tiantou_room_sockets (\d+)$/m.exec(metrics)?.[1]);
    expect(sockets).toBeGreaterThan(0);
    expect(metrics).toMatch(/^tiantou_room_frames_written_total \d+$/m);
  });
});

describe('resume', () => {
  it('sends what a reconnecting client missed, and a snapshot when it cannot', async () => {
    const viewer = await registerUser(t.app);
    const speaker = await open({ cookie: viewer.client.cookie });
    const reader = await open();
    expect(await speaker.chat('第一句')).toMatchObject({ ok: true });
    await reader.until(() => reader.eventsOf('chat').length > 0);
    const seen = reader.lastSeq();
    await reader.close();
    const second = await speaker.chat('第二句');
    const third = await speaker.chat('第三句');

    const back = await open({ since: seen });
    await back.until(() => back.events.length >= 2);
    expect(back.frames[0]!.t).toBe('events');
    expect(back.events.map((e) => e.seq)).toEqual(
      Array.from({ length: back.events.length }, (_, i) => seen + 1 + i),
    );
    expect(back.eventsOf('chat').map((e) => e.seq)).toEqual([second.ok && second.seq, third.ok && third.seq]);

    const lost = await open({ since: 10_000_000 });
    expect(lost.frames[0]!.t).toBe('snapshot');
    expect(lost.snapshot!.recentChat.map((line) => line.text)).toEqual(expect.arrayContaining(['第二句', '第三句']));
  });
});
