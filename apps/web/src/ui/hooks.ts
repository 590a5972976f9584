import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** The value, once it has stopped changing for `delay` ms (for search-as-you-type). */
export function useDebouncedValue<T>(value: T, delay = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/** Sets the browser tab's title: "<page> – Dangbo". */
export function useDocumentTitle(page: string | undefined): void {
  const { t } = useTranslation();
  const title = page ? t("app.title", { page }) : t("app.name");
  useEffect(() => {
    document.title = title;
  }, [title]);
}
