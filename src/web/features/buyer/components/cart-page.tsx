import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MobilePage } from '../../../components/mobile/mobile-page';
import { MobileEmpty } from '../../../components/mobile/page-states';

export function CartPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <MobilePage title={t('nav.cart')}>
      <section className="tt-section">
        <MobileEmpty title={t('buyer.cart.empty')} description={t('buyer.cart.emptyHint')}>
          <Button color="primary" fill="outline" onClick={() => void navigate('/live')}>
            {t('buyer.cart.goLive')}
          </Button>
        </MobileEmpty>
      </section>
    </MobilePage>
  );
}
