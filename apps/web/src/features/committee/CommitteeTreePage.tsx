import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { CommitteeTree } from "./CommitteeTree.tsx";
import { UnitSearch } from "./UnitSearch.tsx";

export function CommitteeTreePage() {
  const { t } = useTranslation();
  const headingId = useId();
  useDocumentTitle(t("committee.title"));
  return (
    <>
      <h1 id={headingId}>{t("committee.title")}</h1>
      <p className="lead">{t("committee.intro")}</p>
      <UnitSearch />
      <CommitteeTree labelledBy={headingId} />
    </>
  );
}
