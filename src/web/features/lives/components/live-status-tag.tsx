import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LiveStatus } from '../../../../contracts/live';

const colors: Record<LiveStatus, string> = { scheduled: 'processing', live: 'red', ended: 'default', cancelled: 'default' };

export function LiveStatusTag({ status }: { status: LiveStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} className={status === 'live' ? 'tt-live-tag-on' : undefined} bordered={status !== 'cancelled'}>
      {status === 'live' && <span className="tt-live-dot" aria-hidden="true" />}
      {t(`lives.status.${status}`)}
    </Tag>
  );
}
