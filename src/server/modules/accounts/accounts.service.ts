import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Role, UpdateMeBody, UserView } from '../../../contracts/accounts';
import type { Bus } from '../../infra/bus/bus';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { isUniqueViolation } from '../../infra/db/pg-errors';
import { newId } from '../../infra/ids';
import type { RateLimiter } from '../../infra/rate-limit';
import {
  DemoAccountDisabledError,
  InvalidCredentialsError,
  LoginRateLimitedError,
  PhoneTakenError,
  UserNotFoundError,
  WeakPasswordError,
} from './accounts.errors';
import { toVerificationView } from './accounts.mappers';
import { sessions, userRoles, users, verifications } from './accounts.tables';
import { dummyPasswordHash, hashPassword, isStrongEnough, verifyPassword } from './password';

export interface AccountsDeps {
  db: Db;
  clock: Clock;
  bus: Bus;
  log: Logger;
  demo: boolean;
  sessionTtlDays: number;
  loginLimits: { perPhone: RateLimiter; perIp: RateLimiter };
  /** How long a node may answer a session from memory; 0 asks the database every time. */
  sessionCacheMs?: number;
}

/** Who is making a request, as the rest of the system needs to know it. */
export interface Actor {
  userId: string;
  roles: Role[];
}

export interface ClientInfo {
  ip: string;
  userAgent: string | undefined;
}

