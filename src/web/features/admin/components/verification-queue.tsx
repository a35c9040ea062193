import { App, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerificationView } from '../../../../contracts/accounts';
import { ConsoleEmpty } from '../../../components/console/page-states';
import { ReviewQueueCard, ReviewQueueList } from '../../../components/console/review-queue';
import { ReviewActions, ReviewStatusCell } from '../../../components/console/review-status';
import { useLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useReviewQueue } from '../../../lib/use-review-queue';
import { useVerifications } from '../api/list-verifications';
import { useReviewVerification } from '../api/review-verification';
import { RejectModal } from './reject-modal';
import { VerificationCard } from './verification-card';

const roleColor = { seller: 'green', coop: 'cyan', mcn: 'purple' } as const;

export function VerificationQueue() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queue = useReviewQueue();
  const [rejecting, setRejecting] = useState<VerificationView>();
  const review = useReviewVerification();
  // This mutation only approves; rejections go through the dialog's own.
  const approvingId = review.isPending ? review.variables.id : undefined;

  const query = useVerifications(queue.params);

  const approve = (record: VerificationView) =>
    review.mutate(
      { id: record.id, review: { decision: 'approve' } },
      {
        onSuccess: () => void message.success(t('admin.approved', { organization: record.organizationName })),
        onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))),
      },
    );

  const renderActions = (record: VerificationView) => (
    <ReviewActions
      record={record}
      approvingId={approvingId}
      texts={{
        approve: t('admin.approve'),
        approveTitle: t('admin.approveConfirm.title'),
        approveDescription: t('admin.approveConfirm.description', { organization: record.organizationName, role: t(`roles.${record.role}`) }),
        reject: t('admin.reject.button'),
        reviewed: t('admin.reviewed'),
      }}
      onApprove={() => approve(record)}
      onReject={() => setRejecting(record)}
    />
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
      render: (_, record) => <ReviewStatusCell record={record} label={t(`verificationStatus.${record.status}`)} />,
    },
    { title: t('admin.columns.actions'), key: 'actions', fixed: 'right', width: 150, render: (_, record) => renderActions(record) },
  ];

  const loading = query.isPending || (query.isFetching && query.isPlaceholderData);
  return (
    <>
      <ReviewQueueCard
        title={t('admin.queueTitle')}
        queue={queue}
        filterLabel={(f) => t(`admin.filters.${f}`)}
        note={t('admin.timeNote')}
        query={query}
      >
        <ReviewQueueList<VerificationView>
          items={query.data?.items ?? []}
          loading={loading}
          empty={
            <ConsoleEmpty
              title={t(queue.filter === 'pending' ? 'admin.emptyPending' : 'admin.empty')}
              description={queue.filter === 'pending' ? t('admin.emptyPendingHint') : undefined}
            />
          }
          columns={columns}
          scrollX={1110}
          renderCard={(item) => <VerificationCard item={item} actions={renderActions(item)} />}
        />
      </ReviewQueueCard>
      <RejectModal
        verification={rejecting}
        onClose={() => setRejecting(undefined)}
        onRejected={(updated) => {
          setRejecting(undefined);
          void message.success(t('admin.rejected', { organization: updated.organizationName }));
        }}
      />
    </>
  );
}
