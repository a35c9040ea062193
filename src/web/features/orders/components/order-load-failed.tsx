import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MobileEmpty, MobileError } from '../../../components/mobile/page-states';
import { isApiError } from '../../../lib/api-client';
import { ordersPath } from './paths';

/** An order that cannot be shown: gone (or someone else's, which the server also answers as 404), or a failed load. */
export function OrderLoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const missing = isApiError(error) && (error.status === 404 || error.status === 400);
  if (!missing) return <MobileError error={error} onRetry={onRetry} />;
  return (
    <section className="tt-section">
      <MobileEmpty title={t('orders.detail.notFound')} description={t('orders.detail.notFoundHint')}>
        <Button color="primary" fill="outline" onClick={() => void navigate(ordersPath, { replace: true })}>
          {t('orders.list.title')}
        </Button>
      </MobileEmpty>
    </section>
  );
}
