import { isoToChinaLocal } from '../../../lib/china-time';

/** The default start for a new live: the next full half hour at least 30 minutes away. */
export function defaultStart(now: Date = new Date()): string {
  const step = 30 * 60_000;
  return isoToChinaLocal(new Date(Math.ceil((now.getTime() + step) / step) * step));
}
