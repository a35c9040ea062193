import { AccountBookOutlined, InboxOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ConsoleLayout, type ConsoleMenuItem } from '../../../components/console/console-layout';
import { CoopMembersPanel } from '../../coop/components/coop-members-panel';

export function CoopConsolePage() {
  const { t } = useTranslation();
  // Members are live; consolidated batches and settlement arrive later and show as coming soon.
  const items: ConsoleMenuItem[] = [
    { key: 'members', icon: <TeamOutlined />, label: t('consoles.coop.members') },
    { key: 'batches', icon: <InboxOutlined />, label: t('consoles.coop.batches'), comingSoon: true },
    { key: 'settlement', icon: <AccountBookOutlined />, label: t('consoles.coop.settlement'), comingSoon: true },
  ];
  return (
    <ConsoleLayout role="coop" items={items} selectedKey="members">
      <CoopMembersPanel />
    </ConsoleLayout>
  );
}
