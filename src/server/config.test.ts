import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('config', () => {
  it('starts a laptop node with no settings: embedded database, demo world, port 8080', () => {
    const config = loadConfig({}, '/srv/tiantou');
    expect(config).toMatchObject({ port: 8080, demo: true, dataDir: '/srv/tiantou/data', databaseUrl: undefined, publicUrl: 'http://localhost:8080' });
  });

  it('turns the demo off when pointed at PostgreSQL, and then wants a real secret', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/tiantou' })).toThrow('APP_SECRET is required when DEMO is off');
    const config = loadConfig({ DATABASE_URL: 'postgres://db/tiantou', APP_SECRET: 'a-long-enough-secret' });
    expect(config.demo).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a port number between 0 and 65535, got "eighty"'],
    [{ PORT: '70000' }, 'PORT must be a port number'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL must start with postgres:// or postgresql://'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL is not a valid URL'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL must start with http:// or https://'],
    [{ DEMO: 'maybe' }, 'DEMO must be true or false'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ SESSION_TTL_DAYS: '0' }, 'SESSION_TTL_DAYS must be a whole number from 1 to 365'],
    [{ MEDIA_INGEST: 'srs' }, 'MEDIA_INGEST must be one of embedded, external'],
    [{ MEDIA_INGEST: 'external' }, 'MEDIA_HOOK_SECRET is required when MEDIA_INGEST=external'],
    [{ RECORDING_RETENTION_DAYS: '-1' }, 'RECORDING_RETENTION_DAYS must be a whole number'],
    [{ PAYMENT_SANDBOX_DROP_RATE: '2' }, 'PAYMENT_SANDBOX_DROP_RATE must be a number from 0 to 1'],
    [{ PAYMENT_SANDBOX_SECRET: 'short' }, 'PAYMENT_SANDBOX_SECRET must be at least 16 characters'],
  ])('explains a bad value in one line: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
