import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../ui/QueryState.tsx";
import "../campaigns/emulation.css";
import { MemberAwardsQuery } from "./awards.operations.ts";
import { AwardsTable } from "./AwardsTable.tsx";

/** A section of the member page: the member's awards, newest first. */
export function MemberAwards({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, loading, error, refetch } = useQuery(MemberAwardsQuery, {
    variables: { id: memberId },
  });
  return (
    <section aria-labelledby={headingId} className="emulation">
      <h2 id={headingId}>{t("awards.section.title")}</h2>
      <QueryState
        loading={loading}
        error={error}
        data={data}
        onRetry={() => refetch()}
        loadingLabel={t("awards.section.loading")}
        isEmpty={(d) => d.member.awards.length === 0}
        empty={t("awards.section.emptyMember")}
      >
        {(d) => (
          <AwardsTable
            awards={d.member.awards}
            label={t("awards.section.title")}
            showRecipient={false}
          />
        )}
      </QueryState>
    </section>
  );
}
