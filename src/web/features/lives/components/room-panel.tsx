import { KeyOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomView, SellerLiveView, StreamKeyView } from '../../../../contracts/live';
import { ConsoleError, ConsoleLoading } from '../../../components/console/page-states';
import { RefreshButton } from '../../../components/console/refresh-button';
import { useLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useCreateStreamKey } from '../api/create-stream-key';
import { useRoom } from '../api/get-room';
import { PublishGuide } from './publish-guide';
import { StreamKeyModal } from './stream-key-modal';

function KeyButton({ room, onMade }: { room: RoomView; onMade: (key: StreamKeyView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreateStreamKey();
  const make = () =>
    create.mutateAsync().then(onMade, (error: unknown) => void message.error(errorMessage(error, t('lives.room.keyFailed'))));

  if (!room.streamKeyHint) {
    return (
      <Button type="primary" icon={<KeyOutlined />} loading={create.isPending} onClick={() => void make()}>
        {t('lives.room.newKey')}
      </Button>
    );
  }
  // Rotating drops whoever streams with the old key, so it asks first, louder while live.
  return (
    <Popconfirm
      title={t('lives.room.rotateConfirm')}
      description={
        <div className="tt-confirm-text">
          {room.isLive && (
            <Typography.Text type="danger" strong style={{ display: 'block' }}>
              {t('lives.room.rotateConfirmLive')}
            </Typography.Text>
          )}
          {t('lives.room.rotateConfirmText')}
        </div>
      }
      okText={t('lives.room.rotateKey')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onConfirm={make}
    >
      <Button icon={<KeyOutlined />} loading={create.isPending}>
        {t('lives.room.rotateKey')}
      </Button>
    </Popconfirm>
  );
}

interface RoomPanelProps {
  refetchInterval: number | false;
  /** The seller's lives, to name the one the server says a publish would start. */
  lives: SellerLiveView[];
  /** False while the lives are still loading, so "nothing scheduled" is not claimed too early. */
  livesKnown: boolean;
}

/** 我的直播间: where to publish, the key's hint, a fresh key on demand, and how to go live. */
export function RoomPanel({ refetchInterval, lives, livesKnown }: RoomPanelProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const room = useRoom(refetchInterval);
  const [madeKey, setMadeKey] = useState<StreamKeyView>();

  let body;
  if (room.isPending) body = <ConsoleLoading />;
  else if (room.isError && !room.data) body = <ConsoleError error={room.error} onRetry={() => void room.refetch()} />;
  else {
    const r = room.data;
    const nextLive = lives.find((l) => l.id === r.nextLiveId);
    body = (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'server',
              label: t('lives.room.server'),
              children: (
                <Typography.Text code copyable className="tt-break-all">
                  {r.ingest.server}
                </Typography.Text>
              ),
            },
            { key: 'name', label: t('lives.room.streamName'), children: <Typography.Text code>{r.ingest.streamName}</Typography.Text> },
            {
              key: 'key',
              label: t('lives.room.keyHint'),
              children: r.streamKeyHint ? (
                t('lives.room.keyHintValue', {
                  hint: r.streamKeyHint,
                  time: r.streamKeyCreatedAt ? formatDateTime(r.streamKeyCreatedAt, language) : '—',
                })
              ) : (
                <Typography.Text type="warning">{t('lives.room.noKey')}</Typography.Text>
              ),
            },
            ...(r.isLive || !livesKnown
              ? []
              : [
                  {
                    key: 'next',
                    label: t('lives.room.next'),
                    children: nextLive ? (
                      t('lives.room.nextValue', { title: nextLive.title, time: formatDateTime(nextLive.scheduledAt, language) })
                    ) : (
                      <Typography.Text type="warning">{t('lives.room.noneScheduled')}</Typography.Text>
                    ),
                  },
                ]),
          ]}
        />
        <div>
          <KeyButton room={r} onMade={setMadeKey} />
        </div>
        <PublishGuide room={r} />
      </Space>
    );
  }

  return (
    <Card
      title={
        <Space size={8} wrap>
          <span>{t('lives.room.title')}</span>
          {room.data &&
            (room.data.isLive ? (
              <Tag color="red" className="tt-live-tag-on">
                <span className="tt-live-dot" aria-hidden="true" />
                {t('lives.room.onAir')}
              </Tag>
            ) : (
              <Tag>{t('lives.room.offAir')}</Tag>
            ))}
        </Space>
      }
      extra={<RefreshButton loading={room.isFetching && !room.isPending} onRefresh={() => void room.refetch()} />}
    >
      {body}
      <StreamKeyModal streamKey={madeKey} onClose={() => setMadeKey(undefined)} />
    </Card>
  );
}
