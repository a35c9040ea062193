import type { Role } from '../../../contracts/accounts';
import type { ProductCard } from '../../../contracts/catalog';
import type { Playback } from '../../../contracts/live';
import type { ClaimsGuard } from '../compliance';

export interface LiveActor {
  userId: string;
  roles: Role[];
}

/** What the live module needs of the media plane, embedded or external (SRS + CDN). */
export interface MediaDirectory {
  ingest: 'embedded' | 'external';
  /** What OBS calls “Server”, e.g. rtmp://host:1935/live */
  ingestServer: string;
  playback(roomId: string): Playback;
  /** Viewers of the video on this node (the room gateway counts the whole room). */
  viewers(roomId: string): number;
  /** Drops the publisher, if this node has it. */
  kick(roomId: string): boolean;
  removeRecording(file: string): Promise<void>;
}

/** What the live module needs from other modules, named by use; app.ts passes the real services. */
export interface LivePorts {
  claims: ClaimsGuard;
  storefront: { cardsByIds(ids: string[]): Promise<Map<string, ProductCard>> };
  files: {
    assertUsable(ownerId: string, fileIds: string[], purposes: Array<'cover'>): Promise<void>;
    describe(fileIds: string[]): Promise<Map<string, { url: string }>>;
  };
  sellers: {
    assertVerifiedSeller(actor: LiveActor): Promise<unknown>;
    shopNames(userIds: string[]): Promise<Map<string, string>>;
  };
  media: MediaDirectory;
}
