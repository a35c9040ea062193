import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SessionView, UserView } from '../../../contracts/accounts';
import { api } from '../api-client';

export const meQueryKey = ['me'] as const;

/** Resolves to null when nobody is logged in, so "logged out" is a state rather than an error. */
export async function getMe(signal?: AbortSignal): Promise<UserView | null> {
  return (await api.get<SessionView>('/auth/session', { signal })).user;
}

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: ({ signal }) => getMe(signal),
  staleTime: 60_000,
});

export function useMe() {
  return useQuery(meQueryOptions);
}
