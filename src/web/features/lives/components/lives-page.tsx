import { CommentOutlined, EditOutlined, ExportOutlined, PictureOutlined, PlusOutlined, PoweroffOutlined, SafetyOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Grid, List, Popconfirm, Space, Table, Typography, type TableProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SellerLiveView } from '../../../../contracts/live';
import { ConsoleEmpty, ConsoleError, ConsoleLoading, ConsoleRefreshError } from '../../../components/console/page-states';
import { RefreshButton } from '../../../components/console/refresh-button';
import { useLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useCancelLive } from '../api/cancel-live';
import { useEndLive } from '../api/end-live';
import { roomQueryKey } from '../api/get-room';
import { livesPollInterval, useSellerLives } from '../api/list-seller-lives';
import { LiveStatusTag } from './live-status-tag';
import { liveConsolePath, liveEditorPath, viewerPath } from './paths';
import { PreflightModal } from './preflight-modal';
import { Recordings } from './recordings';
import { RoomPanel } from './room-panel';
import '../../../components/console/console-lists.css';
import './lives.css';

function LiveActions({ live, onPreflight, compact }: { live: SellerLiveView; onPreflight: (live: SellerLiveView) => void; compact?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const cancel = useCancelLive();
  const end = useEndLive();
  const size = compact ? 'small' : 'middle';

  const onCancel = () =>
    cancel.mutateAsync(live.id).then(
      () => void message.success(t('lives.actions.cancelled', { title: live.title })),
      (error: unknown) => void message.error(errorMessage(error, t('common.requestFailed'))),
    );
  const onEnd = () =>
    end.mutateAsync(live.id).then(
      () => void message.success(t('lives.actions.ended')),
      (error: unknown) => void message.error(errorMessage(error, t('common.requestFailed'))),
    );

  return (
    <Space size={0} wrap>
      {live.status === 'scheduled' && (
        <>
          <Button size={size} type="link" icon={<EditOutlined />} onClick={() => void navigate(liveEditorPath(live.id))}>
            {t('lives.actions.edit')}
          </Button>
          <Button size={size} type="link" icon={<SafetyOutlined />} onClick={() => onPreflight(live)}>
            {t('lives.actions.preflight')}
          </Button>
        </>
      )}
      {(live.status === 'live' || live.status === 'scheduled') && (
        <Button size={size} type="link" icon={<CommentOutlined />} onClick={() => void navigate(liveConsolePath(live.id))}>
          {t('lives.actions.console')}
        </Button>
      )}
      {live.status !== 'cancelled' && (
        <Button size={size} type="link" icon={<ExportOutlined />} href={viewerPath(live.id)} target="_blank" rel="noopener">
          {t('lives.actions.view')}
        </Button>
      )}
      {live.status === 'live' && (
        <Popconfirm
          title={t('lives.actions.endConfirm')}
          description={<div className="tt-confirm-text">{t('lives.actions.endConfirmText')}</div>}
          okText={t('lives.actions.end')}
          okButtonProps={{ danger: true }}
          cancelText={t('lives.actions.keep')}
          onConfirm={onEnd}
        >
          <Button size={size} type="link" danger icon={<PoweroffOutlined />} loading={end.isPending}>
            {t('lives.actions.end')}
          </Button>
        </Popconfirm>
      )}
      {live.status === 'scheduled' && (
        <Popconfirm
          title={t('lives.actions.cancelConfirm')}
          description={<div className="tt-confirm-text">{t('lives.actions.cancelConfirmText', { title: live.title })}</div>}
          okText={t('lives.actions.cancel')}
          okButtonProps={{ danger: true }}
          cancelText={t('lives.actions.keep')}
          onConfirm={onCancel}
        >
          <Button size={size} type="link" danger icon={<StopOutlined />} loading={cancel.isPending}>
            {t('lives.actions.cancel')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

/** When a live starts or ends in the list, the room's badge is asked again at once, not on its next poll. */
function useRoomFollowsLives(lives: SellerLiveView[] | undefined) {
  const queryClient = useQueryClient();
  const onAir = lives?.filter((l) => l.status === 'live').map((l) => l.id).join(',');
  const previous = useRef(onAir);
  useEffect(() => {
    if (previous.current === onAir) return;
    const known = previous.current !== undefined;
    previous.current = onAir;
    if (known) void queryClient.invalidateQueries({ queryKey: roomQueryKey });
  }, [onAir, queryClient]);
}

/** The scheduled time, and when the live actually went on air, which may be earlier or later. */
function LiveTimes({ live }: { live: SellerLiveView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <span>
      {formatDateTime(live.scheduledAt, language)}
      {live.startedAt && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('lives.list.startedAt', { time: formatDateTime(live.startedAt, language) })}
        </Typography.Text>
      )}
    </span>
  );
}

function TitleCell({ live }: { live: SellerLiveView }) {
  const { t } = useTranslation();
  return (
    <div className="tt-list-cell">
      {live.coverUrl ? (
        <img className="tt-thumb tt-live-thumb" src={live.coverUrl} alt="" loading="lazy" />
      ) : (
        <span className="tt-thumb tt-live-thumb" aria-hidden="true">
          <PictureOutlined />
        </span>
      )}
      <div className="tt-list-cell-text">
        <Typography.Text strong ellipsis={{ tooltip: live.title }} style={{ maxWidth: 300, display: 'block' }}>
          {live.title}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('lives.list.productCount', { n: live.productIds.length })}
        </Typography.Text>
      </div>
    </div>
  );
}

export function LivesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().md ?? true;
  const lives = useSellerLives();
  const [checking, setChecking] = useState<SellerLiveView>();
  // The room's on-air badge follows the same rhythm as the list.
  const interval = livesPollInterval(lives.data);
  useRoomFollowsLives(lives.data);

  const columns: TableProps<SellerLiveView>['columns'] = [
    { key: 'live', title: t('lives.list.columns.live'), render: (_, l) => <TitleCell live={l} /> },
    { key: 'status', title: t('lives.list.columns.status'), width: 110, render: (_, l) => <LiveStatusTag status={l.status} /> },
    { key: 'time', title: t('lives.list.columns.time'), width: 190, render: (_, l) => <LiveTimes live={l} /> },
    { key: 'recordings', title: t('lives.list.columns.recordings'), width: 200, render: (_, l) => (l.status === 'ended' ? <Recordings recordings={l.recordings} /> : '—') },
    { key: 'actions', title: t('lives.list.columns.actions'), width: 250, render: (_, l) => <LiveActions live={l} onPreflight={setChecking} compact /> },
  ];

  const items = lives.data ?? [];
  let body;
  if (lives.isPending) body = <ConsoleLoading />;
  else if (lives.isError && !lives.data) body = <ConsoleError error={lives.error} onRetry={() => void lives.refetch()} />;
  else if (items.length === 0)
    body = (
      <ConsoleEmpty title={t('lives.list.empty')} description={t('lives.list.emptyHint')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(liveEditorPath())}>
          {t('lives.list.add')}
        </Button>
      </ConsoleEmpty>
    );
  else if (wide) body = <Table<SellerLiveView> rowKey="id" columns={columns} dataSource={items} pagination={items.length > 20 ? { pageSize: 20 } : false} />;
  else
    body = (
      <List<SellerLiveView>
        dataSource={items}
        pagination={items.length > 20 ? { pageSize: 20, size: 'small', align: 'center' } : false}
        rowKey="id"
        renderItem={(l) => (
          <List.Item className="tt-list-item">
            <div style={{ width: '100%' }}>
              <TitleCell live={l} />
              <div className="tt-list-meta">
                <LiveStatusTag status={l.status} />
                <LiveTimes live={l} />
              </div>
              {l.status === 'ended' && <Recordings recordings={l.recordings} />}
              <LiveActions live={l} onPreflight={setChecking} compact />
            </div>
          </List.Item>
        )}
      />
    );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <RoomPanel refetchInterval={interval} lives={items} livesKnown={lives.isSuccess} />
      <Card
        title={t('lives.list.title')}
        extra={
          <Space size={4}>
            <RefreshButton loading={lives.isFetching && !lives.isPending} onRefresh={() => void lives.refetch()} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(liveEditorPath())}>
              <span className="tt-hide-xs">{t('lives.list.add')}</span>
            </Button>
          </Space>
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {interval === 5_000 && (
            <Typography.Text type="secondary" role="status">
              {t('lives.list.polling')}
            </Typography.Text>
          )}
          {lives.isError && lives.data && <ConsoleRefreshError error={lives.error} />}
          {body}
        </Space>
      </Card>
      <PreflightModal live={checking} onClose={() => setChecking(undefined)} />
    </Space>
  );
}
