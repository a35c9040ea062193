import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MobilePage } from '../../../components/mobile/mobile-page';
import { MobileEmpty } from '../../../components/mobile/page-states';

interface LivePageProps {
  /** Filled in by the app from the watch feature (features never import each other): lives on air, coming up and replays. */
  lives?: ReactNode;
}

export function LivePage({ lives }: LivePageProps = {}) {
  const { t } = useTranslation();
  return (
    <MobilePage title={t('nav.live')}>
      {lives ?? (
        <section className="tt-section">
          <MobileEmpty title={t('buyer.live.empty')} description={t('buyer.live.emptyHint')} />
        </section>
      )}
    </MobilePage>
  );
}
