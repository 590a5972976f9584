import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../ui/QueryState.tsx";
import "../campaigns/emulation.css";
import { UnitAwardsQuery } from "./awards.operations.ts";
import { AwardsTable } from "./AwardsTable.tsx";

/** A section of the unit page: the unit's own awards (flags, certificates, titles), newest first. */
export function UnitAwards({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, loading, error, refetch } = useQuery(UnitAwardsQuery, {
    variables: { id: unitId },
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
        isEmpty={(d) => d.orgUnit.awards.length === 0}
        empty={t("awards.section.emptyUnit")}
      >
        {(d) => (
          <AwardsTable
            awards={d.orgUnit.awards}
            label={t("awards.section.title")}
            showRecipient={false}
          />
        )}
      </QueryState>
    </section>
  );
}
