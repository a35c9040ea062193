import { Type, type Static } from 'typebox';
import { CertificateBadge, Origin, ProductCategory } from './catalog';
import { Id, Timestamp } from './common';

/**
 * A lot code as printed on packaging: a two-letter series, the harvest year, a dash and six
 * characters of Crockford base32 (no I, L, O or U), e.g. `XY26-7K3M9Q`. Lookups also accept
 * lower case and the look-alikes a person may type from a label (O for 0, I or L for 1).
 */
export const lotCodePattern = '^[0-9A-HJKMNP-TV-Z]{2}[0-9]{2}-[0-9A-HJKMNP-TV-Z]{6}$';
export const LotCode = Type.String({ pattern: lotCodePattern, description: '批次码，如 XY26-7K3M9Q' });

/** The series letters in front of the year: a brand's initials such as XY (信阳); TT when none is chosen. */
export const LotCodePrefix = Type.String({ pattern: '^[A-HJKMNP-TV-Z]{2}$', description: '批次码前缀（两个字母，不含 I L O U）' });

export const LotUnit = Type.Union([
  Type.Literal('kg'),
  Type.Literal('jin'),
  Type.Literal('g'),
  Type.Literal('t'),
  Type.Literal('box'),
  Type.Literal('bag'),
  Type.Literal('can'),
  Type.Literal('piece'),
  Type.Literal('basket'),
]);
export type LotUnit = Static<typeof LotUnit>;
export { lotEventKindNames, lotEventKinds, lotUnitNames, lotUnits } from './trace-names';

export const LotEventKind = Type.Union([
  Type.Literal('planting'),
  Type.Literal('picking'),
  Type.Literal('processing'),
  Type.Literal('packing'),
  Type.Literal('inspection'),
  Type.Literal('other'),
]);
export type LotEventKind = Static<typeof LotEventKind>;

const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
/** Two decimals at most: 12.5 斤, 0.25 t. */
const Quantity = Type.Number({ exclusiveMinimum: 0, maximum: 10_000_000, description: '数量，最多两位小数' });

export const LotBody = Type.Object(
  {
    productId: Id,
    harvestDate: DateOnly,
    quantity: Quantity,
    unit: LotUnit,
    note: Type.Optional(Type.String({ maxLength: 500 })),
    codePrefix: Type.Optional(LotCodePrefix),
  },
  { additionalProperties: false },
);
export type LotBody = Static<typeof LotBody>;

export const LotEventBody = Type.Object(
  {
    kind: LotEventKind,
    occurredAt: Timestamp,
    place: Type.String({ maxLength: 100, default: '' }),
    /** A person's name or a team, as the farmer writes it: 程师傅、村茶叶合作社炒制组. */
    who: Type.String({ maxLength: 60, default: '' }),
    notes: Type.String({ maxLength: 1000, default: '' }),
    /** Uploaded `lot_photo` files. */
    photoIds: Type.Array(Id, { maxItems: 9, uniqueItems: true, default: [] }),
    /** Uploaded `inspection_report` files (images or PDF); inspection events only. */
    reportIds: Type.Array(Id, { maxItems: 5, uniqueItems: true, default: [] }),
  },
  { additionalProperties: false },
);
export type LotEventBody = Static<typeof LotEventBody>;

export const LotFileView = Type.Object({
  id: Id,
  url: Type.String(),
  contentType: Type.String(),
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
});
export type LotFileView = Static<typeof LotFileView>;

export const LotEventView = Type.Object({
  id: Id,
  kind: LotEventKind,
  occurredAt: Timestamp,
  place: Type.String(),
  who: Type.String(),
  notes: Type.String(),
  photos: Type.Array(LotFileView),
  reports: Type.Array(LotFileView),
});
export type LotEventView = Static<typeof LotEventView>;

/** Where a lot's public page, QR images and label sheet are, relative to the site. */
export const LotLinks = Type.Object({
  /** Absolute: what the QR code encodes. */
  traceUrl: Type.String(),
  qrSvg: Type.String(),
  qrPng: Type.String(),
});

export const LotView = Type.Object({
  id: Id,
  code: LotCode,
  productId: Id,
  sellerId: Id,
  harvestDate: DateOnly,
  quantity: Type.Number(),
  unit: LotUnit,
  note: Type.String(),
  eventCount: Type.Integer(),
  links: LotLinks,
  createdAt: Timestamp,
});
export type LotView = Static<typeof LotView>;

export const LotDetail = Type.Object({ ...LotView.properties, events: Type.Array(LotEventView) });
export type LotDetail = Static<typeof LotDetail>;

export const LotList = Type.Object({ items: Type.Array(LotView) });
export type LotList = Static<typeof LotList>;

export const SellerLotListQuery = Type.Object({ productId: Type.Optional(Id) }, { additionalProperties: false });
export type SellerLotListQuery = Static<typeof SellerLotListQuery>;

export const LotEventParams = Type.Object({ id: Id, eventId: Id }, { additionalProperties: false });

export const LotLabelsQuery = Type.Object(
  {
    count: Type.Integer({ minimum: 1, maximum: 240, default: 24, description: '标签数量，每张 A4 纸 24 枚' }),
    /** The console's language; a link opened in a new tab carries only the browser's own Accept-Language. */
    lang: Type.Optional(Type.Union([Type.Literal('zh'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);

/** Any text may come in a URL: an unknown or mistyped code answers LOT_NOT_FOUND, not a schema error. */
export const TraceCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });

export const TraceQrQuery = Type.Object(
  { size: Type.Optional(Type.Integer({ minimum: 128, maximum: 2048, default: 600, description: 'PNG 边长（像素）' })) },
  { additionalProperties: false },
);

/**
 * Open on purpose: messengers append their own parameters to shared links (WeChat adds
 * `from=singlemessage`), and a scanned label must never answer with a schema error.
 */
export const TracePageQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });

/** What a buyer who scanned a parcel reads. */
export const TraceView = Type.Object({
  lot: Type.Object({
    code: LotCode,
    harvestDate: DateOnly,
    quantity: Type.Number(),
    unit: LotUnit,
    note: Type.String(),
  }),
  product: Type.Object({
    id: Id,
    /** With claims whose certificate has lapsed already withdrawn. */
    title: Type.String(),
    category: ProductCategory,
    sellerId: Id,
    sellerName: Type.String(),
    coverUrl: Type.Union([Type.String(), Type.Null()]),
    origin: Origin,
    certificates: Type.Array(CertificateBadge),
  }),
  events: Type.Array(LotEventView),
  links: LotLinks,
});
export type TraceView = Static<typeof TraceView>;

/** The lots behind an on-sale product, newest harvest first, for the badge on its page. */
export const PublicLotList = Type.Object({
  items: Type.Array(Type.Object({ code: LotCode, harvestDate: DateOnly })),
});
export type PublicLotList = Static<typeof PublicLotList>;
