import type { Role } from '../../../contracts/accounts';
import type { CertificateKind } from '../../../contracts/compliance';
import type { CertificateService, ClaimsGuard } from '../compliance';

/** Who acts on the catalog; routes pass the request's actor. */
export interface CatalogActor {
  userId: string;
  roles: Role[];
}

export interface StoredImage {
  url: string;
}

/**
 * What the catalog needs from other modules, named by use. app.ts passes the real services;
 * the catalog never reads their tables.
 */
export interface CatalogPorts {
  claims: ClaimsGuard;
  certificates: Pick<CertificateService, 'assertOwned' | 'validBySeller'>;
  files: {
    assertUsable(ownerId: string, fileIds: string[], purposes: Array<'product_image'>): Promise<void>;
    describe(fileIds: string[]): Promise<Map<string, StoredImage>>;
  };
  sellers: {
    assertVerifiedSeller(actor: CatalogActor): Promise<unknown>;
    shopNames(userIds: string[]): Promise<Map<string, string>>;
  };
  coops: { manages(coopId: string, sellerId: string): Promise<boolean> };
}

export type ValidKinds = ReadonlySet<CertificateKind>;
