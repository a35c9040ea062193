import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VerificationRequestBody, VerificationView } from '../../../../contracts/accounts';
import { api } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/auth/get-me';

export function applyVerification(body: VerificationRequestBody): Promise<VerificationView> {
  return api.post<VerificationView>('/me/verifications', body);
}

export function useApplyVerification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyVerification,
    // The application shows up in UserView.verifications, which every status display reads.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
