import { useCallback } from "react";
import { useFormat } from "./format.ts";
import type { Language } from "./index.ts";

const LOCALES: Record<Language, string> = { vi: "vi-VN", en: "en-GB" };

/**
 * An instant (ISO date-time from the API, in UTC) for reading, in the device's time zone:
 * "14:05 05/03/2024" in Vietnamese, "5 Mar 2024, 14:05" in English.
 */
export function formatDateTime(iso: unknown, language: Language, timeZone?: string): string {
  const date = new Date(String(iso));
  if (Number.isNaN(date.getTime())) return String(iso);
  const options: Intl.DateTimeFormatOptions =
    language === "vi"
      ? { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" }
      : { dateStyle: "medium", timeStyle: "short" };
  return new Intl.DateTimeFormat(LOCALES[language], {
    ...options,
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** formatDateTime in the current language. */
export function useDateTimeFormat(): (iso: unknown) => string {
  const { language } = useFormat();
  return useCallback((iso: unknown) => formatDateTime(iso, language), [language]);
}
