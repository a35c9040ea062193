import type { Locale } from '../../../contracts/errors';
import { DomainError } from '../../infra/errors';
import type { ClaimRulesService } from './claim-rules.service';
import type { ClaimsGuard } from './claims-guard';
import { checkClaims, compileClaimRules, maskClaims, type CertificateKind } from './claims';
import { abuseRuleSet } from './claims/abuse-words';

const noCertificates: ReadonlySet<CertificateKind> = new Set();

export type ChatScreen = ReturnType<typeof createChatScreen>;

/**
 * What a chat line must pass before a room sees it. The anchor's side speaks for the shop, so
 * its lines face the same claims check as its listings; a viewer's opinion ("最好吃了!") is not
 * advertising, but a health claim is refused from anyone, because planted viewers are how such
 * claims reach buyers. Insults are masked, not refused, so the rest of the line still reads.
 */
export function createChatScreen(deps: { rules: ClaimRulesService; claims: ClaimsGuard }) {
  const abuse = compileClaimRules(abuseRuleSet);

  return {
    async screen(text: string, speaker: { sellerId: string; forShop: boolean }, locale: Locale): Promise<string> {
      if (speaker.forShop) {
        await deps.claims.assertAllowed({ sellerId: speaker.sellerId }, { '/text': text }, locale);
      } else {
        const { violations } = await deps.rules.check(text, noCertificates);
        const medical = violations.filter((v) => v.kind === 'medical');
        if (medical.length) {
          throw new DomainError('CHAT_CLAIM_REFUSED', 422, { claims: [...new Set(medical.map((v) => v.text))].join('、') });
        }
      }
      return maskClaims(text, checkClaims(text, abuse, { certificateKinds: noCertificates }), '*');
    },
  };
}
