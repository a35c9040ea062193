import { AlertOutlined, AuditOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ConsoleLayout, type ConsoleMenuItem } from '../../../components/console/console-layout';
import { VerificationQueue } from './verification-queue';

export function AdminConsolePage() {
  const { t } = useTranslation();
  const items: ConsoleMenuItem[] = [
    { key: 'verifications', icon: <AuditOutlined />, label: t('admin.menu.verifications') },
    { key: 'certificates', icon: <SafetyCertificateOutlined />, label: t('admin.menu.certificates'), comingSoon: true },
    { key: 'disputes', icon: <AlertOutlined />, label: t('admin.menu.disputes'), comingSoon: true },
    { key: 'users', icon: <TeamOutlined />, label: t('admin.menu.users'), comingSoon: true },
  ];
  return (
    <ConsoleLayout role="admin" items={items} selectedKey="verifications">
      <VerificationQueue />
    </ConsoleLayout>
  );
}
