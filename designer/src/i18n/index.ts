import { type Locale, locales } from '@journey/shared';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

const STORAGE_KEY = 'journey.locale';

function isLocale(value: unknown): value is Locale {
  return (locales as readonly unknown[]).includes(value);
}

function savedLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return isLocale(saved) ? saved : 'en';
}

export const i18n = i18next.createInstance();

// Screen readers and the browser's hyphenation follow the page's language.
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: savedLocale(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false,
  showSupportNotice: false,
});

/** Switches the interface language and remembers the choice for the next visit. */
export function setLocale(locale: Locale): void {
  void i18n.changeLanguage(locale);
  localStorage.setItem(STORAGE_KEY, locale);
}

/** The interface language, as the catalog's localized texts are keyed. */
export function useLocale(): Locale {
  const { i18n: instance } = useTranslation();
  return isLocale(instance.language) ? instance.language : 'en';
}
