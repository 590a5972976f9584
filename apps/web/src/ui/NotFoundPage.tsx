import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDocumentTitle } from "./hooks.ts";

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("notFound.title"));
  return (
    <section className="not-found">
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.text")}</p>
      <p>
        <Link to="/units" className="button">
          {t("notFound.home")}
        </Link>
      </p>
    </section>
  );
}
