import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Grid, Popconfirm, Segmented, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerificationStatus, VerificationView } from '../../../../contracts/accounts';
import { ConsoleEmpty, ConsoleError } from '../../../components/console/page-states';
import { useLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useVerifications } from '../api/list-verifications';
import { useReviewVerification } from '../api/review-verification';
import { RejectModal } from './reject-modal';
import { VerificationCards } from './verification-cards';

type StatusFilter = VerificationStatus | 'all';
const filters: StatusFilter[] = ['pending', 'approved', 'rejected', 'all'];
const PAGE_SIZE = 20;

const statusColor: Record<VerificationStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };
const roleColor = { seller: 'green', coop: 'cyan', mcn: 'purple' } as const;

export function VerificationQueue() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<StatusFilter>('pending');
  // Cursor pagination only knows "next", so the cursors already visited make "previous" possible.
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [rejecting, setRejecting] = useState<VerificationView>();
  const [approvingId, setApprovingId] = useState<string>();
  const review = useReviewVerification();
  const screens = Grid.useBreakpoint();
  // A nine-column table is unusable on a phone; the same data goes into stacked cards there.
  const wide = screens.md ?? true;

  const cursor = cursors[cursors.length - 1];
  const query = useVerifications({ status: filter === 'all' ? undefined : filter, cursor, limit: PAGE_SIZE });

  const changeFilter = (value: StatusFilter) => {
    setFilter(value);
    setCursors([undefined]);
  };

  const approve = (record: VerificationView) => {
    setApprovingId(record.id);
    review.mutate(
      { id: record.id, review: { decision: 'approve' } },
      {
        onSuccess: () => void message.success(t('admin.approved', { organization: record.organizationName })),
        onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))),
        onSettled: () => setApprovingId(undefined),
      },
    );
  };

  const renderActions = (record: VerificationView) =>
        record.status === 'pending' ? (
          <Space>
            <Popconfirm
              title={t('admin.approveConfirm.title')}
              description={t('admin.approveConfirm.description', { organization: record.organizationName, role: t(`roles.${record.role}`) })}
              okText={t('admin.approve')}
              cancelText={t('common.cancel')}
              onConfirm={() => approve(record)}
            >
              <Button type="primary" size="small" loading={approvingId === record.id} disabled={approvingId !== undefined && approvingId !== record.id}>
                {t('admin.approve')}
              </Button>
            </Popconfirm>
            <Button danger size="small" onClick={() => setRejecting(record)} disabled={approvingId === record.id}>
              {t('admin.reject.button')}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('admin.reviewed')}</Typography.Text>
        );

  const columns: TableColumnsType<VerificationView> = [
    {
      title: t('admin.columns.organization'),
      dataIndex: 'organizationName',
      width: 170,
      render: (value: string) => <Typography.Text strong>{value}</Typography.Text>,
    },
    { title: t('admin.columns.legalName'), dataIndex: 'legalName', width: 100 },
    {
      title: t('admin.columns.idLast4'),
      dataIndex: 'idNumberLast4',
      width: 100,
      render: (value: string) => <Typography.Text code>{`…${value}`}</Typography.Text>,
    },
    {
      title: t('admin.columns.licence'),
      dataIndex: 'businessLicenceNo',
      width: 190,
      render: (value: string | null) =>
        value ? <Typography.Text copyable>{value}</Typography.Text> : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
    },
    {
      title: t('admin.columns.role'),
      dataIndex: 'role',
      width: 100,
      render: (role: VerificationView['role']) => <Tag color={roleColor[role]}>{t(`roles.${role}`)}</Tag>,
    },
    {
      title: t('admin.columns.submittedAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (value: string) => formatDateTime(value, language),
    },
    {
      title: t('admin.columns.status'),
      dataIndex: 'status',
      width: 150,
      render: (status: VerificationStatus, record) => (
        <Space orientation="vertical" size={2}>
          <Tag color={statusColor[status]}>{t(`verificationStatus.${status}`)}</Tag>
          {record.reason && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: record.reason }} style={{ margin: 0 }}>
              {record.reason}
            </Typography.Paragraph>
          )}
          {record.reviewedAt && <Typography.Text type="secondary">{formatDateTime(record.reviewedAt, language)}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('admin.columns.actions'),
      key: 'actions',
      fixed: 'right',
      width: 150,
      render: (_, record) => renderActions(record),
    },
  ];

  const page = query.data;
  const loading = query.isPending || (query.isFetching && query.isPlaceholderData);
  const empty = (
    <ConsoleEmpty
      title={t(filter === 'pending' ? 'admin.emptyPending' : 'admin.empty')}
      description={filter === 'pending' ? t('admin.emptyPendingHint') : undefined}
    />
  );
  return (
    <Card
      title={t('admin.queueTitle')}
      extra={
        <Tooltip title={t('common.refresh')}>
          <Button
            type="text"
            icon={<ReloadOutlined />}
            loading={query.isFetching}
            onClick={() => void query.refetch()}
            aria-label={t('common.refresh')}
          />
        </Tooltip>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <div style={{ overflowX: 'auto' }}>
          <Segmented<StatusFilter>
            value={filter}
            onChange={changeFilter}
            options={filters.map((f) => ({ value: f, label: t(`admin.filters.${f}`) }))}
          />
        </div>
        <Typography.Text type="secondary">{t('admin.timeNote')}</Typography.Text>
        {query.isError && !page ? (
          <ConsoleError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <>
            {query.isError && (
              <Typography.Text type="danger" role="alert">
                {errorMessage(query.error, t('common.requestFailed'))}
              </Typography.Text>
            )}
            {wide ? (
              <Table<VerificationView>
                rowKey="id"
                columns={columns}
                dataSource={page?.items ?? []}
                loading={loading}
                pagination={false}
                scroll={{ x: 1110 }}
                size="middle"
                locale={{
                  emptyText: empty,
                }}
              />
            ) : (
              <VerificationCards items={page?.items ?? []} loading={loading} empty={empty} renderActions={renderActions} />
            )}
            <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
              <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
                {t('common.prevPage')}
              </Button>
              <Typography.Text type="secondary">{t('common.pageNumber', { page: cursors.length })}</Typography.Text>
              <Button
                disabled={!page?.nextCursor || query.isPlaceholderData}
                onClick={() => page?.nextCursor && setCursors((c) => [...c, page.nextCursor ?? undefined])}
              >
                {t('common.nextPage')}
              </Button>
            </Space>
          </>
        )}
      </Space>
      <RejectModal
        verification={rejecting}
        onClose={() => setRejecting(undefined)}
        onRejected={(updated) => {
          setRejecting(undefined);
          void message.success(t('admin.rejected', { organization: updated.organizationName }));
        }}
      />
    </Card>
  );
}
