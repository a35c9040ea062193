import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { VerificationStatus, VerificationView } from '../../../../contracts/accounts';
import { api } from '../../../lib/api-client';

export interface VerificationPage {
  items: VerificationView[];
  nextCursor: string | null;
}

export interface VerificationListParams {
  status: VerificationStatus | undefined;
  cursor: string | undefined;
  limit: number;
}

export const verificationsQueryKey = ['admin', 'verifications'] as const;

export function listVerifications(params: VerificationListParams, signal?: AbortSignal): Promise<VerificationPage> {
  return api.get<VerificationPage>('/admin/verifications', {
    query: { status: params.status, cursor: params.cursor, limit: params.limit },
    signal,
  });
}

export function useVerifications(params: VerificationListParams) {
  return useQuery({
    queryKey: [...verificationsQueryKey, params],
    queryFn: ({ signal }) => listVerifications(params, signal),
    // Keeps the table in place while the next page or another filter loads.
    placeholderData: keepPreviousData,
  });
}
