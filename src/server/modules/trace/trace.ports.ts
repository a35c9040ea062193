import type { Role } from '../../../contracts/accounts';
import type { ProductView } from '../../../contracts/catalog';

/** Who acts on lots; routes pass the request's actor, the demo seeder a seller's. */
export interface TraceActor {
  userId: string;
  roles: Role[];
}

export interface StoredFile {
  url: string;
  contentType: string;
  width: number | null;
  height: number | null;
}

type LotFilePurpose = 'lot_photo' | 'inspection_report';

/**
 * What the trace module needs from the catalog and the files module, named by use. app.ts
 * passes the real services; trace never reads their tables.
 */
export interface TracePorts {
  products: {
    /** Throws PRODUCT_NOT_FOUND or NOT_OWNER unless the actor may edit the product (co-ops included). */
    getEditable(actor: TraceActor, productId: string): Promise<{ id: string; sellerId: string; status: string }>;
  };
  storefront: {
    /** The buyer's view of an on-sale product; PRODUCT_NOT_FOUND otherwise. */
    get(productId: string): Promise<ProductView>;
    /** The buyer's view whatever the sale state, certified claims held to today's certificates. */
    getForTrace(productId: string): Promise<ProductView>;
  };
  files: {
    assertUsable(ownerId: string, fileIds: string[], purposes: LotFilePurpose[]): Promise<void>;
    describe(fileIds: string[]): Promise<Map<string, StoredFile>>;
  };
}
