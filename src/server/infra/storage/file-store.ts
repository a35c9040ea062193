import type { Readable } from 'node:stream';

/**
 * Where uploaded bytes live. Keys are opaque; an adapter for an object store (or a shared
 * volume) is what lets several nodes serve the same files.
 */
export interface FileStore {
  /** Stores the bytes whole or not at all. */
  put(key: string, data: Buffer): Promise<void>;
  /** Throws when the key does not exist, before any byte is streamed. */
  read(key: string): Promise<Readable>;
  /** Succeeds when the key is already gone. */
  remove(key: string): Promise<void>;
}
