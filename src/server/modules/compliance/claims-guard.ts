import type { Locale } from '../../../contracts/errors';
import { DomainError } from '../../infra/errors';
import type { CertificateService } from './certificate.service';
import type { ClaimRulesService } from './claim-rules.service';
import type { ClaimViolation } from './claims';

export interface FieldViolation extends ClaimViolation {
  /** JSON pointer of the field the span is in, e.g. /title */
  field: string;
}

export type ClaimsGuard = ReturnType<typeof createClaimsGuard>;

/**
 * The one check every public text passes before it is saved or broadcast: listings now, live
 * titles and scripts later. Refuses with the offending spans so the seller can fix each one.
 */
export function createClaimsGuard(deps: { rules: ClaimRulesService; certificates: CertificateService }) {
  return {
    async findViolations(sellerId: string, texts: Record<string, string>): Promise<FieldViolation[]> {
      const kinds = await deps.certificates.validKinds(sellerId);
      const found: FieldViolation[] = [];
      for (const [field, text] of Object.entries(texts)) {
        if (!text) continue;
        const { violations } = await deps.rules.check(text, kinds);
        found.push(...violations.map((v) => ({ ...v, field })));
      }
      return found;
    },

    async assertAllowed(sellerId: string, texts: Record<string, string>, locale: Locale = 'zh-CN'): Promise<void> {
      const violations = await this.findViolations(sellerId, texts);
      if (!violations.length) return;
      const uncertified = violations.filter((v) => v.kind === 'certified');
      const banned = violations.filter((v) => v.kind !== 'certified');
      const named = (list: FieldViolation[]) => [...new Set(list.map((v) => v.text))].join('、');
      const fields = violations.map((v) => ({ path: v.field, message: `${v.text}: ${locale === 'en' ? v.reason.en : v.reason.zh}` }));
      const details = { violations };
      if (banned.length) throw new DomainError('BANNED_CLAIM', 422, { claims: named(banned) }, fields, details);
      throw new DomainError('CLAIM_NOT_CERTIFIED', 422, { claims: named(uncertified) }, fields, details);
    },
  };
}
