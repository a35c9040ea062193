import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ClaimCheckResult } from '../../../../contracts/compliance';
import { api } from '../../../lib/api-client';

export interface CheckedText {
  text: string;
  result: ClaimCheckResult;
}

/** Without `certificateIds` the check uses all the seller's valid certificates, as scheduling a live does. */
export function checkClaims(text: string, signal?: AbortSignal): Promise<ClaimCheckResult> {
  return api.post<ClaimCheckResult>('/claims/check', { text }, { signal });
}

/** Checks a title or script as the anchor types (the caller debounces); cached per text. */
export function useClaimCheck(text: string) {
  return useQuery({
    queryKey: ['lives', 'claims-check', text],
    queryFn: async ({ signal }): Promise<CheckedText> => ({ text, result: await checkClaims(text, signal) }),
    enabled: text.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    // A hint while typing must not nag when it fails; saving is checked again on the server.
    retry: false,
  });
}
