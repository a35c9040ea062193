import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { eq, inArray } from 'drizzle-orm';
import type { Role } from '../../../contracts/accounts';
import type { FilePurpose, FileView } from '../../../contracts/files';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { UnauthenticatedError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import type { FileStore } from '../../infra/storage/file-store';
import { prepareContent } from './file-content';
import { FileNotFoundError, FileNotUsableError, UploadMissingFileError, UploadTooLargeError } from './files.errors';
import { files } from './files.tables';

type Row = typeof files.$inferSelect;

/** Identity documents and dispute evidence are for the owner and the people who review them. */
const privatePurposes = new Set<string>(['certificate_scan', 'evidence']);
const privateReaders: Role[] = ['admin', 'regulator'];

export interface Viewer {
  userId: string;
  roles: readonly Role[];
}

export interface OpenedFile {
  contentType: string;
  bytes: number;
  isPublic: boolean;
  stream: Readable;
}

export type FileService = ReturnType<typeof createFileService>;

/** Uploaded images and documents: checked, cleaned, stored, and handed out to those allowed to see them. */
export function createFileService(deps: { db: Db; clock: Clock; store: FileStore; maxBytes: number }) {
  const { db, clock, store, maxBytes } = deps;

  const toView = (row: Row): FileView => ({
    id: row.id,
    purpose: row.purpose as FilePurpose,
    contentType: row.contentType,
    bytes: row.bytes,
    width: row.width,
    height: row.height,
    url: `/api/v1/files/${row.id}`,
    createdAt: row.createdAt.toISOString(),
  });

  return {
    /** The routes stop reading an upload here, so the limit has one source. */
    maxBytes,

    async upload(ownerId: string, purpose: FilePurpose, data: Buffer): Promise<FileView> {
      if (data.length === 0) throw new UploadMissingFileError();
      if (data.length > maxBytes) throw new UploadTooLargeError(maxBytes);
      const content = await prepareContent(purpose, data);
      const storageKey = randomBytes(16).toString('hex');
      await store.put(storageKey, content.data);
      try {
        const [row] = await db
          .insert(files)
          .values({
            id: newId('fil'),
            ownerId,
            purpose,
            contentType: content.contentType,
            bytes: content.data.length,
            width: content.width,
            height: content.height,
            sha256: createHash('sha256').update(content.data).digest('hex'),
            storageKey,
            createdAt: clock.now(),
          })
          .returning();
        return toView(row!);
      } catch (err) {
        // Bytes without a row would be unreachable forever.
        await store.remove(storageKey).catch(() => undefined);
        throw err;
      }
    },

    /** Private files answer "not found" to everyone but their readers, so their existence is not leaked. */
    async open(viewer: Viewer | null, id: string): Promise<OpenedFile> {
      const [row] = await db.select().from(files).where(eq(files.id, id));
      if (!row) throw new FileNotFoundError();
      const isPublic = !privatePurposes.has(row.purpose);
      if (!isPublic) {
        if (!viewer) throw new UnauthenticatedError();
        const mayRead = viewer.userId === row.ownerId || viewer.roles.some((role) => privateReaders.includes(role));
        if (!mayRead) throw new FileNotFoundError();
      }
      return { contentType: row.contentType, bytes: row.bytes, isPublic, stream: await store.read(row.storageKey) };
    },

    async describe(ids: string[]): Promise<Map<string, FileView>> {
      if (!ids.length) return new Map();
      const rows = await db.select().from(files).where(inArray(files.id, [...new Set(ids)]));
      return new Map(rows.map((row) => [row.id, toView(row)]));
    },

    /** For modules that attach files: each must exist, be the caller's own, and have been uploaded for one of these purposes. */
    async assertUsable(ownerId: string, fileIds: string[], purposes: FilePurpose[]): Promise<void> {
      if (!fileIds.length) return;
      const rows = await db
        .select({ id: files.id, ownerId: files.ownerId, purpose: files.purpose })
        .from(files)
        .where(inArray(files.id, [...new Set(fileIds)]));
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const id of fileIds) {
        const row = byId.get(id);
        if (!row || row.ownerId !== ownerId || !purposes.includes(row.purpose as FilePurpose)) throw new FileNotUsableError(id);
      }
    },
  };
}
