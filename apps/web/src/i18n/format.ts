import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage, type Language } from "./index.ts";

const LOCALES: Record<Language, string> = { vi: "vi-VN", en: "en-GB" };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date (`YYYY-MM-DD`) for reading: dd/MM/yyyy in Vietnamese, "5 Mar 2024" in
 * English. Formatted in UTC so the day never shifts with the device's time zone.
 */
export function formatDate(iso: string, language: Language): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const options: Intl.DateTimeFormatOptions =
    language === "vi"
      ? { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }
      : { dateStyle: "medium", timeZone: "UTC" };
  return new Intl.DateTimeFormat(LOCALES[language], options).format(date);
}

/** 1.234 in Vietnamese, 1,234 in English. */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}

/** Formatters for the current language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.resolvedLanguage ?? i18n.language);
  return useMemo(
    () => ({
      language,
      date: (iso: string) => formatDate(iso, language),
      number: (value: number) => formatNumber(value, language),
    }),
    [language],
  );
}
