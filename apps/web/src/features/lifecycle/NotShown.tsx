import { useTranslation } from "react-i18next";

/** A dash for data that is missing or masked for the user's role, with words for screen readers. */
export function NotShown() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t("common.notShown")}</span>
    </>
  );
}
