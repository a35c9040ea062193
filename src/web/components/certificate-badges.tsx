import { useTranslation } from 'react-i18next';
import type { CertificateKind } from '../../contracts/compliance';
import './certificate-badges.css';

/** Badge order on cards: the claims buyers look for first. */
export const badgeOrder: readonly CertificateKind[] = ['organic', 'green_food', 'geo_indication', 'sc_licence', 'compliance_cert'];

export function sortKinds(kinds: readonly CertificateKind[]): CertificateKind[] {
  return [...new Set(kinds)].sort((a, b) => badgeOrder.indexOf(a) - badgeOrder.indexOf(b));
}

export function CertificateBadge({ kind }: { kind: CertificateKind }) {
  const { t } = useTranslation();
  return <span className={`tt-cert-badge tt-cert-badge-${kind}`}>{t(`shop.certificateKinds.${kind}.short`)}</span>;
}

/** The short certificate badges (有机, 绿色…) in the order buyers look for them; nothing when there are none. */
export function CertificateBadges({ kinds }: { kinds: readonly CertificateKind[] }) {
  const sorted = sortKinds(kinds);
  if (sorted.length === 0) return null;
  return (
    <div className="tt-cert-badges">
      {sorted.map((kind) => (
        <CertificateBadge key={kind} kind={kind} />
      ))}
    </div>
  );
}
