import { CalendarOutlined, LineChartOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ConsoleHome } from './console-home';

export function McnConsolePage() {
  const { t } = useTranslation();
  return (
    <ConsoleHome
      role="mcn"
      welcome={t('consoles.mcn.welcome')}
      sections={[
        { key: 'creators', icon: <UserAddOutlined />, label: t('consoles.mcn.creators'), emptyTitle: t('consoles.mcn.creatorsEmpty'), emptyText: t('consoles.mcn.creatorsText') },
        { key: 'schedule', icon: <CalendarOutlined />, label: t('consoles.mcn.schedule'), emptyTitle: t('consoles.mcn.scheduleEmpty'), emptyText: t('consoles.mcn.scheduleText') },
        { key: 'performance', icon: <LineChartOutlined />, label: t('consoles.mcn.performance'), emptyTitle: t('consoles.mcn.performanceEmpty'), emptyText: t('consoles.mcn.performanceText') },
      ]}
    />
  );
}
