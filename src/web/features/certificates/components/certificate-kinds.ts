import type { CertificateKind } from '../../../../contracts/compliance';

/** In the order sellers most often hold them. */
export const certificateKinds: readonly CertificateKind[] = ['compliance_cert', 'sc_licence', 'green_food', 'organic', 'geo_indication'];

/** Within this many days of its last day a certificate is flagged, so a new one can be reviewed in time. */
export const expiryWarningDays = 30;

const chinaDateParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in China as YYYY-MM-DD: certificates are dated there, whatever the viewer's clock says. */
export function todayInChina(now: Date = new Date()): string {
  const parts = Object.fromEntries(chinaDateParts.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

function dayNumber(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export type Validity =
  | { state: 'expired'; days: number }
  | { state: 'expiring'; days: number }
  | { state: 'notYet'; days: number }
  | { state: 'current'; days: number };

/** Where a certificate's dates stand today; the last day still counts (it ends at midnight China time). */
export function validityOf(cert: { validFrom: string; validUntil: string }, today: string = todayInChina()): Validity {
  const now = dayNumber(today);
  const left = dayNumber(cert.validUntil) - now;
  if (left < 0) return { state: 'expired', days: -left };
  const untilStart = dayNumber(cert.validFrom) - now;
  if (untilStart > 0) return { state: 'notYet', days: untilStart };
  if (left <= expiryWarningDays) return { state: 'expiring', days: left };
  return { state: 'current', days: left };
}
