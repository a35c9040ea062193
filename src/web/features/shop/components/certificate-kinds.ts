import type { CertificateKind } from '../../../../contracts/compliance';

/** Badge order on cards: the claims buyers look for first. */
export const badgeOrder: readonly CertificateKind[] = ['organic', 'green_food', 'geo_indication', 'sc_licence', 'compliance_cert'];

export function sortKinds(kinds: readonly CertificateKind[]): CertificateKind[] {
  return [...new Set(kinds)].sort((a, b) => badgeOrder.indexOf(a) - badgeOrder.indexOf(b));
}
