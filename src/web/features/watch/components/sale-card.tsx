import { FireFill } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import type { SaleState } from '../../../../contracts/room';
import { formatDuration } from '../../../lib/format';
import { formatFen } from '../../../lib/money';
import { useNow } from '../hooks/use-now';

/** 限时秒杀: price, stock left and the clock. Buying arrives with the sales module; the button says so. */
export function SaleCard({ sale }: { sale: SaleState }) {
  const { t } = useTranslation();
  const now = useNow(1_000);
  const startsAt = Date.parse(sale.startsAt);
  const endsAt = Date.parse(sale.endsAt);
  const left = sale.quantity > 0 ? Math.max(0, Math.min(1, sale.remaining / sale.quantity)) : 0;
  let clock: string;
  if (sale.soldOut) clock = t('watch.room.sale.soldOut');
  else if (now < startsAt) clock = t('watch.room.sale.startsIn', { time: formatDuration(startsAt - now) });
  else if (now < endsAt) clock = t('watch.room.sale.endsIn', { time: formatDuration(endsAt - now) });
  else clock = t('watch.room.sale.over');

  return (
    <section className={`tt-room-sale${sale.soldOut ? ' tt-room-sale-out' : ''}`} aria-label={t('watch.room.sale.title')}>
      <div className="tt-room-sale-head">
        <FireFill aria-hidden="true" />
        <span>{t('watch.room.sale.title')}</span>
      </div>
      <div className="tt-room-sale-title">{sale.title}</div>
      <div className="tt-room-sale-price">{formatFen(sale.priceFen)}</div>
      <div
        className="tt-room-sale-bar"
        role="progressbar"
        aria-label={t('watch.room.sale.stockLabel')}
        aria-valuemin={0}
        aria-valuemax={sale.quantity}
        aria-valuenow={sale.remaining}
      >
        <span style={{ width: `${Math.round(left * 100)}%` }} />
      </div>
      <div className="tt-room-sale-stock">{t('watch.room.sale.left', { remaining: sale.remaining, quantity: sale.quantity })}</div>
      <div className="tt-room-sale-clock" role="timer" aria-live="off">
        {clock}
      </div>
      <button type="button" className="tt-room-sale-buy" disabled title={t('watch.room.sale.buySoonHint')}>
        {sale.soldOut ? t('watch.room.sale.soldOut') : t('watch.room.sale.buySoon')}
      </button>
    </section>
  );
}
