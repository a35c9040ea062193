import type { Locale } from '../../../contracts/errors';
import { DomainError } from '../../infra/errors';
import type { CertificateService } from './certificate.service';
import type { ClaimRulesService } from './claim-rules.service';
import { suggestRewrite, type CertificateKind, type ClaimViolation } from './claims';

export interface FieldViolation extends ClaimViolation {
  /** JSON pointer of the field the span is in, e.g. /title */
  field: string;
}

/** Whose certificates back the claims: a seller's, or only those linked to one product. */
export interface ClaimScope {
  sellerId: string;
  certificateIds?: readonly string[];
}

export type ClaimsGuard = ReturnType<typeof createClaimsGuard>;

/**
 * The one check every public text passes before it is saved or broadcast: listings now, live
 * titles and scripts later. Refuses with the offending spans so the seller can fix each one.
 */
export function createClaimsGuard(deps: { rules: ClaimRulesService; certificates: CertificateService }) {
  async function findViolations(scope: ClaimScope, texts: Record<string, string>): Promise<FieldViolation[]> {
    const kinds = await deps.certificates.validKinds(scope.sellerId, scope.certificateIds);
    const found: FieldViolation[] = [];
    for (const [field, text] of Object.entries(texts)) {
      if (!text) continue;
      const { violations } = await deps.rules.check(text, kinds);
      found.push(...violations.map((v) => ({ ...v, field })));
    }
    return found;
  }

  return {
    findViolations,

    async assertAllowed(scope: ClaimScope, texts: Record<string, string>, locale: Locale = 'zh-CN'): Promise<void> {
      const violations = await findViolations(scope, texts);
      if (!violations.length) return;
      const uncertified = violations.filter((v) => v.kind === 'certified');
      const banned = violations.filter((v) => v.kind !== 'certified');
      const named = (list: FieldViolation[]) => [...new Set(list.map((v) => v.text))].join('、');
      const fields = violations.map((v) => ({ path: v.field, message: `${v.text}: ${locale === 'en' ? v.reason.en : v.reason.zh}` }));
      const details = { violations };
      if (banned.length) throw new DomainError('BANNED_CLAIM', 422, { claims: named(banned) }, fields, details);
      throw new DomainError('CLAIM_NOT_CERTIFIED', 422, { claims: named(uncertified) }, fields, details);
    },

    /**
     * A text as buyers may see it now: certified claims that no valid certificate backs any more
     * are taken out. Decided at read time, so a claim goes the moment its certificate ends.
     */
    async withdrawUnbacked(text: string, validKinds: ReadonlySet<CertificateKind>): Promise<string> {
      if (!text) return text;
      const { violations } = await deps.rules.check(text, validKinds);
      const unbacked = violations.filter((v) => v.kind === 'certified').map((v) => ({ ...v, replacement: v.replacement ?? '' }));
      return unbacked.length ? suggestRewrite(text, unbacked) : text;
    },
  };
}
