import { useSearchParams } from 'react-router';
import type { CoopMemberView } from '../../../../contracts/coop';
import { useMe } from '../../../lib/auth/get-me';
import { latestVerification } from '../../../lib/verifications';
import { useCoopMembers } from '../api/list-coop-members';

/** The URL parameter naming the member shop a co-op account is working on; absent = its own shop. */
export const sellerParam = 'seller';

export interface ActingSeller {
  /** What the API takes as `sellerId`: undefined when the account works on its own shop. */
  sellerId: string | undefined;
  shopName: string;
}

/**
 * Whose products the console shows. A seller manages their own shop; a co-op account may also
 * manage each active member's shop, chosen in the member picker and kept in the URL so a
 * reload or a shared link opens the same shop.
 */
export function useActingSeller() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const user = me.data ?? undefined;
  const isSeller = user?.roles.includes('seller') ?? false;
  const isCoop = user?.roles.includes('coop') ?? false;
  const members = useCoopMembers(isCoop);
  const activeMembers: CoopMemberView[] = (members.data ?? []).filter((m) => m.status === 'active');

  const ownShopName = user ? (latestVerification(user, 'seller')?.organizationName ?? user.displayName) : '';
  const requested = params.get(sellerParam) ?? undefined;
  const member = requested ? activeMembers.find((m) => m.memberId === requested) : undefined;
  // A co-op without a shop of its own starts on its first member.
  const fallbackMember = !isSeller && !requested ? activeMembers[0] : undefined;
  const chosen = member ?? fallbackMember;

  const acting: ActingSeller | undefined = chosen
    ? { sellerId: chosen.memberId, shopName: chosen.shopName ?? chosen.displayName }
    : isSeller && !requested
      ? { sellerId: undefined, shopName: ownShopName }
      : undefined;

  const choose = (sellerId: string | undefined) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (sellerId) next.set(sellerParam, sellerId);
        else next.delete(sellerParam);
        return next;
      },
      { replace: true },
    );
  };

  return {
    isSeller,
    isCoop,
    ownShopName,
    members,
    activeMembers,
    /** Undefined while the member list loads, or when the requested member is not (or no longer) one. */
    acting,
    /** A `?seller=` that names nobody this account manages. */
    unknownMember: requested !== undefined && members.isSuccess && !member,
    choose,
  };
}
