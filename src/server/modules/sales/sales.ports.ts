import type { Role } from '../../../contracts/accounts';
import type { ShippingAddress } from '../../../contracts/sales';

export interface SalesActor {
  userId: string;
  roles: Role[];
}

export interface SkuFacts {
  skuId: string;
  productId: string;
  sellerId: string;
  title: string;
  skuName: string;
  priceFen: number;
  onSale: boolean;
}

/** What sales needs from other modules, named by use; app.ts passes the real services. */
export interface SalesPorts {
  catalog: {
    skuFacts(skuId: string): Promise<SkuFacts | undefined>;
    /** Takes units out of a SKU's stock; false when there are not that many. */
    takeStock(skuId: string, quantity: number): Promise<boolean>;
    returnStock(skuId: string, quantity: number): Promise<void>;
  };
  lives: {
    /** The live's room and products, if it is this seller's. */
    ownedLive(sellerId: string, liveId: string): Promise<{ id: string; roomId: string; status: string; productIds: string[] } | undefined>;
  };
  addresses: {
    /** The addresses among `ids` that belong to their buyer, as they are now. */
    snapshots(pairs: Array<{ buyerId: string; addressId: string }>): Promise<Map<string, ShippingAddress>>;
  };
  sellers: { shopNames(ids: string[]): Promise<Map<string, string>> };
}

/** What orders need of payments; bound late in app.ts, as payments also asks orders what is payable. */
export interface OrderPayments {
  /** Closes open payments of cancelled orders at the provider. */
  closePending(orderIds: string[]): Promise<unknown>;
  refund(input: { paymentId: string; orderId: string; amountFen: number; reason: string }, idempotencyKey: string): Promise<unknown>;
}
