import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { useChartFormat } from "../../ui/charts/format.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { headlineText } from "./headline.ts";
import { CoverageHeadlineQuery } from "./implementation.operations.ts";
import "./implementation.css";

/** The coverage headline of a document for a unit, e.g. on the document's page. */
export function CoverageSummary({ documentId, unitId }: { documentId: string; unitId: string }) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const query = useQuery(CoverageHeadlineQuery, { variables: { documentId, unitId } });
  return (
    <QueryState
      loading={query.loading}
      error={query.error}
      data={query.data}
      onRetry={() => query.refetch()}
      loadingLabel={t("implementation.loading")}
    >
      {({ implementationCoverage: { total, requirements } }) =>
        total.required === 0 ? (
          <p className="hint">{t("implementation.headline.noRequirement")}</p>
        ) : (
          <p className="coverage-summary" data-coverage="summary">
            <strong>{headlineText(t, format.percent(total.percent), requirements)}</strong>{" "}
            <span>
              (
              {t("implementation.headline.counts", {
                issued: format.number(total.issued),
                required: format.number(total.required),
              })}
              )
            </span>
          </p>
        )
      }
    </QueryState>
  );
}
