import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { FileStore } from './file-store';

const keyPattern = /^[A-Za-z0-9_-]{8,100}$/;

/** Files under `<rootDir>/<first two characters of the key>/<key>`, so no directory grows huge. */
export function createLocalDiskStore(rootDir: string): FileStore {
  const pathOf = (key: string) => {
    // Keys come from the service, but a key that could climb out of rootDir is refused anyway.
    if (!keyPattern.test(key)) throw new Error(`invalid storage key "${key}"`);
    return path.join(rootDir, key.slice(0, 2), key);
  };

  return {
    async put(key, data) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      // Written and flushed under a temporary name, then renamed: a crash leaves a stray .tmp, never half a file.
      const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } catch (err) {
        await handle.close();
        await rm(temp, { force: true });
        throw err;
      }
      await handle.close();
      await rename(temp, target);
    },

    async read(key) {
      const handle = await open(pathOf(key), 'r');
      return handle.createReadStream();
    },

    async remove(key) {
      await unlink(pathOf(key)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    },
  };
}
