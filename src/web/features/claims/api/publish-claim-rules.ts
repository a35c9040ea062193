import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClaimRuleSetBody, ClaimRuleSetView } from '../../../../contracts/compliance';
import { api } from '../../../lib/api-client';
import { claimRulesQueryKey, currentClaimRulesQueryKey } from './get-claim-rules';

export interface PublishClaimRulesInput {
  /** The version the admin started editing from. */
  baseVersion: number;
  body: ClaimRuleSetBody;
}

/** Publishes the edited list as a new version; the server refuses (409 CLAIM_RULES_CHANGED) if another admin published since the edit began. */
export async function publishClaimRules({ baseVersion, body }: PublishClaimRulesInput): Promise<ClaimRuleSetView> {
  return api.put<ClaimRuleSetView>('/admin/claim-rules', { ...body, baseVersion });
}

export function usePublishClaimRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishClaimRules,
    onSuccess: (published) => {
      queryClient.setQueryData(currentClaimRulesQueryKey, published);
      void queryClient.invalidateQueries({ queryKey: [...claimRulesQueryKey, 'versions'] });
    },
  });
}
