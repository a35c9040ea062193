import { createHmac } from 'node:crypto';
import path from 'node:path';

export interface Config {
  host: string;
  port: number;
  /** Origin the browser sees; used for CSRF origin checks and absolute links. */
  publicUrl: string;
  dataDir: string;
  /** PostgreSQL when set; embedded PGlite under dataDir otherwise. */
  databaseUrl: string | undefined;
  /** Redis carries bus events and rate-limit counters between nodes when set. */
  redisUrl: string | undefined;
  /** Namespaces every Redis key and channel, so deployments (or test runs) can share one Redis. */
  redisPrefix: string;
  /** Seeds and enables the demo world; demo passwords are refused when off. */
  demo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Keys HMACs of ID numbers and other server-side secrets. */
  appSecret: string;
  sessionTtlDays: number;
  /** How long a node answers a session from memory before asking the database again (0: never). */
  sessionCacheSeconds: number;
  /** Failed logins per number and attempts per client address, each per 15 minutes. */
  loginLimits: { failuresPerNumber: number; attemptsPerAddress: number };
  trustProxy: boolean;
  webDir: string;
  /** Largest accepted upload; files are held in memory while they are checked, so keep it modest. */
  uploadMaxBytes: number;
  media: {
    /** `embedded`: this node runs the RTMP ingest; `external`: an SRS cluster calls our hooks. */
    ingest: 'embedded' | 'external';
    rtmpPort: number;
    /** Where players and RTMP publishers reach the media plane; this site when unset. */
    publicMediaUrl: string | undefined;
    /** Host name in the RTMP URL shown to anchors; the host of PUBLIC_URL when unset. */
    rtmpHost: string | undefined;
    hookSecret: string | undefined;
    hls: 'auto' | 'off';
    /** Live-commerce recordings are evidence; three years is the legal minimum. */
    recordingRetentionDays: number;
  };
  sales: {
    /** An unpaid order is cancelled after this long and its stock returns. */
    payWithinMinutes: number;
  };
  payments: {
    /** How often each node asks the provider about payments and refunds left pending. */
    reconcileIntervalMs: number;
    sandbox: {
      /** Signs the sandbox's notifications; derived from APP_SECRET unless set. */
      secret: string;
      /** Share of notifications the sandbox sends twice, as real providers sometimes do. */
      duplicateRate: number;
      /** Share of notifications the sandbox never sends, to exercise reconciliation. */
      dropRate: number;
    };
  };
  room: {
    /** Room events wait this long to go out together; 0 sends each at once (only for comparison). */
    tickMs: number;
    /** Chat lines a user may send per window, across rooms and nodes. */
    chatLimit: { messages: number; perSeconds: number };
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const devSecret = 'tiantou-demo-secret-do-not-use-in-production';

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(`${name} must be a port number between 0 and 65535, got "${raw}"`);
  }
  return value;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

const positiveInt = (env: NodeJS.ProcessEnv, name: string, fallback: number, max: number) => wholeNumber(env, name, fallback, 1, max);

/** "messages/seconds", e.g. "3/3": three lines in any three seconds. */
function chatLimit(env: NodeJS.ProcessEnv): Config['room']['chatLimit'] {
  const raw = env.ROOM_CHAT_LIMIT;
  if (raw === undefined || raw === '') return { messages: 3, perSeconds: 3 };
  const match = /^(\d{1,4})\/(\d{1,4})$/.exec(raw);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new ConfigError(`ROOM_CHAT_LIMIT must look like "3/3" (messages/seconds), got "${raw}"`);
  }
  return { messages: Number(match[1]), perSeconds: Number(match[2]) };
}

function fraction(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new ConfigError(`${name} must be a number from 0 to 1, got "${raw}"`);
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => p + '//').join(' or ')}, got "${parsed.protocol}//"`);
  }
  return raw;
}

/** Reads and validates the environment once at start; no other file reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const p = port(env, 'PORT', 8080);
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const demo = bool(env, 'DEMO', databaseUrl === undefined);
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!logLevels.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const appSecret = env.APP_SECRET ?? (demo ? devSecret : undefined);
  if (appSecret === undefined) throw new ConfigError('APP_SECRET is required when DEMO is off');
  if (appSecret.length < 16) throw new ConfigError('APP_SECRET must be at least 16 characters');
  const ingest = oneOf(env, 'MEDIA_INGEST', ['embedded', 'external'] as const, 'embedded');
  // The hooks start and end lives; without a shared secret anyone could end someone else's live.
  if (ingest === 'external' && !env.MEDIA_HOOK_SECRET) throw new ConfigError('MEDIA_HOOK_SECRET is required when MEDIA_INGEST=external');
  if (env.PAYMENT_SANDBOX_SECRET && env.PAYMENT_SANDBOX_SECRET.length < 16) throw new ConfigError('PAYMENT_SANDBOX_SECRET must be at least 16 characters');
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${p}`;
  return {
    host: env.HOST ?? '0.0.0.0',
    port: p,
    publicUrl: publicUrl.replace(/\/$/, ''),
    dataDir: path.resolve(cwd, env.DATA_DIR ?? 'data'),
    databaseUrl,
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisPrefix: env.REDIS_PREFIX ?? 'tt',
    demo,
    logLevel,
    appSecret,
    sessionTtlDays: positiveInt(env, 'SESSION_TTL_DAYS', 30, 365),
    sessionCacheSeconds: wholeNumber(env, 'SESSION_CACHE_SECONDS', 30, 0, 300),
    loginLimits: {
      failuresPerNumber: positiveInt(env, 'LOGIN_MAX_FAILURES_PER_NUMBER', 5, 1000),
      // Villages share carrier-grade NAT addresses, so the per-address limit is generous.
      attemptsPerAddress: positiveInt(env, 'LOGIN_MAX_ATTEMPTS_PER_ADDRESS', 100, 100_000),
    },
    trustProxy: bool(env, 'TRUST_PROXY', false),
    uploadMaxBytes: positiveInt(env, 'UPLOAD_MAX_BYTES', 10 * 1024 * 1024, 100 * 1024 * 1024),
    webDir: path.resolve(cwd, env.WEB_DIR ?? 'dist/web'),
    media: {
      ingest,
      rtmpPort: port(env, 'RTMP_PORT', 1935),
      publicMediaUrl: url(env, 'PUBLIC_MEDIA_URL', ['http:', 'https:'])?.replace(/\/$/, ''),
      rtmpHost: env.RTMP_HOST || undefined,
      hookSecret: env.MEDIA_HOOK_SECRET || undefined,
      hls: oneOf(env, 'MEDIA_HLS', ['auto', 'off'] as const, 'auto'),
      recordingRetentionDays: positiveInt(env, 'RECORDING_RETENTION_DAYS', 3 * 365, 36_500),
    },
    sales: { payWithinMinutes: positiveInt(env, 'ORDER_PAY_WITHIN_MINUTES', 15, 24 * 60) },
    payments: {
      reconcileIntervalMs: positiveInt(env, 'PAYMENT_RECONCILE_INTERVAL_MS', 30_000, 3_600_000),
      sandbox: {
        secret: env.PAYMENT_SANDBOX_SECRET || createHmac('sha256', appSecret).update('payment-sandbox').digest('hex'),
        duplicateRate: fraction(env, 'PAYMENT_SANDBOX_DUPLICATE_RATE', 0.1),
        dropRate: fraction(env, 'PAYMENT_SANDBOX_DROP_RATE', 0),
      },
    },
    room: { tickMs: wholeNumber(env, 'ROOM_TICK_MS', 100, 0, 1000), chatLimit: chatLimit(env) },
  };
}
