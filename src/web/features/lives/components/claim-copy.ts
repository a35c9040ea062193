import { useTranslation } from 'react-i18next';
import type { ClaimHintsCopy } from '../../../components/claim-hints';

/** The live editor's words for the claim hints under title and script, and in the preflight. */
export function useLiveClaimCopy(): ClaimHintsCopy {
  const { t } = useTranslation();
  return {
    checking: t('lives.claims.checking'),
    clean: t('lives.claims.clean'),
    failed: t('lives.claims.failed'),
    found: (n) => t('lives.claims.found', { n }),
    useRewrite: t('lives.claims.useRewrite'),
    suggestion: t('lives.claims.suggestion'),
    kind: (kind) => t(`lives.claims.kinds.${kind}`),
  };
}
