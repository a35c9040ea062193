import { RightOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MobileEmpty, MobileLoading } from '../../../components/mobile/page-states';
import { useLives } from '../api/list-lives';
import { LiveCard } from './live-card';
import './watch.css';

/** The home page's 正在直播: lives on air, then the next ones, in a strip that scrolls sideways. */
export function HomeLives() {
  const { t } = useTranslation();
  const lives = useLives(undefined, 10);
  let body;
  if (lives.isPending) body = <MobileLoading rows={2} />;
  // The home page stays useful when lives fail to load; the 直播 tab says what went wrong.
  else if (lives.isError || lives.data.length === 0) body = <MobileEmpty title={t('watch.homeEmpty')} description={t('watch.homeEmptyHint')} />;
  else
    body = (
      <div className="tt-watch-strip">
        {lives.data.map((live) => (
          <LiveCard key={live.id} live={live} className="tt-watch-strip-card" />
        ))}
      </div>
    );
  return (
    <section className="tt-section" aria-labelledby="tt-home-lives">
      <div className="tt-watch-home-head">
        <h2 className="tt-section-title" id="tt-home-lives">
          {t('watch.liveNow')}
        </h2>
        <Link to="/live" className="tt-watch-more">
          {t('watch.seeAll')} <RightOutline aria-hidden="true" />
        </Link>
      </div>
      {body}
    </section>
  );
}
