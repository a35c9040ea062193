import { useQuery } from '@tanstack/react-query';
import type { CertificateView } from '../../../../contracts/compliance';
import { api } from '../../../lib/api-client';

export async function listMyCertificates(signal?: AbortSignal): Promise<CertificateView[]> {
  const { items } = await api.get<{ items: CertificateView[] }>('/seller/certificates', { signal });
  return items;
}

/** The seller's own certificates, to link to a listing; a co-op cannot read its members' ones. */
export function useMyCertificates(enabled: boolean) {
  return useQuery({
    queryKey: ['products', 'my-certificates'],
    queryFn: ({ signal }) => listMyCertificates(signal),
    enabled,
  });
}
