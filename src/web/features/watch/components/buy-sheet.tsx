import { useMutation } from '@tanstack/react-query';
import { Button, Popup, Radio, Skeleton, Stepper } from 'antd-mobile';
import { AddOutline, FireFill } from 'antd-mobile-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AddressView } from '../../../../contracts/accounts';
import type { SaleState } from '../../../../contracts/room';
import { FormErrorNotice } from '../../../components/mobile/form-error-notice';
import { MobileError } from '../../../components/mobile/page-states';
import { errorMessage } from '../../../lib/form-errors';
import { formatDuration } from '../../../lib/format';
import { sendTap, TapKeys } from '../../../lib/idempotency';
import { formatFen } from '../../../lib/money';
import { useNow } from '../../../lib/use-now';
import { buyFlashSale } from '../api/buy-flash-sale';
import { useBuyerAddresses } from '../api/list-addresses';
import { maxBuyQuantity, salePhase } from './sale-phase';

/** The order's pay step, a page of the orders feature reached by its path. */
const payPath = (orderId: string) => `/orders/${encodeURIComponent(orderId)}/pay`;
/** Where adding an address leads, and back here with the sheet open again. */
const addAddressPath = (liveId: string) => `/me/addresses/new?next=${encodeURIComponent(`/lives/${encodeURIComponent(liveId)}?buy=1`)}`;

function addressLine(a: AddressView): string {
  return [a.province, a.city, a.county, a.township, a.village, a.detail].filter(Boolean).join(' ');
}

function AddressChoice({ addresses, value, onChange }: { addresses: AddressView[]; value: string | undefined; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group value={value} onChange={(id) => onChange(String(id))}>
      <ul className="tt-buy-addresses" aria-label={t('watch.buy.address')}>
        {addresses.map((a) => (
          <li key={a.id}>
            <Radio value={a.id} className="tt-buy-address">
              <span className="tt-buy-address-who">
                <strong>{a.receiverName}</strong> {a.receiverPhone}
                {a.isDefault && <span className="tt-buy-default">{t('watch.buy.default')}</span>}
              </span>
              <span className="tt-buy-address-line">{addressLine(a)}</span>
            </Radio>
          </li>
        ))}
      </ul>
    </Radio.Group>
  );
}

interface BuySheetProps {
  sale: SaleState;
  liveId: string;
  visible: boolean;
  onClose: () => void;
}

/**
 * 抢购 sheet: quantity and address, then one tap. The tap's key outlives the sheet being closed,
 * so tapping again after a lost answer cannot place a second order.
 */
export function BuySheet({ sale, liveId, visible, onClose }: BuySheetProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const now = useNow(visible ? 1_000 : null);
  const addresses = useBuyerAddresses(visible);
  const [keys] = useState(() => new TapKeys());
  const [quantity, setQuantity] = useState(1);
  const [addressId, setAddressId] = useState<string>();
  const buy = useMutation({
    mutationFn: (body: { quantity: number; addressId: string }) =>
      sendTap(keys, `${sale.saleId}|${body.quantity}|${body.addressId}`, (key) => buyFlashSale(sale.saleId, body, key)),
    onSuccess: (placed) => void navigate(payPath(placed.orderId)),
  });

  // A fresh look each time the sheet opens; the tap's key is kept in `keys`, not in the message.
  const { reset } = buy;
  useEffect(() => {
    if (visible) reset();
  }, [visible, reset]);

  const max = maxBuyQuantity(sale);
  useEffect(() => {
    if (quantity > max) setQuantity(max);
  }, [max, quantity]);

  // The default address is chosen for the buyer; an address deleted elsewhere falls back to it.
  const list = addresses.data ?? [];
  const chosen = list.find((a) => a.id === addressId) ?? list.find((a) => a.isDefault) ?? list[0];

  const phase = salePhase(sale, now);
  const endsIn = Date.parse(sale.endsAt) - now;
  const total = sale.priceFen * quantity;

  let addressBody;
  if (addresses.isPending) addressBody = <Skeleton.Paragraph lineCount={2} animated />;
  else if (addresses.isError) addressBody = <MobileError error={addresses.error} onRetry={() => void addresses.refetch()} />;
  else if (list.length === 0)
    addressBody = (
      <div className="tt-buy-no-address">
        <p className="tt-muted">{t('watch.buy.noAddress')}</p>
        <Button color="primary" fill="outline" size="small" onClick={() => void navigate(addAddressPath(liveId))}>
          <AddOutline aria-hidden="true" /> {t('watch.buy.addAddress')}
        </Button>
      </div>
    );
  else addressBody = <AddressChoice addresses={list} value={chosen?.id} onChange={setAddressId} />;

  let buttonText: string;
  if (phase === 'soldOut') buttonText = t('watch.room.sale.soldOut');
  else if (phase === 'over') buttonText = t('watch.room.sale.over');
  else if (phase === 'upcoming') buttonText = t('watch.buy.notYet');
  else buttonText = t('watch.buy.submit', { amount: formatFen(total) });

  return (
    <Popup
      visible={visible}
      onMaskClick={onClose}
      onClose={onClose}
      showCloseButton
      bodyClassName="tt-buy-sheet"
      bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12 }}
    >
      <section aria-label={t('watch.buy.title')}>
        <header className="tt-buy-head">
          <span className="tt-buy-badge">
            <FireFill aria-hidden="true" /> {t('watch.room.sale.title')}
          </span>
          <h2 className="tt-buy-title">{sale.title}</h2>
          <div className="tt-buy-price-row">
            <span className="tt-buy-price">{formatFen(sale.priceFen)}</span>
            <span className="tt-muted" role="timer" aria-live="off">
              {t('watch.room.sale.left', { remaining: sale.remaining, quantity: sale.quantity })}
              {phase === 'open' && ` · ${t('watch.room.sale.endsIn', { time: formatDuration(endsIn) })}`}
            </span>
          </div>
        </header>

        <div className="tt-buy-block">
          <div className="tt-buy-label">{t('watch.buy.address')}</div>
          {addressBody}
        </div>

        <div className="tt-buy-block tt-buy-quantity">
          <div>
            <div className="tt-buy-label">{t('watch.buy.quantity')}</div>
            <span className="tt-muted">{t('watch.buy.limit', { n: sale.perBuyerLimit })}</span>
          </div>
          <Stepper min={1} max={max} digits={0} value={quantity} onChange={(value) => setQuantity(value || 1)} aria-label={t('watch.buy.quantity')} />
        </div>

        <div className="tt-buy-footer">
          <FormErrorNotice message={buy.isError ? errorMessage(buy.error, t('common.requestFailed')) : undefined} />
          <Button
            block
            size="large"
            color="danger"
            className="tt-buy-submit"
            loading={buy.isPending}
            disabled={phase !== 'open' || !chosen}
            onClick={() => chosen && buy.mutate({ quantity, addressId: chosen.id })}
          >
            {buttonText}
          </Button>
          <p className="tt-muted tt-buy-note">{t('watch.buy.payNote')}</p>
        </div>
      </section>
    </Popup>
  );
}
