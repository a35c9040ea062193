import { useQuery } from '@tanstack/react-query';
import type { MyCoops } from '../../../../contracts/coop';
import { api } from '../../../lib/api-client';

export const myCoopsQueryKey = ['me', 'coops'] as const;

export function listMyCoops(signal?: AbortSignal): Promise<MyCoops> {
  return api.get<MyCoops>('/me/coops', { signal });
}

export function useMyCoops(options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: myCoopsQueryKey, queryFn: ({ signal }) => listMyCoops(signal), enabled: options.enabled ?? true });
}
