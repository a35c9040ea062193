import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useLanguage } from '../../i18n';
import { consoleTheme } from './theme';

export function ConsoleProvider({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  return (
    <ConfigProvider theme={consoleTheme} locale={language === 'en' ? enUS : zhCN}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
