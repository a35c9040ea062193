import type { Role } from '../../../contracts/accounts';
import type { ProductCard } from '../../../contracts/catalog';
import type { ChatScreen, ClaimsGuard } from '../compliance';

export interface RoomActor {
  userId: string;
  roles: Role[];
}

/** What the room gateway needs from other modules, named by use; app.ts passes the real services. */
export interface RoomPorts {
  rooms: { findById(id: string): Promise<{ id: string; sellerId: string } | undefined> };
  lives: { roomLive(roomId: string): Promise<{ id: string; status: string; productIds: string[] } | undefined> };
  storefront: { cardsByIds(ids: string[]): Promise<Map<string, ProductCard>> };
  lots: { publicLots(productId: string): Promise<Array<{ code: string }>> };
  people: { displayNames(userIds: string[]): Promise<Map<string, string>> };
  claims: ClaimsGuard;
  chatScreen: ChatScreen;
}
