// French first, English available (react-admin bundles its English messages anyway).
// The page's lang attribute follows the chosen language.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import frenchMessages from 'ra-language-french';
import { mergeTranslations } from 'react-admin';
import { en } from './i18n/en.ts';
import { fr } from './i18n/fr.ts';

const messages = { fr: mergeTranslations(frenchMessages, fr), en: mergeTranslations(englishMessages, en) };

export const i18nProvider = polyglotI18nProvider(
  (locale) => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'fr';
    return locale === 'en' ? messages.en : messages.fr;
  },
  'fr',
  [
    { locale: 'fr', name: 'Français' },
    { locale: 'en', name: 'English' },
  ],
);
