import type { Origin, ProductBody, ProductCategory, SellerProductView } from '../../../../contracts/catalog';
import type { ApiError } from '../../../lib/api-client';
import { fenToYuanText, yuanToFen } from '../../../lib/money';

export interface PhotoValue {
  id: string;
  url: string;
}

export interface SkuFormRow {
  /** Kept from the stored SKU so the server updates it instead of retiring it. */
  id?: string;
  name: string;
  /** Typed in yuan, as sellers think of prices; turned into integer fen only when sent. */
  priceYuan: string;
  stock: number | null;
}

export interface ProductFormValues {
  title: string;
  category: ProductCategory | undefined;
  description: string;
  images: PhotoValue[];
  origin: {
    province: string;
    city: string;
    county: string;
    township: string;
    village: string;
    latitude: number | null;
    longitude: number | null;
  };
  shelfLifeDays: number | null;
  storage: string;
  perishable: boolean;
  weightGrams: number | null;
  certificateIds: string[];
  skus: SkuFormRow[];
}

export const emptySku: SkuFormRow = { name: '', priceYuan: '', stock: null };

const emptyOrigin: ProductFormValues['origin'] = {
  province: '',
  city: '',
  county: '',
  township: '',
  village: '',
  latitude: null,
  longitude: null,
};

function originValues(origin: Origin): ProductFormValues['origin'] {
  return {
    province: origin.province,
    city: origin.city,
    county: origin.county,
    township: origin.township ?? '',
    village: origin.village,
    latitude: origin.latitude ?? null,
    longitude: origin.longitude ?? null,
  };
}

/** A blank listing; the origin is copied from the shop's latest product, since most farms sell from one place. */
export function newProductValues(originFrom?: Origin): ProductFormValues {
  return {
    title: '',
    category: undefined,
    description: '',
    images: [],
    origin: originFrom ? originValues(originFrom) : emptyOrigin,
    shelfLifeDays: null,
    storage: '',
    perishable: false,
    weightGrams: null,
    certificateIds: [],
    skus: [{ ...emptySku }],
  };
}

export function productValues(product: SellerProductView): ProductFormValues {
  return {
    title: product.title,
    category: product.category,
    description: product.description,
    images: product.images.map((image) => ({ id: image.id, url: image.url })),
    origin: originValues(product.origin),
    shelfLifeDays: product.shelfLifeDays,
    storage: product.storage,
    perishable: product.perishable,
    weightGrams: product.weightGrams,
    certificateIds: [...product.certificateIds],
    skus: product.skus.map((sku) => ({ id: sku.id, name: sku.name, priceYuan: fenToYuanText(sku.priceFen), stock: sku.stock })),
  };
}

/** The request body; form validation has already ensured every required value is there. */
export function toProductBody(values: ProductFormValues, sellerId: string | undefined): ProductBody {
  const { origin } = values;
  const township = origin.township.trim();
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    category: values.category!,
    imageIds: values.images.map((image) => image.id),
    origin: {
      province: origin.province.trim(),
      city: origin.city.trim(),
      county: origin.county.trim(),
      ...(township ? { township } : {}),
      village: origin.village.trim(),
      ...(origin.latitude !== null && origin.longitude !== null ? { latitude: origin.latitude, longitude: origin.longitude } : {}),
    },
    shelfLifeDays: values.shelfLifeDays!,
    storage: values.storage.trim(),
    perishable: values.perishable,
    weightGrams: values.weightGrams!,
    certificateIds: values.certificateIds,
    skus: values.skus.map((sku) => ({
      ...(sku.id ? { id: sku.id } : {}),
      name: sku.name.trim(),
      // Integer fen on the wire; never a float.
      priceFen: yuanToFen(sku.priceYuan),
      stock: sku.stock!,
    })),
    ...(sellerId ? { sellerId } : {}),
  };
}

export type FormPath = (string | number)[];

/** `/skus/0/priceFen` → `['skus', 0, 'priceYuan']`: where the form shows what the server refused. */
export function formPathOf(pointer: string): FormPath | undefined {
  const parts = pointer.replace(/^\//, '').split('/').filter(Boolean);
  const [head, ...rest] = parts;
  switch (head) {
    case 'title':
    case 'description':
    case 'category':
    case 'shelfLifeDays':
    case 'storage':
    case 'perishable':
    case 'weightGrams':
    case 'certificateIds':
      return [head];
    case 'imageIds':
      return ['images'];
    case 'origin': {
      const key = rest[0];
      // A missing place names only the object; point at the village, the one most often left out.
      return key ? ['origin', key] : ['origin', 'village'];
    }
    case 'skus': {
      const index = Number(rest[0]);
      if (!Number.isInteger(index)) return ['skus'];
      const key = rest[1] === 'priceFen' ? 'priceYuan' : rest[1];
      return key ? ['skus', index, key] : ['skus', index, 'name'];
    }
    default:
      return undefined;
  }
}

export interface MappedErrors {
  fields: Array<{ name: FormPath; errors: string[] }>;
  /** Field errors the form has no input for; shown with the top message instead of dropped. */
  unplaced: string[];
}

/** Groups the server's field errors by form input; each input gets every message aimed at it. */
export function mapServerErrors(error: ApiError): MappedErrors {
  const byPath = new Map<string, { name: FormPath; errors: string[] }>();
  const unplaced: string[] = [];
  for (const field of error.fields) {
    const name = formPathOf(field.path);
    // Schema errors say per field what is wrong; a domain error's field message names the span and reason.
    const message = field.message || error.message;
    if (!name) {
      unplaced.push(field.path ? `${field.path}: ${message}` : message);
      continue;
    }
    const key = name.join('.');
    const entry = byPath.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(message)) entry.errors.push(message);
    byPath.set(key, entry);
  }
  return { fields: [...byPath.values()], unplaced };
}
