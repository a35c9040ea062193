import { useTranslation } from 'react-i18next';
import { MobilePage } from '../../../components/mobile/mobile-page';
import { MobileEmpty } from '../../../components/mobile/page-states';

export function LivePage() {
  const { t } = useTranslation();
  return (
    <MobilePage title={t('nav.live')}>
      <section className="tt-section">
        <MobileEmpty title={t('buyer.live.empty')} description={t('buyer.live.emptyHint')} />
      </section>
    </MobilePage>
  );
}
