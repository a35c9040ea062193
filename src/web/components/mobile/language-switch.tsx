import { GlobalOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';

/** Two languages only, so one tap flips between them; the label names the language you get. */
export function MobileLanguageSwitch({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const next = language === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className={`tt-lang-pill ${className ?? ''}`}
      onClick={() => void setLanguage(next)}
      aria-label={t('language.switchTo', { language: t(`language.names.${next}`) })}
      lang={next}
    >
      <GlobalOutline aria-hidden="true" />
      <span>{t(`language.short.${next}`)}</span>
    </button>
  );
}
