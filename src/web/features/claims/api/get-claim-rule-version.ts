import { useQuery } from '@tanstack/react-query';
import type { ClaimRuleSetView } from '../../../../contracts/compliance';
import { api } from '../../../lib/api-client';
import { claimRulesQueryKey } from './get-claim-rules';

export function getClaimRuleVersion(version: number, signal?: AbortSignal): Promise<ClaimRuleSetView> {
  return api.get<ClaimRuleSetView>(`/admin/claim-rules/versions/${version}`, { signal });
}

export function useClaimRuleVersion(version: number | undefined) {
  return useQuery({
    queryKey: [...claimRulesQueryKey, 'version', version],
    queryFn: ({ signal }) => getClaimRuleVersion(version!, signal),
    enabled: version !== undefined,
    // A published version never changes.
    staleTime: Infinity,
  });
}
