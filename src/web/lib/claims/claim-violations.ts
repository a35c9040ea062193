import type { ClaimViolationView } from '../../../contracts/compliance';
import { isApiError } from '../api-client';

/** A refused phrase together with the field it is in (`/title`, `/script`, `/skus/0/name`…). */
export interface FieldViolation extends ClaimViolationView {
  field: string;
}

/** The error codes whose details carry the refused phrases. */
export const claimErrorCodes: readonly string[] = ['BANNED_CLAIM', 'CLAIM_NOT_CERTIFIED'];

/** The refused phrases a save error carries in its details; empty for any other error. */
export function claimViolationsOf(error: unknown): FieldViolation[] {
  if (!isApiError(error) || !claimErrorCodes.includes(error.code)) return [];
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('violations' in details)) return [];
  const list = (details as { violations: unknown }).violations;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (v): v is FieldViolation =>
      typeof v === 'object' && v !== null && typeof (v as FieldViolation).field === 'string' && typeof (v as FieldViolation).text === 'string',
  );
}
