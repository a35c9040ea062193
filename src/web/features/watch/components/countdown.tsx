import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

function parts(ms: number) {
  const total = Math.max(0, Math.floor(ms / 1000));
  return {
    days: Math.floor(total / 86_400),
    clock: [Math.floor((total % 86_400) / 3600), Math.floor((total % 3600) / 60), total % 60].map((n) => String(n).padStart(2, '0')).join(':'),
  };
}

/** Time left until a scheduled start, ticking each second; past the time, the host is about to come. */
export function Countdown({ to }: { to: string }) {
  const { t } = useTranslation();
  const target = new Date(to).getTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  const left = target - now;
  if (left <= 0) return <span className="tt-countdown-soon">{t('watch.page.startingSoon')}</span>;
  const { days, clock } = parts(left);
  return (
    <span className="tt-countdown" role="timer" aria-live="off">
      <span className="tt-countdown-label">{t('watch.page.countdown')}</span>
      <span className="tt-countdown-value">
        {days > 0 && `${t('watch.page.days', { n: days })} `}
        {clock}
      </span>
    </span>
  );
}
