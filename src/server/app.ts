import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyWebsocket from '@fastify/websocket';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Role } from '../contracts/accounts';
import { clientFrameMaxBytes, RoomCloseCode } from '../contracts/room';
import type { Config } from './config';
import { demoRoutes } from './demo/demo.routes';
import { startDemoAudience } from './demo/demo-audience';
import { findDemoClip, startDemoBroadcaster } from './demo/demo-broadcaster';
import { seedDemoCatalog } from './demo/seed-demo-catalog';
import { seedDemoWorld } from './demo/seed-demo';
import type { Bus } from './infra/bus/bus';
import { createMemoryBus } from './infra/bus/memory-bus';
import { createRedisBus } from './infra/bus/redis-bus';
import { systemClock, type Clock } from './infra/clock';
import { openDatabase, type Database } from './infra/db/database';
import { registerSessionAuth } from './infra/http/auth';
import { registerCsrfGuard } from './infra/http/csrf';
import { registerErrorHandling } from './infra/http/error-handler';
import { registerLocale } from './infra/http/locale';
import { opsRoutes } from './infra/http/ops.routes';
import { registerWebApp } from './infra/http/web';
import { setUpMedia } from './media';
import { createRateLimiter, type RateLimiter } from './infra/rate-limit';
import { createLocalDiskStore } from './infra/storage/local-disk-store';
import {
  accountsRoutes,
  coopRoutes,
  createAccountsService,
  createAddressService,
  createCoopService,
  createVerificationService,
} from './modules/accounts';
import { catalogRoutes, createProductService, createStorefrontService } from './modules/catalog';
import { complianceRoutes, createCertificateService, createChatScreen, createClaimRulesService, createClaimsGuard } from './modules/compliance';
import { createFileService, filesRoutes } from './modules/files';
import { createBroadcastService, createLiveService, createRoomService, liveRoutes, srsHookRoutes } from './modules/live';
import { createNotificationService, notificationsRoutes } from './modules/notifications';
import {
  createChatService,
  createMemoryRoomLog,
  createModerationService,
  createRedisRoomLog,
  createRoomFeed,
  createRoomGateway,
  createRoomPolicy,
  roomMetrics,
  roomRoutes,
  roomSocketRoutes,
  userSanctioned,
  type UserSanctioned,
} from './modules/room';
import {
  createPaymentOutbox,
  createPaymentService,
  type RefundInput,
  createSandboxProvider,
  paymentsRoutes,
  paymentWebhookRoutes,
  sandboxPageRoutes,
  type PaymentPorts,
} from './modules/payments';
import {
  checkoutRoutes,
  createCheckoutService,
  createCouponService,
  createFlashSaleService,
  createMemorySaleGate,
  createOrderService,
  createRedisSaleGate,
  salesRoutes,
} from './modules/sales';
import { createLotService, tracePageRoutes, traceRoutes } from './modules/trace';

/** One limiter per slow-mode interval, made the first time a room uses that interval. */
function slowModeLimiters(redis: Redis | undefined, prefix: string) {
  const made = new Map<number, RateLimiter>();
  return (seconds: number) => {
    let limiter = made.get(seconds);
    if (!limiter) {
      limiter = createRateLimiter({ name: `slow-${seconds}`, points: 1, durationSeconds: seconds }, redis, prefix);
      made.set(seconds, limiter);
    }
    return limiter;
  };
}

export interface AppOverrides {
  /** A database the caller owns (tests); otherwise one is opened from config and closed with the app. */
  database?: Database;
  clock?: Clock;
  bus?: Bus;
  /** What payments asks of orders; tests of payments alone pass their own. */
  paymentOrders?: PaymentPorts['orders'];
}

