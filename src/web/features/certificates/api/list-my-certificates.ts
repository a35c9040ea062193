import { useQuery } from '@tanstack/react-query';
import type { CertificateView } from '../../../../contracts/compliance';
import { api } from '../../../lib/api-client';

export const myCertificatesQueryKey = ['certificates', 'mine'] as const;

export async function listMyCertificates(signal?: AbortSignal): Promise<CertificateView[]> {
  const { items } = await api.get<{ items: CertificateView[] }>('/seller/certificates', { signal });
  return items;
}

export function useMyCertificates() {
  return useQuery({ queryKey: myCertificatesQueryKey, queryFn: ({ signal }) => listMyCertificates(signal) });
}
