import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { MembersList } from "./MembersList.tsx";

/** Every member the user may see: the whole subtree of the user's own unit. */
export function MembersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("members.title"));
  return (
    <>
      <h1>{t("members.title")}</h1>
      <MembersList />
    </>
  );
}
