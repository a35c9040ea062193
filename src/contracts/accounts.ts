import { Type, type Static } from 'typebox';
import { cursorProperties, Id, MobilePhone, Page, ReviewBody, ReviewStatus, Timestamp } from './common';

export const roles = ['buyer', 'seller', 'coop', 'mcn', 'admin', 'regulator'] as const;
export const Role = Type.Union([
  Type.Literal('buyer'),
  Type.Literal('seller'),
  Type.Literal('coop'),
  Type.Literal('mcn'),
  Type.Literal('admin'),
  Type.Literal('regulator'),
]);
export type Role = (typeof roles)[number];

/** Roles a user earns through real-name verification rather than by being appointed. */
export const verifiableRoles = ['seller', 'coop', 'mcn'] as const;
export const VerifiableRole = Type.Union([Type.Literal('seller'), Type.Literal('coop'), Type.Literal('mcn')]);
export type VerifiableRole = (typeof verifiableRoles)[number];

export const LocaleSchema = Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]);

const Password = Type.String({ minLength: 8, maxLength: 128 });
const Name = Type.String({ minLength: 1, maxLength: 40 });

export const RegisterBody = Type.Object(
  { phone: MobilePhone, password: Password, displayName: Name },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const LoginBody = Type.Object(
  { phone: MobilePhone, password: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const VerificationStatus = ReviewStatus;
export type VerificationStatus = ReviewStatus;

export const VerificationView = Type.Object({
  id: Id,
  userId: Id,
  role: VerifiableRole,
  organizationName: Type.String(),
  legalName: Type.String(),
  idNumberLast4: Type.String({ description: '身份证号只保留后四位用于展示' }),
  businessLicenceNo: Type.Union([Type.String(), Type.Null()]),
  status: VerificationStatus,
  reason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  reviewedAt: Type.Union([Timestamp, Type.Null()]),
});
export type VerificationView = Static<typeof VerificationView>;

export const UserView = Type.Object({
  id: Id,
  phone: MobilePhone,
  displayName: Type.String(),
  roles: Type.Array(Role),
  locale: LocaleSchema,
  verifications: Type.Array(VerificationView),
  createdAt: Timestamp,
});
export type UserView = Static<typeof UserView>;

export const UpdateMeBody = Type.Object(
  { displayName: Type.Optional(Name), locale: Type.Optional(LocaleSchema) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMeBody = Static<typeof UpdateMeBody>;

export const VerificationRequestBody = Type.Object(
  {
    role: VerifiableRole,
    organizationName: Type.String({ minLength: 2, maxLength: 60, description: '店铺、合作社或机构名称' }),
    legalName: Type.String({ minLength: 2, maxLength: 30 }),
    idNumber: Type.String({ pattern: '^[0-9]{17}[0-9Xx]$', description: '18 位居民身份证号' }),
    businessLicenceNo: Type.Optional(
      Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: '统一社会信用代码' }),
    ),
  },
  { additionalProperties: false },
);
export type VerificationRequestBody = Static<typeof VerificationRequestBody>;

export const VerificationReviewBody = ReviewBody;
export type VerificationReviewBody = ReviewBody;

export const VerificationListQuery = Type.Object(
  { ...cursorProperties, status: Type.Optional(VerificationStatus) },
  { additionalProperties: false },
);
export type VerificationListQuery = Static<typeof VerificationListQuery>;
export const VerificationPage = Page(VerificationView);

export const AddressBody = Type.Object(
  {
    receiverName: Type.String({ minLength: 1, maxLength: 30 }),
    receiverPhone: MobilePhone,
    province: Type.String({ minLength: 2, maxLength: 20 }),
    city: Type.String({ minLength: 2, maxLength: 20 }),
    county: Type.String({ minLength: 2, maxLength: 20 }),
    township: Type.String({ minLength: 2, maxLength: 30 }),
    village: Type.Optional(Type.String({ maxLength: 30 })),
    detail: Type.String({ minLength: 1, maxLength: 120 }),
    isDefault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type AddressBody = Static<typeof AddressBody>;

export const AddressView = Type.Object({
  id: Id,
  receiverName: Type.String(),
  receiverPhone: MobilePhone,
  province: Type.String(),
  city: Type.String(),
  county: Type.String(),
  township: Type.String(),
  village: Type.Union([Type.String(), Type.Null()]),
  detail: Type.String(),
  isDefault: Type.Boolean(),
  createdAt: Timestamp,
});
export type AddressView = Static<typeof AddressView>;
export const AddressList = Type.Object({ items: Type.Array(AddressView) });

/** Who is browsing: a guest is an answer, not an error, so pages can ask without a 401 in the console. */
export const SessionView = Type.Object({ user: Type.Union([UserView, Type.Null()]) });
export type SessionView = Static<typeof SessionView>;
