import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { languages, useLanguage, type Language } from '../../i18n';

export function ConsoleLanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [language],
        items: languages.map((lng) => ({ key: lng, label: <span lang={lng}>{t(`language.names.${lng}`)}</span> })),
        onClick: ({ key }) => void setLanguage(key as Language),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('language.label')}>
        <span className="tt-hide-xs">{t(`language.names.${language}`)}</span>
      </Button>
    </Dropdown>
  );
}
