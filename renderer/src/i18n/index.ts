import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import hi from './hi.json';
import { readPref, writePref } from '../app/storage';

export const LANGS = ['en', 'hi'] as const;
export type Lang = (typeof LANGS)[number];

export function initialLang(): Lang {
  return readPref('lang') === 'hi' ? 'hi' : 'en';
}

/** Creates an initialised i18next instance (a fresh one per test; the app makes one at start). */
export function createI18n(lang: Lang = initialLang()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, hi: { translation: hi } },
    lng: lang,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  instance.on('languageChanged', (lng) => {
    writePref('lang', lng);
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  });
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return instance;
}
