import { useTranslation } from 'react-i18next';
import type { ClaimHintsCopy } from '../../../components/claim-hints';

/** The product editor's words for the claim hints; it links certificates, so it names the one a claim needs. */
export function useProductClaimCopy(): ClaimHintsCopy {
  const { t } = useTranslation();
  return {
    checking: t('products.editor.claims.checking'),
    clean: t('products.editor.claims.clean'),
    failed: t('products.editor.claims.failed'),
    found: (n) => t('products.editor.claims.found', { n }),
    useRewrite: t('products.editor.claims.useRewrite'),
    suggestion: t('products.editor.claims.suggestion'),
    kind: (kind) => t(`products.editor.claims.kinds.${kind}`),
    needsCertificate: (kind) => t('products.editor.claims.needsCertificate', { kind: t(`products.certificateKinds.${kind}`) }),
  };
}
