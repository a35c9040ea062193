import { Type, type Static } from 'typebox';
import { cursorProperties, Id, Page, ReviewBody, ReviewStatus, Timestamp } from './common';

export const CertificateKind = Type.Union([
  Type.Literal('organic'),
  Type.Literal('green_food'),
  Type.Literal('geo_indication'),
  Type.Literal('sc_licence'),
  Type.Literal('compliance_cert'),
]);
export type CertificateKind = Static<typeof CertificateKind>;

const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const CertificateBody = Type.Object(
  {
    kind: CertificateKind,
    number: Type.String({ minLength: 3, maxLength: 60 }),
    issuer: Type.String({ minLength: 2, maxLength: 80 }),
    validFrom: DateOnly,
    validUntil: DateOnly,
    /** An uploaded scan (image or PDF). */
    fileId: Type.Optional(Type.String({ maxLength: 80 })),
  },
  { additionalProperties: false },
);
export type CertificateBody = Static<typeof CertificateBody>;

export const CertificateStatus = ReviewStatus;

export const CertificateView = Type.Object({
  id: Id,
  sellerId: Id,
  kind: CertificateKind,
  number: Type.String(),
  issuer: Type.String(),
  validFrom: DateOnly,
  validUntil: DateOnly,
  fileId: Type.Union([Type.String(), Type.Null()]),
  status: CertificateStatus,
  reason: Type.Union([Type.String(), Type.Null()]),
  /** Approved and inside its validity dates right now. */
  valid: Type.Boolean(),
  createdAt: Timestamp,
  reviewedAt: Type.Union([Timestamp, Type.Null()]),
});
export type CertificateView = Static<typeof CertificateView>;
export const CertificateList = Type.Object({ items: Type.Array(CertificateView) });

export const CertificateReviewBody = ReviewBody;
export type CertificateReviewBody = ReviewBody;

export const CertificateListQuery = Type.Object(
  { ...cursorProperties, status: Type.Optional(CertificateStatus) },
  { additionalProperties: false },
);
export type CertificateListQuery = Static<typeof CertificateListQuery>;
export const CertificatePage = Page(CertificateView);

const Localized = Type.Object({ zh: Type.String(), en: Type.String() });

export const ClaimViolationView = Type.Object({
  ruleId: Type.String(),
  kind: Type.Union([Type.Literal('absolute'), Type.Literal('medical'), Type.Literal('certified')]),
  start: Type.Integer(),
  end: Type.Integer(),
  text: Type.String(),
  reason: Localized,
  suggestion: Localized,
  certificateKind: Type.Optional(CertificateKind),
  replacement: Type.Optional(Type.String()),
});
export type ClaimViolationView = Static<typeof ClaimViolationView>;

export const ClaimCheckBody = Type.Object(
  {
    text: Type.String({ maxLength: 5000 }),
    /** Judge as a listing would: only these of the seller's certificates back claims. */
    certificateIds: Type.Optional(Type.Array(Id, { maxItems: 10, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export const ClaimCheckResult = Type.Object({
  ruleSetVersion: Type.Integer(),
  violations: Type.Array(ClaimViolationView),
  rewrite: Type.String(),
});
export type ClaimCheckResult = Static<typeof ClaimCheckResult>;

export const ClaimRule = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 60 }),
    kind: Type.Union([Type.Literal('absolute'), Type.Literal('medical'), Type.Literal('certified')]),
    terms: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1, maxItems: 500 }),
    exceptions: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 500 })),
    certificateKind: Type.Optional(CertificateKind),
    reason: Localized,
    suggestion: Localized,
    replacement: Type.Optional(Type.String({ maxLength: 40 })),
    termReplacements: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 40 }))),
  },
  { additionalProperties: false },
);

export const ClaimRuleSetBody = Type.Object(
  {
    rules: Type.Array(ClaimRule, { minItems: 1, maxItems: 200 }),
    note: Type.Optional(Type.String({ maxLength: 200 })),
    /** The version the edit started from; publishing over a newer one is refused. */
    baseVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type ClaimRuleSetBody = Static<typeof ClaimRuleSetBody>;

export const ClaimRuleSetView = Type.Object({
  version: Type.Integer(),
  rules: Type.Array(ClaimRule),
  note: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
});
export type ClaimRuleSetView = Static<typeof ClaimRuleSetView>;

export const ClaimRuleSetVersions = Type.Object({
  items: Type.Array(Type.Object({ version: Type.Integer(), note: Type.Union([Type.String(), Type.Null()]), createdAt: Timestamp, ruleCount: Type.Integer() })),
});
