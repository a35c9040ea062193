import { DesktopOutlined, MobileOutlined } from '@ant-design/icons';
import { Collapse, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoomView } from '../../../../contracts/live';

const obsSettings = ['resolution', 'fps', 'keyframe', 'encoder', 'bitrate', 'audio'] as const;
const phoneSteps = ['app', 'url', 'network', 'start'] as const;

/** How to point OBS or a phone RTMP app at the room; the values come from the room, the key from its one-time dialog. */
export function PublishGuide({ room }: { room: RoomView }) {
  const { t } = useTranslation();
  const obs = (
    <>
      <ol className="tt-guide-steps">
        <li>{t('lives.guide.obsSteps.open')}</li>
        <li>{t('lives.guide.obsSteps.service')}</li>
        <li>
          {t('lives.guide.obsSteps.server')}
          <Typography.Text code copyable>
            {room.ingest.server}
          </Typography.Text>
        </li>
        <li>{t('lives.guide.obsSteps.key', { name: room.ingest.streamName })}</li>
        <li>{t('lives.guide.obsSteps.start')}</li>
      </ol>
      <Typography.Text strong>{t('lives.guide.obsOutput')}</Typography.Text>
      <ul className="tt-guide-settings">
        {obsSettings.map((key) => (
          <li key={key}>{t(`lives.guide.obsSettings.${key}`)}</li>
        ))}
      </ul>
    </>
  );
  const phone = (
    <ol className="tt-guide-steps">
      {phoneSteps.map((key) => (
        <li key={key}>{t(`lives.guide.phoneSteps.${key}`)}</li>
      ))}
    </ol>
  );
  // Open for a first-time anchor; folded once a key exists, when it is a reference to look back at.
  return (
    <Collapse
      className="tt-publish-guide"
      defaultActiveKey={room.streamKeyHint ? [] : ['guide']}
      items={[
        {
          key: 'guide',
          label: <strong>{t('lives.guide.title')}</strong>,
          children: (
            <>
              <Typography.Paragraph type="secondary">{t('lives.guide.before')}</Typography.Paragraph>
              <Tabs
                size="small"
                items={[
                  { key: 'obs', label: t('lives.guide.obs'), icon: <DesktopOutlined />, children: obs },
                  { key: 'phone', label: t('lives.guide.phone'), icon: <MobileOutlined />, children: phone },
                ]}
              />
            </>
          ),
        },
      ]}
    />
  );
}
