import { Card, Descriptions, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerificationView } from '../../../../contracts/accounts';
import { useLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';

interface VerificationCardsProps {
  items: VerificationView[];
  loading: boolean;
  empty: ReactNode;
  renderActions: (record: VerificationView) => ReactNode;
}

const statusColor = { pending: 'gold', approved: 'green', rejected: 'red' } as const;

/** The review queue on a phone: one card per application, actions at the bottom. */
export function VerificationCards({ items, loading, empty, renderActions }: VerificationCardsProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (loading && items.length === 0) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (items.length === 0) return <>{empty}</>;
  return (
    <div className="tt-review-cards" aria-busy={loading}>
      {items.map((item) => (
        <Card
          key={item.id}
          size="small"
          title={item.organizationName}
          extra={<Tag color={statusColor[item.status]}>{t(`verificationStatus.${item.status}`)}</Tag>}
          actions={[<div key="actions">{renderActions(item)}</div>]}
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
      ))}
    </div>
  );
}
