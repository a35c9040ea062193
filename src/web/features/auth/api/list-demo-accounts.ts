import { useQuery } from '@tanstack/react-query';
import type { Role } from '../../../../contracts/accounts';
import { api, isApiError } from '../../../lib/api-client';

export interface DemoAccount {
  phone: string;
  password: string;
  displayName: string;
  roles: Role[];
  description: string;
}

/** Null when the node is not in demo mode (the endpoint then answers 404). */
export async function listDemoAccounts(signal?: AbortSignal): Promise<DemoAccount[] | null> {
  try {
    const page = await api.get<{ items: DemoAccount[] }>('/demo/accounts', { signal });
    return page.items;
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export function useDemoAccounts() {
  return useQuery({
    queryKey: ['demo-accounts'],
    queryFn: ({ signal }) => listDemoAccounts(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}
