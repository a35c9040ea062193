import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ClaimCheckResult } from '../../../../contracts/compliance';
import { api } from '../../../lib/api-client';

/** A result with the text it was computed for, so spans are never drawn on newer text. */
export interface CheckedText {
  text: string;
  result: ClaimCheckResult;
}

/** Judged against the certificates linked to the product, as saving will judge it. */
export function checkClaims(text: string, certificateIds: string[], signal?: AbortSignal): Promise<ClaimCheckResult> {
  return api.post<ClaimCheckResult>('/claims/check', { text, certificateIds }, { signal });
}

/** Checks one field's text as the seller types (the caller debounces); cached per text. */
export function useClaimCheck(text: string, certificateIds: string[]) {
  return useQuery({
    queryKey: ['products', 'claims-check', text, certificateIds],
    queryFn: async ({ signal }): Promise<CheckedText> => ({ text, result: await checkClaims(text, certificateIds, signal) }),
    enabled: text.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    // A hint while typing: a failed check must not nag; saving checks again on the server.
    retry: false,
  });
}