export interface NewUser {
  phone: string;
  password: string;
  displayName: string;
  roles?: Role[];
  isDemo?: boolean;
  locale?: 'zh-CN' | 'en';
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const dayMs = 24 * 60 * 60 * 1000;
// Sliding sessions: refreshed at most hourly so an active user is not logged out, without a write per request.
const refreshAfterMs = 60 * 60 * 1000;

export type AccountsService = ReturnType<typeof createAccountsService>;

/** Any node that ends a session or changes roles says so, and every node forgets what it cached. */
const sessionsChanged = 'account.sessions_changed';
const sessionCacheMax = 100_000;

export function createAccountsService(deps: AccountsDeps) {
  const { db, clock, bus, log } = deps;
  const cacheMs = deps.sessionCacheMs ?? 0;
  // A flash sale is thousands of requests a second from the same sessions: each node remembers a
  // session briefly instead of asking the database on every request.
  const sessionCache = new Map<string, { actor: Actor; until: number }>();
  function forget(change: { tokenHash?: string; userId?: string }) {
    if (change.tokenHash) sessionCache.delete(change.tokenHash);
    if (change.userId) for (const [key, entry] of sessionCache) if (entry.actor.userId === change.userId) sessionCache.delete(key);
  }
  async function sessionsChangedFor(change: { tokenHash?: string; userId?: string }) {
    forget(change);
    await bus.publish(sessionsChanged, change);
  }
  bus.subscribe(sessionsChanged, (event) => forget(event.data as { tokenHash?: string; userId?: string }));

  async function createUser(input: NewUser, tx: Db = db): Promise<string> {
    if (!isStrongEnough(input.password)) throw new WeakPasswordError();
    const id = newId('usr');
    const now = clock.now();
    const passwordHash = await hashPassword(input.password);
    const roles: Role[] = input.roles?.length ? input.roles : ['buyer'];
    try {
      await tx.transaction(async (t) => {
        await t.insert(users).values({
          id,
          phone: input.phone,
          passwordHash,
          displayName: input.displayName.trim(),
          locale: input.locale ?? 'zh-CN',
          isDemo: input.isDemo ?? false,
          createdAt: now,
        });
        await t.insert(userRoles).values(roles.map((role) => ({ userId: id, role, grantedAt: now })));
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new PhoneTakenError();
      throw err;
    }
    await bus.publish('user.registered', { userId: id, roles });
    return id;
  }

  async function openSession(userId: string, client: ClientInfo): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = clock.now();
    await db.insert(sessions).values({
      tokenHash: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + deps.sessionTtlDays * dayMs),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    return token;
  }

  async function getRoles(userId: string, tx: Db = db): Promise<Role[]> {
    const rows = await tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
    return rows.map((r) => r.role as Role).sort();
  }

  async function getUserView(userId: string): Promise<UserView> {
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    if (!user) throw new UserNotFoundError();
    const [roles, applications] = await Promise.all([
      getRoles(userId),
      db.select().from(verifications).where(eq(verifications.userId, userId)).orderBy(verifications.id),
    ]);
    return {
      id: user.id,
      phone: user.phone,
      displayName: user.displayName,
      roles,
      locale: user.locale === 'en' ? 'en' : 'zh-CN',
      verifications: applications.map(toVerificationView),
      createdAt: user.createdAt.toISOString(),
    };
  }

  return {
    createUser,
    getRoles,
    getUserView,

    async register(input: NewUser, client: ClientInfo) {
      const userId = await createUser({ ...input, roles: ['buyer'], isDemo: false });
      const token = await openSession(userId, client);
      return { user: await getUserView(userId), token };
    },

    async login(phone: string, password: string, client: ClientInfo) {
      const { perPhone, perIp } = deps.loginLimits;
      const wait = Math.max(await perPhone.blockedFor(phone), await perIp.blockedFor(client.ip));
      if (wait > 0) throw new LoginRateLimitedError(wait);

      const [user] = await db.select().from(users).where(eq(users.phone, phone));
      const ok = await verifyPassword(password, user?.passwordHash ?? dummyPasswordHash);
      const ipWait = await perIp.hit(client.ip);
      if (!user || !ok) {
        const phoneWait = await perPhone.hit(phone);
        log.info({ phoneTail: phone.slice(-4), ip: client.ip }, 'login failed');
        if (Math.max(phoneWait, ipWait) > 0) throw new LoginRateLimitedError(Math.max(phoneWait, ipWait));
        throw new InvalidCredentialsError();
      }
      if (ipWait > 0) throw new LoginRateLimitedError(ipWait);
      if (user.isDemo && !deps.demo) throw new DemoAccountDisabledError();
      await perPhone.reset(phone);
      const token = await openSession(user.id, client);
      return { user: await getUserView(user.id), token };
    },

    /** Expired sessions are dead weight in the hottest table; returns how many were removed. */
    async purgeExpiredSessions(): Promise<number> {
      const removed = await db.delete(sessions).where(lt(sessions.expiresAt, clock.now())).returning({ id: sessions.tokenHash });
      return removed.length;
    },

    async logout(token: string) {
      await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
      await sessionsChangedFor({ tokenHash: hashToken(token) });
    },

    /** Resolves a session cookie to an actor, or undefined when it is unknown or expired. */
    async authenticate(token: string): Promise<Actor | undefined> {
      const now = clock.now();
      const tokenHash = hashToken(token);
      const hit = cacheMs ? sessionCache.get(tokenHash) : undefined;
      if (hit && hit.until > now.getTime()) return hit.actor;
      // One round trip: the roles come along with the session.
      const [row] = await db
        .select({
          userId: sessions.userId,
          lastSeenAt: sessions.lastSeenAt,
          expiresAt: sessions.expiresAt,
          isDemo: users.isDemo,
          roles: sql<Role[]>`array(select ${userRoles.role} from ${userRoles} where ${userRoles.userId} = ${sessions.userId} order by 1)`,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
      if (!row || (row.isDemo && !deps.demo)) return undefined;
      if (now.getTime() - row.lastSeenAt.getTime() > refreshAfterMs) {
        await db
          .update(sessions)
          .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + deps.sessionTtlDays * dayMs) })
          .where(eq(sessions.tokenHash, tokenHash));
      }
      const actor = { userId: row.userId, roles: row.roles };
      if (cacheMs) {
        if (sessionCache.size >= sessionCacheMax) sessionCache.delete(sessionCache.keys().next().value!);
        sessionCache.set(tokenHash, { actor, until: Math.min(now.getTime() + cacheMs, row.expiresAt.getTime()) });
      }
      return actor;
    },

    async updateMe(userId: string, patch: UpdateMeBody) {
      await db
        .update(users)
        .set({
          ...(patch.displayName !== undefined ? { displayName: patch.displayName.trim() } : {}),
          ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
        })
        .where(eq(users.id, userId));
      return getUserView(userId);
    },

    async grantRole(userId: string, role: Role, tx: Db = db) {
      await tx
        .insert(userRoles)
        .values({ userId, role, grantedAt: clock.now() })
        .onConflictDoNothing();
      await sessionsChangedFor({ userId });
    },

    /** Public names for chat lines and moderator lists; unknown ids are left out. */
    async displayNames(userIds: string[]): Promise<Map<string, string>> {
      if (!userIds.length) return new Map();
      const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    async findUserIdByPhone(phone: string): Promise<string | undefined> {
      const [row] = await db.select({ id: users.id }).from(users).where(eq(users.phone, phone));
      return row?.id;
    },
  };
}
