import { App, Button, Card, Popconfirm, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModeratorView, SanctionView } from '../../../../contracts/room';
import { ConsoleError } from '../../../components/console/page-states';
import { RefreshButton } from '../../../components/console/refresh-button';
import { useLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useLiftSanction } from '../api/lift-sanction';
import { useModerators } from '../api/list-moderators';
import { useSanctions } from '../api/list-sanctions';
import { useRemoveModerator } from '../api/remove-moderator';

/** 禁言 / 拉黑名单: who is muted or banned, until when, and a way to let them back. */
export function SanctionsCard({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const sanctions = useSanctions(roomId);
  const lift = useLiftSanction();

  const onLift = (s: SanctionView) =>
    lift.mutateAsync({ roomId, userId: s.userId }).then(
      () => void message.success(t('lives.console.lifted', { name: s.name })),
      (error: unknown) => void message.error(errorMessage(error, t('common.requestFailed'))),
    );

  const columns: TableProps<SanctionView>['columns'] = [
    { key: 'name', title: t('lives.console.columns.user'), render: (_, s) => <Typography.Text strong>{s.name}</Typography.Text> },
    {
      key: 'kind',
      title: t('lives.console.columns.kind'),
      width: 80,
      render: (_, s) => <Tag color={s.kind === 'ban' ? 'red' : 'orange'}>{t(`lives.console.kinds.${s.kind}`)}</Tag>,
    },
    {
      key: 'until',
      title: t('lives.console.columns.until'),
      render: (_, s) => (s.until ? formatDateTime(s.until, language) : t('lives.console.forever')),
    },
    {
      key: 'reason',
      title: t('lives.console.columns.reason'),
      responsive: ['md'],
      render: (_, s) => s.reason ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'actions',
      title: t('lives.console.columns.actions'),
      width: 80,
      render: (_, s) => (
        <Popconfirm
          title={t('lives.console.liftConfirm', { name: s.name })}
          okText={t('lives.console.lift')}
          cancelText={t('common.cancel')}
          onConfirm={() => onLift(s)}
        >
          <Button size="small" type="link" loading={lift.isPending && lift.variables?.userId === s.userId}>
            {t('lives.console.lift')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card
      title={t('lives.console.sanctionsTitle')}
      size="small"
      extra={<RefreshButton loading={sanctions.isFetching && !sanctions.isPending} onRefresh={() => void sanctions.refetch()} />}
    >
      {sanctions.isError && !sanctions.data ? (
        <ConsoleError error={sanctions.error} onRetry={() => void sanctions.refetch()} />
      ) : (
        <Table<SanctionView>
          size="small"
          rowKey="userId"
          loading={sanctions.isPending}
          columns={columns}
          dataSource={sanctions.data ?? []}
          pagination={(sanctions.data?.length ?? 0) > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: t('lives.console.noSanctions') }}
        />
      )}
    </Card>
  );
}

/** 房管: the anchor's helpers; only the anchor adds (from a chat line) or removes them. */
export function ModeratorsCard({ roomId, isAnchor }: { roomId: string; isAnchor: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const moderators = useModerators(roomId);
  const remove = useRemoveModerator();

  const onRemove = (m: ModeratorView) =>
    remove.mutateAsync({ roomId, userId: m.userId }).then(
      () => void message.success(t('lives.console.moderatorRemoved', { name: m.name })),
      (error: unknown) => void message.error(errorMessage(error, t('common.requestFailed'))),
    );

  const columns: TableProps<ModeratorView>['columns'] = [
    { key: 'name', title: t('lives.console.columns.user'), render: (_, m) => <Typography.Text strong>{m.name}</Typography.Text> },
    { key: 'since', title: t('lives.console.columns.since'), render: (_, m) => formatDateTime(m.createdAt, language) },
    ...(isAnchor
      ? [
          {
            key: 'actions',
            title: t('lives.console.columns.actions'),
            width: 80,
            render: (_: unknown, m: ModeratorView) => (
              <Popconfirm
                title={t('lives.console.removeModeratorConfirm', { name: m.name })}
                okText={t('lives.console.removeModerator')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => onRemove(m)}
              >
                <Button size="small" type="link" danger loading={remove.isPending && remove.variables?.userId === m.userId}>
                  {t('lives.console.removeModerator')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('lives.console.moderatorsTitle')}
      size="small"
      extra={<RefreshButton loading={moderators.isFetching && !moderators.isPending} onRefresh={() => void moderators.refetch()} />}
    >
      {moderators.isError && !moderators.data ? (
        <ConsoleError error={moderators.error} onRetry={() => void moderators.refetch()} />
      ) : (
        <Table<ModeratorView>
          size="small"
          rowKey="userId"
          loading={moderators.isPending}
          columns={columns}
          dataSource={moderators.data ?? []}
          pagination={false}
          locale={{ emptyText: isAnchor ? t('lives.console.noModeratorsHint') : t('lives.console.noModerators') }}
        />
      )}
    </Card>
  );
}
