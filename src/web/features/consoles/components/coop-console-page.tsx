import { AccountBookOutlined, InboxOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ConsoleHome } from './console-home';

export function CoopConsolePage() {
  const { t } = useTranslation();
  return (
    <ConsoleHome
      role="coop"
      welcome={t('consoles.coop.welcome')}
      sections={[
        { key: 'members', icon: <TeamOutlined />, label: t('consoles.coop.members'), emptyTitle: t('consoles.coop.membersEmpty'), emptyText: t('consoles.coop.membersText') },
        { key: 'batches', icon: <InboxOutlined />, label: t('consoles.coop.batches'), emptyTitle: t('consoles.coop.batchesEmpty'), emptyText: t('consoles.coop.batchesText') },
        { key: 'settlement', icon: <AccountBookOutlined />, label: t('consoles.coop.settlement'), emptyTitle: t('consoles.coop.settlementEmpty'), emptyText: t('consoles.coop.settlementText') },
      ]}
    />
  );
}
