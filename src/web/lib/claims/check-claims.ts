import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ClaimCheckResult } from '../../../contracts/compliance';
import { api } from '../api-client';

/** A result together with the text it was computed for, so spans are never drawn on newer text. */
export interface CheckedText {
  text: string;
  result: ClaimCheckResult;
}

export interface ClaimCheckOptions {
  /**
   * Judge against these certificates, as saving a product judges against the ones linked to it.
   * Without them the check uses all the seller's valid certificates, as scheduling a live does.
   */
  certificateIds?: string[] | undefined;
  /**
   * A hint while typing passes `false`: a failed check must not nag, and saving checks again on
   * the server. Left out, the app's default retry applies.
   */
  retry?: boolean | undefined;
}

export function checkClaims(text: string, certificateIds?: string[], signal?: AbortSignal): Promise<ClaimCheckResult> {
  return api.post<ClaimCheckResult>('/claims/check', certificateIds ? { text, certificateIds } : { text }, { signal });
}

/** Checks as the seller types (the caller debounces); a pure function of its input, so cached per text. */
export function useClaimCheck(text: string, { certificateIds, retry }: ClaimCheckOptions = {}) {
  return useQuery({
    queryKey: ['claims', 'check', text, certificateIds ?? null],
    queryFn: async ({ signal }): Promise<CheckedText> => ({ text, result: await checkClaims(text, certificateIds, signal) }),
    enabled: text.trim().length > 0,
    // The previous result stays on screen while the next one is on its way.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    ...(retry === undefined ? {} : { retry }),
  });
}
