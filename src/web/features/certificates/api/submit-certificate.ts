import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CertificateBody, CertificateView } from '../../../../contracts/compliance';
import { api } from '../../../lib/api-client';
import { myCertificatesQueryKey } from './list-my-certificates';

export function submitCertificate(body: CertificateBody): Promise<CertificateView> {
  return api.post<CertificateView>('/seller/certificates', body);
}

export function useSubmitCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitCertificate,
    onSuccess: (created) => {
      // Newest first, as the server lists them; the refetch below confirms it.
      queryClient.setQueryData<CertificateView[]>(myCertificatesQueryKey, (list) => (list ? [created, ...list] : list));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: myCertificatesQueryKey }),
  });
}
