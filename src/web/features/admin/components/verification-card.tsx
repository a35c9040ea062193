import { Card, Descriptions, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerificationView } from '../../../../contracts/accounts';
import { reviewStatusColor } from '../../../components/console/review-status';
import { useLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';

/** One application in the review queue on a phone, actions at the bottom. */
export function VerificationCard({ item, actions }: { item: VerificationView; actions: ReactNode }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Card
      size="small"
      title={item.organizationName}
      extra={<Tag color={reviewStatusColor[item.status]}>{t(`verificationStatus.${item.status}`)}</Tag>}
      actions={[<div key="actions">{actions}</div>]}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'role', label: t('admin.columns.role'), children: t(`roles.${item.role}`) },
          { key: 'name', label: t('admin.columns.legalName'), children: item.legalName },
          { key: 'id', label: t('admin.columns.idLast4'), children: `…${item.idNumberLast4}` },
          {
            key: 'licence',
            label: t('admin.columns.licence'),
            children: item.businessLicenceNo ?? t('common.none'),
          },
          { key: 'time', label: t('admin.columns.submittedAt'), children: formatDateTime(item.createdAt, language) },
          ...(item.reason
            ? [
                {
                  key: 'reason',
                  label: t('admin.reject.reason'),
                  children: <Typography.Text className="tt-pre-wrap">{item.reason}</Typography.Text>,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
