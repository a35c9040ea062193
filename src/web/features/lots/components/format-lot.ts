import type { LotView } from '../../../../contracts/trace';
import { lotUnitNames } from '../../../../contracts/trace-names';
import type { Language } from '../../../i18n';
import { formatDate } from '../../../lib/format';

export function quantityText(lot: Pick<LotView, 'quantity' | 'unit'>, language: Language): string {
  const number = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 2 }).format(lot.quantity);
  return `${number} ${lotUnitNames[lot.unit][language === 'en' ? 'en' : 'zh']}`;
}

/** A harvest date is a calendar day on the farm: read at noon China time, so no zone can shift it. */
export function harvestText(day: string, language: Language): string {
  return formatDate(`${day}T12:00:00+08:00`, language);
}