/** The composition root: the only place that knows how the parts fit together. */
export async function buildApp(config: Config, overrides: AppOverrides = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    trustProxy: config.trustProxy,
    bodyLimit: 256 * 1024,
    // Unknown fields are refused rather than silently dropped, so a typo in a client is seen at once.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
    genReqId: () => crypto.randomUUID(),
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();
  const log = app.log as Logger;

  const clock = overrides.clock ?? systemClock;
  const database =
    overrides.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const redis = config.redisUrl ? new Redis(config.redisUrl, { enableOfflineQueue: false, lazyConnect: true }) : undefined;
  if (redis) {
    redis.on('error', (err) => log.warn({ err }, 'redis error'));
    await redis.connect();
  }
  const bus = overrides.bus ?? (config.redisUrl ? await createRedisBus(config.redisUrl, log, config.redisPrefix) : createMemoryBus(log));
  app.addHook('onClose', async () => {
    if (!overrides.bus) await bus.close();
    redis?.disconnect();
    if (!overrides.database) await database.close();
  });

  if (!overrides.database) await database.migrate();

  const db = database.db;
  const accounts = createAccountsService({
    db,
    clock,
    bus,
    log,
    demo: config.demo,
    sessionTtlDays: config.sessionTtlDays,
    sessionCacheMs: config.sessionCacheSeconds * 1000,
    loginLimits: {
      perPhone: createRateLimiter(
        { name: 'login-phone', points: config.loginLimits.failuresPerNumber, durationSeconds: 900, blockSeconds: 900 },
        redis,
        config.redisPrefix,
      ),
      perIp: createRateLimiter(
        { name: 'login-ip', points: config.loginLimits.attemptsPerAddress, durationSeconds: 900 },
        redis,
        config.redisPrefix,
      ),
    },
  });
  const verification = createVerificationService({ db, clock, bus, appSecret: config.appSecret, accounts });
  const addresses = createAddressService({ db, clock });
  const coops = createCoopService({ db, clock, bus });
  const notifications = createNotificationService({ db, clock });
  notifications.subscribeTo(bus);
  const claimRules = createClaimRulesService({ db, clock, bus, log });
  await claimRules.ensureBaseline();
  const files = createFileService({
    db,
    clock,
    store: createLocalDiskStore(path.join(config.dataDir, 'files')),
    maxBytes: config.uploadMaxBytes,
  });
  const certificates = createCertificateService({ db, clock, bus, files });
  const claims = createClaimsGuard({ rules: claimRules, certificates });
  const sellers = {
    assertVerifiedSeller: (actor: { userId: string; roles: Role[] }) => verification.getVerifiedSeller(actor),
    shopNames: (ids: string[]) => verification.shopNames(ids),
  };
  const catalogPorts = { claims, certificates, files, sellers, coops };
  const products = createProductService({ db, clock, bus, ...catalogPorts });
  const storefront = createStorefrontService({ db, ...catalogPorts });
  const lots = createLotService({ db, clock, publicUrl: config.publicUrl, products, storefront, files });
  const media = setUpMedia(config, log);
  const rooms = createRoomService({ db, clock, sellers, media: media.directory });
  const lives = createLiveService({ db, clock, bus, rooms, claims, storefront, files, sellers, media: media.directory });
  const broadcast = createBroadcastService({
    db,
    clock,
    bus,
    log,
    rooms,
    claims,
    media: media.directory,
    retentionDays: config.media.recordingRetentionDays,
  });

  const roomLog = config.redisUrl
    ? await createRedisRoomLog(config.redisUrl, { clock, log, prefix: config.redisPrefix })
    : createMemoryRoomLog(clock);
  const roomPorts = {
    rooms,
    lives,
    storefront,
    lots,
    people: accounts,
    claims,
    chatScreen: createChatScreen({ rules: claimRules, claims }),
  };
  const roomPolicy = createRoomPolicy({ db, clock, bus, rooms });
  const chat = createChatService({
    roomLog,
    policy: roomPolicy,
    chatLimiter: createRateLimiter(
      { name: 'chat', points: config.room.chatLimit.messages, durationSeconds: config.room.chatLimit.perSeconds },
      redis,
      config.redisPrefix,
    ),
    slowModeLimiter: slowModeLimiters(redis, config.redisPrefix),
    ...roomPorts,
  });
  const moderation = createModerationService({ db, clock, bus, roomLog, policy: roomPolicy, ...roomPorts });
  const roomFeed = createRoomFeed({ roomLog, log, lives });
  roomFeed.subscribeTo(bus);
  const gateway = createRoomGateway(
    { roomLog, log, onRoomOpened: (roomId, base) => roomFeed.reconcile(roomId, base) },
    { nodeId: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`, tickMs: config.room.tickMs },
  );
  bus.subscribe(userSanctioned, (event) => {
    const sanction = event.data as UserSanctioned;
    if (sanction.kind === 'lifted') return gateway.tellUser(sanction.roomId, sanction.userId, { t: 'sanction_lifted' });
    const close = sanction.kind === 'ban' ? { code: RoomCloseCode.banned, reason: 'banned' } : undefined;
    gateway.tellUser(sanction.roomId, sanction.userId, { t: 'sanction', kind: sanction.kind, until: sanction.until }, close);
  });
  const paymentOrders: PaymentPorts['orders'] = overrides.paymentOrders ?? { payable: (buyerId, orderIds) => orders.payable(buyerId, orderIds) };
  const sandboxPayments = createSandboxProvider({
    db,
    clock,
    log,
    secret: config.payments.sandbox.secret,
    publicUrl: config.publicUrl,
    notifyPath: '/api/v1/payments/webhooks/sandbox',
    // The sandbox posts its notifications into this node through Fastify itself: the same hooks,
    // parser and handler a provider's request meets, and no listening socket needed (tests).
    deliver: async (url, headers, body) => (await app.inject({ method: 'POST', url, headers, payload: body })).statusCode,
    duplicateRate: config.payments.sandbox.duplicateRate,
    dropRate: config.payments.sandbox.dropRate,
  });
  const payments = createPaymentService({
    db,
    clock,
    log,
    outbox: createPaymentOutbox({ db, bus, clock, log }),
    provider: sandboxPayments,
    orders: paymentOrders,
    publicUrl: config.publicUrl,
  });

  const flashSales = createFlashSaleService({
    db,
    clock,
    bus,
    log,
    gate: redis ? createRedisSaleGate(redis, config.redisPrefix) : createMemorySaleGate(),
    payWithinMs: config.sales.payWithinMinutes * 60_000,
    catalog: products,
    lives,
    addresses,
  });
  // Orders and payments ask each other things; the payments service is made further down.
  const orderPayments = {
    closePending: (orderIds: string[]) => payments.closePending(orderIds),
    refund: (input: RefundInput, key: string) => payments.refund(input, key),
  };
  const orders = createOrderService({ db, clock, bus, log, flashSales, sellers, catalog: products, payments: orderPayments });
  const checkout = createCheckoutService({ db, clock, payWithinMs: config.sales.payWithinMinutes * 60_000, catalog: products, addresses, sellers });
  const coupons = createCouponService({ db, clock });
  bus.subscribe('payment.succeeded', (event) => orders.markPaid(event.data as { paymentId: string; orderIds: string[]; paidAt: string }));

  // Every node runs the timed jobs; each job claims its rows atomically, so none is done twice.
  const jobs = [
    setInterval(() => {
      payments.reconcile().catch((err: unknown) => log.error({ err }, 'payment reconciliation failed'));
    }, config.payments.reconcileIntervalMs),
    setInterval(() => {
      sandboxPayments.deliverDue().catch((err: unknown) => log.error({ err }, 'sandbox notification delivery failed'));
    }, 2_000),
    setInterval(() => {
      certificates.announceExpired().catch((err: unknown) => log.error({ err }, 'certificate expiry job failed'));
    }, 30_000),
    setInterval(() => {
      broadcast.purgeExpiredRecordings().catch((err: unknown) => log.error({ err }, 'recording purge failed'));
    }, 6 * 3_600_000),
    setInterval(() => {
      orders.cancelUnpaid().catch((err: unknown) => log.error({ err }, 'unpaid order cancellation failed'));
      flashSales.endExpired().catch((err: unknown) => log.error({ err }, 'flash sale ending failed'));
    }, 5_000),
    setInterval(() => {
      accounts.purgeExpiredSessions().catch((err: unknown) => log.error({ err }, 'session purge failed'));
    }, 3_600_000),
  ];
  jobs.forEach((job) => job.unref());
  app.addHook('onClose', async () => jobs.forEach((job) => clearInterval(job)));

  if (config.demo) {
    await seedDemoWorld({ accounts, verification, addresses, coops, log });
    await seedDemoCatalog({ accounts, products, certificates, files, lots, clock, log });
  }

  await app.register(fastifyCookie);
  // One WebSocket server for the node: WS-FLV and the room gateway. Viewers send little (chat
  // lines, likes, never media), so a larger frame is refused by closing the socket (1009).
  await app.register(fastifyWebsocket, { options: { maxPayload: clientFrameMaxBytes } });
  registerLocale(app);
  registerErrorHandling(app);
  registerCsrfGuard(app, config.publicUrl);
  registerSessionAuth(app, accounts);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Tiantou 田头 API',
        description: '乡村直播电商开放平台 · Open-source live-stream commerce for the countryside',
        version: '0.1.0',
      },
      servers: [{ url: config.publicUrl }],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tt_session' } } },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(opsRoutes, {
    checks: {
      database: () => database.ping(),
      ...(redis ? { redis: async () => void (await redis.ping()) } : {}),
    },
    metrics: [roomMetrics(gateway)],
  });

  const secure = config.publicUrl.startsWith('https:');
  await app.register(
    async (api) => {
      await api.register(accountsRoutes, {
        accounts,
        verification,
        addresses,
        cookie: { secure, maxAgeSeconds: config.sessionTtlDays * 24 * 3600 },
      });
      await api.register(coopRoutes, { coops });
      await api.register(complianceRoutes, { rules: claimRules, certificates });
      await api.register(catalogRoutes, { products, storefront });
      await api.register(traceRoutes, { lots });
      await api.register(liveRoutes, { lives, rooms, broadcast });
      await api.register(roomRoutes, { moderation });
      await api.register(salesRoutes, { flashSales, orders });
      await api.register(checkoutRoutes, { checkout, coupons, orders });
      await api.register(paymentsRoutes, { payments });
      await api.register(paymentWebhookRoutes, { payments, providers: [sandboxPayments.name] });
      // Only an external media plane may report publishes; the embedded one calls the service itself.
      if (config.media.ingest === 'external' && config.media.hookSecret) {
        await api.register(srsHookRoutes, {
          broadcast,
          secret: config.media.hookSecret,
          publicMediaUrl: config.media.publicMediaUrl ?? config.publicUrl,
        });
      }
      await api.register(notificationsRoutes, { notifications });
      // Limits are set per upload by the routes that read files.
      await api.register(fastifyMultipart);
      await api.register(filesRoutes, { files });
      if (config.demo) await api.register(demoRoutes);
    },
    { prefix: '/api/v1' },
  );

  await app.register(roomSocketRoutes, { gateway, chat, policy: roomPolicy, publicUrl: config.publicUrl });
  // Before the web app, whose fallback would otherwise answer /trace/… with the SPA.
  await app.register(tracePageRoutes, { lots, publicUrl: config.publicUrl });
  await app.register(sandboxPageRoutes, { sandbox: sandboxPayments });
  if (media.routes) await app.register(media.routes, { prefix: '/media' });
  const rtmpPort = await media.start(broadcast);
  const clipFile = findDemoClip();
  const demoBroadcaster =
    config.demo && rtmpPort !== undefined && clipFile
      ? startDemoBroadcaster({ accounts, products, lives, rooms, clock, log, ingestUrl: `rtmp://127.0.0.1:${rtmpPort}/live`, clipFile })
      : undefined;
  const demoAudience = config.demo
    ? startDemoAudience({ accounts, lives, rooms, chat, moderation, roomLog, log })
    : undefined;
  // preClose runs before the onClose hooks close the database, which ending publishers still write to.
  app.addHook('preClose', async () => {
    demoAudience?.stop();
    demoBroadcaster?.stop();
    flashSales.stopTickers();
    await flashSales.idle();
    await sandboxPayments.stop();
    await media.close();
    // Viewers leave the counts and get a clean close before the bus and the database go.
    await gateway.close();
    await roomLog.close();
  });
  await registerWebApp(app, config.webDir);
  return app;
}
