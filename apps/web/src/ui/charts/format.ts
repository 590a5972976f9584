import { useMemo } from "react";
import { useFormat } from "../../i18n/format.ts";
import type { Language } from "../../i18n/index.ts";

const LOCALES: Record<Language, string> = { vi: "vi-VN", en: "en-GB" };

/** "106%", "173,3%" (vi) / "173.3%" (en); null (no target) is a dash. */
export function formatPercent(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 }).format(value)}%`;
}

/** A month of the year (1–12) by name: "thg 3" / "Mar", or "tháng 3" / "March" when long. */
export function formatMonth(month: number, language: Language, width: "short" | "long"): string {
  return new Intl.DateTimeFormat(LOCALES[language], { month: width, timeZone: "UTC" }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}

/** The app's formatters plus percent and month names, for charts and their tables. */
export function useChartFormat() {
  const format = useFormat();
  return useMemo(
    () => ({
      ...format,
      percent: (value: number | null | undefined) => formatPercent(value, format.language),
      month: (month: number, width: "short" | "long" = "short") =>
        formatMonth(month, format.language, width),
    }),
    [format],
  );
}
