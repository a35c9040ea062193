import { useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { ClaimRuleSetVersions } from '../../../../contracts/compliance';
import { api } from '../../../lib/api-client';
import { claimRulesQueryKey } from './get-claim-rules';

export type ClaimRuleVersionList = Static<typeof ClaimRuleSetVersions>;

export function listClaimRuleVersions(signal?: AbortSignal): Promise<ClaimRuleVersionList> {
  return api.get<ClaimRuleVersionList>('/admin/claim-rules/versions', { signal });
}

export function useClaimRuleVersions() {
  return useQuery({ queryKey: [...claimRulesQueryKey, 'versions'], queryFn: ({ signal }) => listClaimRuleVersions(signal) });
}
