import { AlertOutlined, BarChartOutlined, FileSearchOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ConsoleHome } from './console-home';

export function RegulatorConsolePage() {
  const { t } = useTranslation();
  return (
    <ConsoleHome
      role="regulator"
      welcome={t('consoles.regulator.welcome')}
      sections={[
        { key: 'complaints', icon: <AlertOutlined />, label: t('consoles.regulator.complaints'), emptyTitle: t('consoles.regulator.complaintsEmpty'), emptyText: t('consoles.regulator.complaintsText') },
        { key: 'claims', icon: <StopOutlined />, label: t('consoles.regulator.claims'), emptyTitle: t('consoles.regulator.claimsEmpty'), emptyText: t('consoles.regulator.claimsText') },
        { key: 'sales', icon: <BarChartOutlined />, label: t('consoles.regulator.sales'), emptyTitle: t('consoles.regulator.salesEmpty'), emptyText: t('consoles.regulator.salesText') },
        { key: 'archive', icon: <FileSearchOutlined />, label: t('consoles.regulator.archive'), emptyTitle: t('consoles.regulator.archiveEmpty'), emptyText: t('consoles.regulator.archiveText') },
      ]}
    />
  );
}
