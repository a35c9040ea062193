import { App, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateView } from '../../../../contracts/compliance';
import { ConsoleEmpty } from '../../../components/console/page-states';
import { ReviewQueueCard, ReviewQueueList } from '../../../components/console/review-queue';
import { ReviewActions, ReviewStatusCell } from '../../../components/console/review-status';
import { useLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useReviewQueue } from '../../../lib/use-review-queue';
import { useCertificates } from '../api/list-certificates';
import { useReviewCertificate } from '../api/review-certificate';
import { CertificateCard } from './certificate-card';
import { CertificateRejectModal } from './certificate-reject-modal';
import { ScanPreview } from './scan-preview';
import { ValidityRange } from './validity-hint';

/** Admin console → 证书审核: the certificates sellers submitted, newest first, with their scans. */
export function CertificateReviewQueue() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queue = useReviewQueue();
  const [rejecting, setRejecting] = useState<CertificateView>();
  const review = useReviewCertificate();
  // This mutation only approves; rejections go through the dialog's own.
  const approvingId = review.isPending ? review.variables.id : undefined;

  const query = useCertificates(queue.params);

  const kindLabel = (c: CertificateView) => t(`certificates.kinds.${c.kind}.label`);

  const approve = (record: CertificateView) =>
    review.mutate(
      { id: record.id, review: { decision: 'approve' } },
      {
        onSuccess: () => void message.success(t('certificates.review.approved', { kind: kindLabel(record), number: record.number })),
        onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))),
      },
    );

  const renderActions = (record: CertificateView) => (
    <ReviewActions
      record={record}
      approvingId={approvingId}
      texts={{
        approve: t('certificates.review.approve'),
        approveTitle: t('certificates.review.approveTitle'),
        approveDescription: t('certificates.review.approveDescription', { kind: kindLabel(record), number: record.number }),
        reject: t('certificates.review.reject'),
        reviewed: t('certificates.review.reviewed'),
      }}
      onApprove={() => approve(record)}
      onReject={() => setRejecting(record)}
    />
  );

  const sellerCell = (sellerId: string) => (
    <Typography.Text code copyable={{ text: sellerId }} style={{ fontSize: 12 }}>
      {sellerId}
    </Typography.Text>
  );

  const columns: TableColumnsType<CertificateView> = [
    {
      title: t('certificates.fields.scan'),
      dataIndex: 'fileId',
      width: 96,
      render: (fileId: string | null) => <ScanPreview fileId={fileId} size={64} />,
    },
    {
      title: t('certificates.fields.kind'),
      dataIndex: 'kind',
      width: 170,
      render: (_, record) => <Typography.Text strong>{kindLabel(record)}</Typography.Text>,
    },
    {
      title: t('certificates.fields.number'),
      dataIndex: 'number',
      width: 180,
      render: (value: string) => (
        <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
          {value}
        </Typography.Text>
      ),
    },
    { title: t('certificates.fields.issuer'), dataIndex: 'issuer', width: 170 },
    {
      title: t('certificates.fields.validity'),
      key: 'validity',
      width: 200,
      render: (_, record) => <ValidityRange validFrom={record.validFrom} validUntil={record.validUntil} />,
    },
    { title: t('certificates.fields.seller'), dataIndex: 'sellerId', width: 150, render: sellerCell },
    {
      title: t('certificates.fields.submittedAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (value: string) => formatDateTime(value, language),
    },
    {
      title: t('certificates.fields.status'),
      dataIndex: 'status',
      width: 160,
      render: (_, record) => <ReviewStatusCell record={record} label={t(`certificates.status.${record.status}`)} />,
    },
    { title: t('certificates.fields.actions'), key: 'actions', fixed: 'right', width: 150, render: (_, record) => renderActions(record) },
  ];

  const loading = query.isPending || (query.isFetching && query.isPlaceholderData);
  return (
    <>
      <ReviewQueueCard
        title={t('certificates.review.title')}
        queue={queue}
        filterLabel={(f) => t(`certificates.review.filters.${f}`)}
        note={t('certificates.review.note')}
        query={query}
      >
        <ReviewQueueList<CertificateView>
          items={query.data?.items ?? []}
          loading={loading}
          empty={
            <ConsoleEmpty
              title={t(queue.filter === 'pending' ? 'certificates.review.emptyPending' : 'certificates.review.empty')}
              description={queue.filter === 'pending' ? t('certificates.review.emptyPendingHint') : undefined}
            />
          }
          columns={columns}
          scrollX={1420}
          renderCard={(item) => (
            <CertificateCard
              certificate={item}
              extraItems={[{ key: 'seller', label: t('certificates.fields.seller'), children: sellerCell(item.sellerId) }]}
              actions={renderActions(item)}
            />
          )}
        />
      </ReviewQueueCard>
      <CertificateRejectModal
        certificate={rejecting}
        onClose={() => setRejecting(undefined)}
        onRejected={(updated) => {
          setRejecting(undefined);
          void message.success(t('certificates.review.rejected', { kind: kindLabel(updated), number: updated.number }));
        }}
      />
    </>
  );
}
