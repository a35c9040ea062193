import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { AddressBody, AddressView } from '../../../contracts/accounts';
import type { ShippingAddress } from '../../../contracts/sales';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { NotOwnerError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import { AddressLimitError, AddressNotFoundError } from './accounts.errors';
import { toAddressView } from './accounts.mappers';
import { addresses } from './accounts.tables';

const maxAddresses = 20;

export type AddressService = ReturnType<typeof createAddressService>;

/** A buyer's address book, down to the village, where parcels and couriers must find them. */
export function createAddressService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function getOwned(tx: Db, userId: string, id: string) {
    const [row] = await tx.select().from(addresses).where(eq(addresses.id, id));
    if (!row) throw new AddressNotFoundError();
    if (row.userId !== userId) throw new NotOwnerError();
    return row;
  }

  const clean = <T extends Partial<AddressBody>>(body: T) => ({
    ...body,
    ...(body.village !== undefined ? { village: body.village.trim() || null } : {}),
  });

  return {
    /** Addresses as they are now, keyed `buyerId:addressId`, for orders to keep a copy of; others' are left out. */
    async snapshots(pairs: Array<{ buyerId: string; addressId: string }>): Promise<Map<string, ShippingAddress>> {
      const ids = [...new Set(pairs.map((p) => p.addressId))];
      if (!ids.length) return new Map();
      const rows = await db.select().from(addresses).where(inArray(addresses.id, ids));
      return new Map(
        rows.map((r) => [
          `${r.userId}:${r.id}`,
          {
            receiverName: r.receiverName,
            receiverPhone: r.receiverPhone,
            province: r.province,
            city: r.city,
            county: r.county,
            township: r.township,
            detail: [r.village, r.detail].filter(Boolean).join(' '),
          },
        ]),
      );
    },

    async list(userId: string): Promise<AddressView[]> {
      const rows = await db
        .select()
        .from(addresses)
        .where(eq(addresses.userId, userId))
        .orderBy(desc(addresses.isDefault), asc(addresses.id));
      return rows.map(toAddressView);
    },

    async create(userId: string, body: AddressBody): Promise<AddressView> {
      return db.transaction(async (tx) => {
        const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(addresses).where(eq(addresses.userId, userId));
        if (n >= maxAddresses) throw new AddressLimitError(maxAddresses);
        // The first address a buyer saves is the one checkout should offer.
        const isDefault = body.isDefault ?? n === 0;
        if (isDefault) await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId));
        const [row] = await tx
          .insert(addresses)
          .values({ village: null, ...clean(body), id: newId('adr'), userId, isDefault, createdAt: clock.now() })
          .returning();
        return toAddressView(row!);
      });
    },

    async update(userId: string, id: string, patch: Partial<AddressBody>): Promise<AddressView> {
      return db.transaction(async (tx) => {
        await getOwned(tx, userId, id);
        if (patch.isDefault) {
          await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId));
        }
        const [row] = await tx
          .update(addresses)
          .set(clean(patch))
          .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
          .returning();
        return toAddressView(row!);
      });
    },

    async remove(userId: string, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        await getOwned(tx, userId, id);
        await tx.delete(addresses).where(eq(addresses.id, id));
      });
    },
  };
}
