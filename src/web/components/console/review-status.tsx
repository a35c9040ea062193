import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewStatus } from '../../../contracts/common';
import { useLanguage } from '../../i18n';
import { formatDateTime } from '../../lib/format';

export const reviewStatusColor: Record<ReviewStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

interface Reviewable {
  id: string;
  status: ReviewStatus;
  reason: string | null;
  reviewedAt: string | null;
}

/** The status tag, and for a reviewed record the reason and when. */
export function ReviewStatusCell({ record, label }: { record: Reviewable; label: string }) {
  const { language } = useLanguage();
  return (
    <Space orientation="vertical" size={2}>
      <Tag color={reviewStatusColor[record.status]}>{label}</Tag>
      {record.reason && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: record.reason }} style={{ margin: 0 }}>
          {record.reason}
        </Typography.Paragraph>
      )}
      {record.reviewedAt && <Typography.Text type="secondary">{formatDateTime(record.reviewedAt, language)}</Typography.Text>}
    </Space>
  );
}

export interface ReviewActionTexts {
  approve: string;
  approveTitle: string;
  approveDescription: string;
  reject: string;
  reviewed: string;
}

interface ReviewActionsProps {
  record: Reviewable;
  /** The record whose approval is on its way; one at a time. */
  approvingId: string | undefined;
  texts: ReviewActionTexts;
  onApprove: () => void;
  onReject: () => void;
}

/** 通过 (after a confirmation) and 驳回 for a pending record; a quiet "reviewed" once decided. */
export function ReviewActions({ record, approvingId, texts, onApprove, onReject }: ReviewActionsProps) {
  const { t } = useTranslation();
  if (record.status !== 'pending') return <Typography.Text type="secondary">{texts.reviewed}</Typography.Text>;
  return (
    <Space wrap>
      <Popconfirm title={texts.approveTitle} description={texts.approveDescription} okText={texts.approve} cancelText={t('common.cancel')} onConfirm={onApprove}>
        <Button type="primary" size="small" loading={approvingId === record.id} disabled={approvingId !== undefined && approvingId !== record.id}>
          {texts.approve}
        </Button>
      </Popconfirm>
      <Button danger size="small" onClick={onReject} disabled={approvingId === record.id}>
        {texts.reject}
      </Button>
    </Space>
  );
}
