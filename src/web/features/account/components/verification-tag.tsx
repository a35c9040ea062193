import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { VerificationStatus } from '../../../../contracts/accounts';

const colors: Record<VerificationStatus, 'warning' | 'success' | 'danger'> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
};

export function VerificationTag({ status }: { status: VerificationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} fill="outline">
      {t(`verificationStatus.${status}`)}
    </Tag>
  );
}
