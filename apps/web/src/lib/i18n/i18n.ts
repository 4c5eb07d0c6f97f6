import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'riskledger.language';

/** Each file in locales/<language>/ is one group of keys, named like the file: risks.json → risks.*. */
function bundle(files: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(files).map(([path, module]) => [
      path.replace(/^.*\/([^/]+)\.json$/, '$1'),
      (module as { default: unknown }).default,
    ]),
  );
}

const resources = {
  sv: { translation: bundle(import.meta.glob('../../locales/sv/*.json', { eager: true })) },
  en: { translation: bundle(import.meta.glob('../../locales/en/*.json', { eager: true })) },
};

export function savedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'sv';
}

/** Swedish first; the choice of English is remembered in this browser. */
export async function startI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: savedLanguage(),
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
}

export async function chooseLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** The Intl locale of a language: Swedish dates read 2026-12-04, decimals take a comma. */
export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'sv-SE';
}
