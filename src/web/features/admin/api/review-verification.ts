import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VerificationReviewBody, VerificationView } from '../../../../contracts/accounts';
import { api } from '../../../lib/api-client';
import { verificationsQueryKey } from './list-verifications';

export interface ReviewInput {
  id: string;
  review: VerificationReviewBody;
}

export function reviewVerification({ id, review }: ReviewInput): Promise<VerificationView> {
  return api.post<VerificationView>(`/admin/verifications/${encodeURIComponent(id)}/review`, review);
}

export function useReviewVerification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reviewVerification,
    onSettled: () => queryClient.invalidateQueries({ queryKey: verificationsQueryKey }),
  });
}
