import { Type, type Static } from 'typebox';
import { Id, MobilePhone, Timestamp } from './common';

/** `invited` until the seller accepts; `active` while the co-op manages the seller's products. */
export const CoopMemberStatus = Type.Union([Type.Literal('invited'), Type.Literal('active')]);
export type CoopMemberStatus = Static<typeof CoopMemberStatus>;

export const CoopInviteBody = Type.Object(
  { phone: MobilePhone },
  { additionalProperties: false },
);
export type CoopInviteBody = Static<typeof CoopInviteBody>;

export const CoopMemberParams = Type.Object({ memberId: Id }, { additionalProperties: false });
export type CoopMemberParams = Static<typeof CoopMemberParams>;

export const CoopParams = Type.Object({ coopId: Id }, { additionalProperties: false });
export type CoopParams = Static<typeof CoopParams>;

/** A member as the co-op sees it: the phone is masked, the co-op reaches members through the platform. */
export const CoopMemberView = Type.Object({
  memberId: Id,
  displayName: Type.String(),
  shopName: Type.Union([Type.String(), Type.Null()], { description: '卖家实名认证的店铺名' }),
  maskedPhone: Type.String({ description: '如 139****0001' }),
  status: CoopMemberStatus,
  invitedAt: Timestamp,
  joinedAt: Type.Union([Timestamp, Type.Null()]),
});
export type CoopMemberView = Static<typeof CoopMemberView>;
export const CoopMemberList = Type.Object({ items: Type.Array(CoopMemberView) });
export type CoopMemberList = Static<typeof CoopMemberList>;

/** A co-op as one of its (invited or active) members sees it. */
export const MyCoopView = Type.Object({
  coopId: Id,
  coopName: Type.String({ description: '合作社实名认证的名称' }),
  status: CoopMemberStatus,
  invitedAt: Timestamp,
  joinedAt: Type.Union([Timestamp, Type.Null()]),
});
export type MyCoopView = Static<typeof MyCoopView>;

export const MyCoops = Type.Object({
  invitations: Type.Array(MyCoopView),
  memberships: Type.Array(MyCoopView),
});
export type MyCoops = Static<typeof MyCoops>;
