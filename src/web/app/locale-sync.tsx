import { useEffect, useRef } from 'react';
import { hasStoredLanguage, setLanguage, useLanguage } from '../i18n';
import { useMe } from '../lib/auth/get-me';
import { useUpdateMe } from '../lib/auth/update-me';

/**
 * Keeps the account's saved language (used for messages sent outside the app) in step with the
 * UI: a choice made on this device wins; a device with no choice adopts the account's language.
 */
export function LocaleSync() {
  const { data: me } = useMe();
  const { language } = useLanguage();
  const { mutate } = useUpdateMe();
  const attempted = useRef<string | null>(null);

  useEffect(() => {
    if (!me || me.locale === language) return;
    if (!hasStoredLanguage()) {
      void setLanguage(me.locale);
      return;
    }
    const key = `${me.id}:${language}`;
    if (attempted.current === key) return;
    attempted.current = key;
    mutate({ locale: language });
  }, [me, language, mutate]);

  return null;
}
