import { Type, type Static, type TSchema } from 'typebox';

/** Opaque, time-sortable identifier such as `usr_01JD…`: a short prefix and a ULID. */
export const idPattern = '^[a-z]{2,4}_[0-9A-HJKMNP-TV-Z]{26}$';
export const Id = Type.String({ minLength: 1, maxLength: 40, pattern: idPattern });

/** ISO-8601 UTC timestamp on the wire. */
export const Timestamp = Type.String({ format: 'date-time' });

/** Mainland China mobile number, 11 digits starting with 1[3-9]. */
export const MobilePhone = Type.String({ pattern: '^1[3-9][0-9]{9}$', description: '中国大陆手机号' });

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

export const Ok = Type.Object({ ok: Type.Literal(true) });

/** Keyset pagination: spread into a query object so it stays one closed schema. */
export const cursorProperties = {
  cursor: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};

export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  });
}

/** An admin's decision on something submitted for review; a rejection must say why. */
export const ReviewBody = Type.Union([
  Type.Object({ decision: Type.Literal('approve') }, { additionalProperties: false }),
  Type.Object(
    { decision: Type.Literal('reject'), reason: Type.String({ minLength: 2, maxLength: 200 }) },
    { additionalProperties: false },
  ),
]);
export type ReviewBody = Static<typeof ReviewBody>;

export const ReviewStatus = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]);
export type ReviewStatus = Static<typeof ReviewStatus>;
