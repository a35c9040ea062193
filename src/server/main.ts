import { fork } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { demoPassword, demoPeople } from './demo/demo-world';
import { isInitialised } from './infra/db/database';

/**
 * PGlite's first start runs initdb, which leaves ~800 MB in a WebAssembly heap that never
 * shrinks. Doing it in a short-lived child process gives that memory back to the machine.
 */
async function initialiseEmbeddedDatabase(config: Config) {
  if (config.databaseUrl || (await isInitialised(config.dataDir))) return;
  await mkdir(config.dataDir, { recursive: true });
  console.log(`Creating the embedded database in ${config.dataDir} (first start only)…`);
  await new Promise<void>((resolve, reject) => {
    const child = fork(new URL(import.meta.url), ['--init-db'], { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`database initialisation failed (${code})`))));
  });
}

async function initDbOnly(config: Config) {
  const { openDatabase } = await import('./infra/db/database');
  const database = await openDatabase({ dataDir: config.dataDir });
  await database.migrate();
  await database.close();
}

async function start() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exitCode = 1;
      return;
    }
    throw err;
  }
  if (process.argv.includes('--init-db')) return initDbOnly(config);

  await initialiseEmbeddedDatabase(config);
  const app = await buildApp(config);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    // A stuck request must not keep a stopped node alive forever.
    setTimeout(() => {
      app.log.error('shutdown timed out');
      process.exit(1);
    }, 15_000).unref();
    await app.close();
    app.log.info('bye');
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  const lines = [
    '',
    `  田头 Tiantou is running at ${config.publicUrl}`,
    `  API docs: ${config.publicUrl}/api/docs`,
    `  Database: ${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`}; bus: ${config.redisUrl ? 'Redis' : 'in-process'}`,
  ];
  if (config.demo) {
    lines.push(`  Demo accounts (password ${demoPassword}):`);
    for (const p of demoPeople) lines.push(`    ${p.phone}  ${p.displayName}  ${p.description.en}`);
  }
  console.log(lines.join('\n') + '\n');
}

start().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
