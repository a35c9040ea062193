import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordingView } from '../../../../contracts/live';
import { useLanguage } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { formatDuration } from '../../../lib/format';
import { formatBytes } from './format-bytes';
import { viewerPath } from './paths';

/** A live's replays: how long, how big, until when they are kept (evidence for three years), and a link. */
export function Recordings({ recordings }: { recordings: RecordingView[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (recordings.length === 0) return <Typography.Text type="secondary">{t('lives.recordings.none')}</Typography.Text>;
  return (
    <ul className="tt-recording-list">
      {recordings.map((r) => (
        <li key={r.id}>
          <Typography.Link href={viewerPath(r.liveId, r.id)} target="_blank" rel="noopener">
            {t('lives.recordings.replay')}
          </Typography.Link>{' '}
          {t('lives.recordings.item', {
            duration: r.durationMs !== null ? formatDuration(r.durationMs) : t('lives.recordings.unknown'),
            size: r.bytes !== null ? formatBytes(r.bytes) : t('lives.recordings.unknown'),
          })}
          <br />
          <Typography.Text type="secondary">{t('lives.recordings.keepUntil', { date: formatDate(r.expiresAt, language) })}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}
