import { FireFill } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import type { SaleState } from '../../../../contracts/room';
import { formatDuration } from '../../../lib/format';
import { formatFen } from '../../../lib/money';
import { useNow } from '../../../lib/use-now';
import { salePhase } from './sale-phase';

/** 限时秒杀: price, stock left and the clock; while the sale runs, the button opens the buy sheet. */
export function SaleCard({ sale, onBuy }: { sale: SaleState; onBuy: () => void }) {
  const { t } = useTranslation();
  const now = useNow(1_000);
  const startsAt = Date.parse(sale.startsAt);
  const endsAt = Date.parse(sale.endsAt);
  const left = sale.quantity > 0 ? Math.max(0, Math.min(1, sale.remaining / sale.quantity)) : 0;
  const phase = salePhase(sale, now);
  const clock = {
    soldOut: t('watch.room.sale.soldOut'),
    upcoming: Number.isFinite(startsAt) ? t('watch.room.sale.startsIn', { time: formatDuration(startsAt - now) }) : t('watch.room.sale.buySoon'),
    open: t('watch.room.sale.endsIn', { time: formatDuration(endsAt - now) }),
    over: t('watch.room.sale.over'),
  }[phase];
  const button = {
    soldOut: t('watch.room.sale.soldOut'),
    upcoming: t('watch.room.sale.buySoon'),
    open: t('watch.room.sale.buy'),
    over: t('watch.room.sale.over'),
  }[phase];

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
      <button type="button" className="tt-room-sale-buy" disabled={phase !== 'open'} onClick={onBuy}>
        {button}
      </button>
    </section>
  );
}
