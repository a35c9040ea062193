import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReviewStatus } from '../../../../contracts/common';
import type { CertificateView } from '../../../../contracts/compliance';
import { api } from '../../../lib/api-client';

export interface CertificatePage {
  items: CertificateView[];
  nextCursor: string | null;
}

export interface CertificateListParams {
  status: ReviewStatus | undefined;
  cursor: string | undefined;
  limit: number;
}

export const certificateQueueQueryKey = ['admin', 'certificates'] as const;

/** The admin review queue, newest first, a keyset page at a time. */
export function listCertificates(params: CertificateListParams, signal?: AbortSignal): Promise<CertificatePage> {
  return api.get<CertificatePage>('/admin/certificates', {
    query: { status: params.status, cursor: params.cursor, limit: params.limit },
    signal,
  });
}

export function useCertificates(params: CertificateListParams) {
  return useQuery({
    queryKey: [...certificateQueueQueryKey, params],
    queryFn: ({ signal }) => listCertificates(params, signal),
    // Keeps the table in place while the next page or another filter loads.
    placeholderData: keepPreviousData,
  });
}
