import { useTranslation } from 'react-i18next';
import type { CertificateKind } from '../../../../contracts/compliance';
import { sortKinds } from './certificate-kinds';

export function CertificateBadge({ kind }: { kind: CertificateKind }) {
  const { t } = useTranslation();
  return <span className={`tt-shop-badge tt-shop-badge-${kind}`}>{t(`shop.certificateKinds.${kind}.short`)}</span>;
}

/** The short certificate badges (有机, 绿色…) in the order buyers look for them; nothing when there are none. */
export function CertificateBadges({ kinds }: { kinds: readonly CertificateKind[] }) {
  const sorted = sortKinds(kinds);
  if (sorted.length === 0) return null;
  return (
    <div className="tt-shop-badges">
      {sorted.map((kind) => (
        <CertificateBadge key={kind} kind={kind} />
      ))}
    </div>
  );
}
