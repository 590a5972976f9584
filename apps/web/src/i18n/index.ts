import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.ts";
import { vi } from "./vi.ts";

export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "vi";

const STORAGE_KEY = "dangbo.language";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen earlier on this device, else Vietnamese (not the browser's language). */
export function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    // Private browsing modes may refuse storage; the default still works.
    return DEFAULT_LANGUAGE;
  }
}

function rememberLanguage(language: string): void {
  if (typeof document !== "undefined") document.documentElement.lang = language;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
}

i18n.on("languageChanged", rememberLanguage);

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  // Both languages are bundled: initialise synchronously so the first render is translated.
  initAsync: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

/** The current language, narrowed to the ones the app has. */
export function currentLanguage(
  language: string = i18n.resolvedLanguage ?? i18n.language,
): Language {
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

export { i18n };
