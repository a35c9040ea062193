import { Alert, Card, Descriptions, Tag, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateView } from '../../../../contracts/compliance';
import { reviewStatusColor } from '../../../components/console/review-status';
import { useLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { ScanPreview } from './scan-preview';
import { ValidityRange } from './validity-hint';

interface CertificateCardProps {
  certificate: CertificateView;
  /** Rows only some viewers need, e.g. the seller's id for an admin. */
  extraItems?: NonNullable<DescriptionsProps['items']>;
  /** Shown under a rejection, e.g. "submit again". */
  rejectionAction?: ReactNode;
  actions?: ReactNode;
}

/** One certificate with its dates, review outcome and scan; used in the seller's list and on phones in the admin queue. */
export function CertificateCard({ certificate: c, extraItems = [], rejectionAction, actions }: CertificateCardProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Card
      size="small"
      title={<span style={{ whiteSpace: 'normal' }}>{t(`certificates.kinds.${c.kind}.label`)}</span>}
      extra={<Tag color={reviewStatusColor[c.status]}>{t(`certificates.status.${c.status}`)}</Tag>}
      actions={actions ? [<div key="actions">{actions}</div>] : undefined}
      style={{ height: '100%' }}
    >
      <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Descriptions
          size="small"
          column={1}
          style={{ flex: '1 1 220px', minWidth: 0 }}
          items={[
            {
              key: 'number',
              label: t('certificates.fields.number'),
              children: <Typography.Text copyable={{ text: c.number }} style={{ wordBreak: 'break-all' }}>{c.number}</Typography.Text>,
            },
            { key: 'issuer', label: t('certificates.fields.issuer'), children: c.issuer },
            {
              key: 'validity',
              label: t('certificates.fields.validity'),
              children: <ValidityRange validFrom={c.validFrom} validUntil={c.validUntil} />,
            },
            ...extraItems,
            { key: 'submitted', label: t('certificates.fields.submittedAt'), children: formatDateTime(c.createdAt, language) },
            ...(c.reviewedAt
              ? [{ key: 'reviewed', label: t('certificates.fields.reviewedAt'), children: formatDateTime(c.reviewedAt, language) }]
              : []),
          ]}
        />
        <ScanPreview fileId={c.fileId} size={72} />
      </div>
      {c.status === 'approved' && c.valid && (
        <Typography.Paragraph type="success" style={{ margin: '8px 0 0' }}>
          {t('certificates.validNow', { claims: t(`certificates.kinds.${c.kind}.claims`) })}
        </Typography.Paragraph>
      )}
      {c.status === 'rejected' && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t('certificates.rejectedReason')}
          description={
            <>
              <div className="tt-pre-wrap">{c.reason ?? t('common.none')}</div>
              {rejectionAction && <div style={{ marginTop: 8 }}>{rejectionAction}</div>}
            </>
          }
        />
      )}
    </Card>
  );
}
