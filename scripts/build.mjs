// Builds what `npm start` needs, skipping parts whose sources have not changed since the last
// build, so a restart is quick. `--force` rebuilds everything.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const force = process.argv.includes('--force');

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach((p) => visit(path.join(root, p)));
  return newest;
}

function stale(output, sources) {
  const out = path.join(root, output);
  return force || !existsSync(out) || statSync(out).mtimeMs < newestMtime(sources);
}

const shared = ['src/contracts', 'package-lock.json'];

if (stale('dist/web/index.html', ['src/web', 'vite.config.ts', ...shared])) {
  console.log('Building the web app…');
  const vite = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
}

if (stale('dist/server/main.js', ['src/server', ...shared])) {
  console.log('Building the server…');
  await build({
    entryPoints: [path.join(root, 'src/server/main.ts')],
    outfile: path.join(root, 'dist/server/main.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
