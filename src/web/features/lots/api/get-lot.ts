import { useQuery } from '@tanstack/react-query';
import type { LotDetail } from '../../../../contracts/trace';
import { api } from '../../../lib/api-client';
import { lotsQueryKey } from './list-lots';

export const lotQueryKey = (id: string) => [...lotsQueryKey, 'detail', id] as const;

export function getLot(id: string, signal?: AbortSignal): Promise<LotDetail> {
  return api.get<LotDetail>(`/seller/lots/${encodeURIComponent(id)}`, { signal });
}

export function useLot(id: string) {
  return useQuery({ queryKey: lotQueryKey(id), queryFn: ({ signal }) => getLot(id, signal) });
}
