import { AlertOutlined, AuditOutlined, FileSearchOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ConsoleLayout, type ConsoleMenuItem } from '../../../components/console/console-layout';
import { ConsoleLoading } from '../../../components/console/page-states';

export function AdminConsolePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // /admin/<section> → the menu key; /admin itself is the verification queue.
  const section = useLocation().pathname.split('/')[2] || 'verifications';
  const items: ConsoleMenuItem[] = [
    { key: 'verifications', icon: <AuditOutlined />, label: t('admin.menu.verifications') },
    { key: 'certificates', icon: <SafetyCertificateOutlined />, label: t('admin.menu.certificates') },
    { key: 'claim-rules', icon: <FileSearchOutlined />, label: t('claimRules.menu') },
    { key: 'disputes', icon: <AlertOutlined />, label: t('admin.menu.disputes'), comingSoon: true },
    { key: 'users', icon: <TeamOutlined />, label: t('admin.menu.users'), comingSoon: true },
  ];
  return (
    <ConsoleLayout
      role="admin"
      items={items}
      selectedKey={section}
      onSelect={(key) => void navigate(key === 'verifications' ? '/admin' : `/admin/${key}`)}
    >
      <Suspense fallback={<ConsoleLoading />}>
        <Outlet />
      </Suspense>
    </ConsoleLayout>
  );
}
