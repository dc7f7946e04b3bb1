import { type Locale, locales } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { setLocale, useLocale } from '.';

/** Each language named in itself, so a reader of either can find their own. */
const localeNames: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <select
      className="language-switch"
      aria-label={t('topBar.language')}
      value={locale}
      onChange={(event) => {
        const next = locales.find((candidate) => candidate === event.target.value);
        if (next) setLocale(next);
      }}
    >
      {locales.map((value) => (
        <option key={value} value={value}>
          {localeNames[value]}
        </option>
      ))}
    </select>
  );
}
