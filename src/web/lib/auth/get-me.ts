import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UserView } from '../../../contracts/accounts';
import { api, isApiError } from '../api-client';

export const meQueryKey = ['me'] as const;

/** Resolves to null when nobody is logged in, so "logged out" is a state rather than an error. */
export async function getMe(signal?: AbortSignal): Promise<UserView | null> {
  try {
    return await api.get<UserView>('/me', { signal });
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED')) return null;
    throw error;
  }
}

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: ({ signal }) => getMe(signal),
  staleTime: 60_000,
});

export function useMe() {
  return useQuery(meQueryOptions);
}
