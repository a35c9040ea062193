import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CertificateReviewBody, CertificateView } from '../../../../contracts/compliance';
import { api } from '../../../lib/api-client';
import { certificateQueueQueryKey } from './list-certificates';

export interface CertificateReviewInput {
  id: string;
  review: CertificateReviewBody;
}

export function reviewCertificate({ id, review }: CertificateReviewInput): Promise<CertificateView> {
  return api.post<CertificateView>(`/admin/certificates/${encodeURIComponent(id)}/review`, review);
}

export function useReviewCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reviewCertificate,
    onSettled: () => queryClient.invalidateQueries({ queryKey: certificateQueueQueryKey }),
  });
}
