import { useQuery } from '@tanstack/react-query';
import type { ClaimRuleSetView } from '../../../../contracts/compliance';
import { api } from '../../../lib/api-client';

export type ClaimRuleView = ClaimRuleSetView['rules'][number];

export const claimRulesQueryKey = ['admin', 'claim-rules'] as const;
export const currentClaimRulesQueryKey = [...claimRulesQueryKey, 'current'] as const;

export function getClaimRules(signal?: AbortSignal): Promise<ClaimRuleSetView> {
  return api.get<ClaimRuleSetView>('/admin/claim-rules', { signal });
}

export function useClaimRules() {
  return useQuery({
    queryKey: currentClaimRulesQueryKey,
    queryFn: ({ signal }) => getClaimRules(signal),
    // An admin in the middle of editing must not have the baseline swapped under them.
    refetchOnWindowFocus: false,
  });
}
