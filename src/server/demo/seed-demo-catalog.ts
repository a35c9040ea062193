import type { Logger } from 'pino';
import type { AccountsService } from '../modules/accounts';
import type { ProductService } from '../modules/catalog';
import type { CertificateService } from '../modules/compliance';
import type { FileService } from '../modules/files';
import type { LotService } from '../modules/trace';
import { chinaDateOf, chinaInstant } from '../infra/china-time';
import type { Clock } from '../infra/clock';
import { demoShops, type DemoLot } from './demo-catalog';
import { demoPhoto } from './demo-images';
import { demoPeople } from './demo-world';

export interface DemoCatalogDeps {
  accounts: AccountsService;
  products: ProductService;
  certificates: CertificateService;
  files: FileService;
  lots: LotService;
  clock: Clock;
  log: Logger;
}

const dayMs = 24 * 3600 * 1000;
/** Eight in the morning in China, `daysAgo` days back: when farm work is logged. */
const chinaMorning = (now: Date, daysAgo: number): Date => chinaInstant(chinaDateOf(new Date(now.getTime() - daysAgo * dayMs)), '08:00:00');

/**
 * Lists the demo shops' products through the seller's own path: certificates submitted and
 * approved, photos uploaded, listings checked for banned claims, then put on sale, each with a
 * lot and its timeline. A shop that
 * already has products is left alone, so a restart changes nothing.
 */
export async function seedDemoCatalog(deps: DemoCatalogDeps): Promise<{ listed: number; productIds: Map<string, string> }> {
  const { accounts, products, certificates, files, lots, clock, log } = deps;

  async function recordLot(actor: { userId: string; roles: Awaited<ReturnType<AccountsService['getRoles']>> }, productId: string, lot: DemoLot) {
    const now = clock.now();
    const created = await lots.createLot(actor, {
      productId,
      harvestDate: chinaDateOf(chinaMorning(now, lot.harvestDaysAgo)),
      quantity: lot.quantity,
      unit: lot.unit,
      codePrefix: lot.prefix,
      ...(lot.note ? { note: lot.note } : {}),
    });
    for (const event of [...lot.events].sort((a, b) => b.daysAgo - a.daysAgo)) {
      const photoIds = event.photo ? [(await files.upload(actor.userId, 'lot_photo', await demoPhoto(event.photo))).id] : [];
      await lots.addEvent(actor, created.id, {
        kind: event.kind,
        occurredAt: chinaMorning(now, event.daysAgo).toISOString(),
        place: event.place,
        who: event.who,
        notes: event.notes,
        photoIds,
        reportIds: [],
      });
    }
  }
  const adminPhone = demoPeople.find((p) => p.roles.includes('admin'))!.phone;
  const adminId = await accounts.findUserIdByPhone(adminPhone);
  const productIds = new Map<string, string>();
  let listed = 0;
  if (!adminId) return { listed, productIds };

  for (const shop of demoShops) {
    const sellerId = await accounts.findUserIdByPhone(shop.sellerPhone);
    if (!sellerId) continue;
    const actor = { userId: sellerId, roles: await accounts.getRoles(sellerId) };
    const existing = await products.list(actor, {});
    if (existing.length) {
      for (const product of existing) productIds.set(product.title, product.id);
      continue;
    }
    const certificateIds = new Map<string, string>();
    for (const { key, ...body } of shop.certificates) {
      const submitted = await certificates.submit(sellerId, body);
      await certificates.review(adminId, submitted.id, { decision: 'approve' });
      certificateIds.set(key, submitted.id);
    }
    for (const item of shop.products) {
      const image = await files.upload(sellerId, 'product_image', await demoPhoto(item.motif));
      const product = await products.create(
        actor,
        {
          title: item.title,
          description: item.description,
          category: item.category,
          imageIds: [image.id],
          origin: item.origin,
          shelfLifeDays: item.shelfLifeDays,
          storage: item.storage,
          perishable: item.perishable,
          weightGrams: item.weightGrams,
          certificateIds: (item.certificates ?? []).map((key) => certificateIds.get(key)!),
          skus: item.skus,
        },
        'zh-CN',
      );
      await products.publish(actor, product.id, 'zh-CN');
      if (item.salesHint) await products.addSales(product.id, item.salesHint);
      await recordLot(actor, product.id, item.lot);
      productIds.set(item.title, product.id);
      listed++;
    }
  }
  if (listed) log.info({ listed }, 'demo catalog listed');
  return { listed, productIds };
}
