import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ClaimCheckResult } from '../../../../contracts/compliance';
import { api } from '../../../lib/api-client';

/** A result together with the text it was computed for, so spans are never drawn on newer text. */
export interface CheckedText {
  text: string;
  result: ClaimCheckResult;
}

export function checkClaims(text: string, signal?: AbortSignal): Promise<ClaimCheckResult> {
  return api.post<ClaimCheckResult>('/claims/check', { text }, { signal });
}

/** Checks as the seller types (the caller debounces); a pure function of the text, so cached per text. */
export function useClaimCheck(text: string) {
  return useQuery({
    queryKey: ['claims', 'check', text],
    queryFn: async ({ signal }): Promise<CheckedText> => ({ text, result: await checkClaims(text, signal) }),
    enabled: text.trim().length > 0,
    // The previous result stays on screen while the next one is on its way.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
