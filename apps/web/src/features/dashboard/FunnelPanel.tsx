import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import type { AdmissionFunnelQuery as FunnelData } from "../../gql/graphql.ts";
import { ChartFigure } from "../../ui/charts/ChartFigure.tsx";
import { ChartPanel } from "../../ui/charts/ChartPanel.tsx";
import { CHART_COLORS } from "../../ui/charts/colors.ts";
import type { ExportSpec } from "../../ui/charts/exportFile.ts";
import { useChartFormat } from "../../ui/charts/format.ts";
import { CategoryBarChart, ChartSuspense } from "../../ui/charts/lazy.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { fileSuffix } from "./ByUnitPanel.tsx";
import { AdmissionFunnelQuery } from "./dashboard.operations.ts";
import { periodVariables, type Period } from "./period.ts";

export const STAGES = ["AWARENESS_CLASS", "VERIFIED", "PROPOSED", "ADMITTED", "OFFICIAL"] as const;
type Stage = (typeof STAGES)[number];
type FunnelStage = FunnelData["admissionFunnel"][number];

function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

/** Stages in pipeline order (the API's order, made explicit). */
export function orderStages(stages: readonly FunnelStage[]): FunnelStage[] {
  const rank = (s: FunnelStage) => (isStage(s.stage) ? STAGES.indexOf(s.stage) : STAGES.length);
  return [...stages].sort((a, b) => rank(a) - rank(b));
}

interface FunnelPanelProps {
  unitId: string;
  unitName: string;
  period: Period;
  periodLabel: string;
}

export function FunnelPanel({ unitId, unitName, period, periodLabel }: FunnelPanelProps) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const variables = { unitId, ...periodVariables(period) };
  const { data, loading, error, refetch } = useQuery(AdmissionFunnelQuery, { variables });
  const stageName = (stage: string) =>
    isStage(stage) ? t(`dashboard.funnel.stages.${stage}`) : stage;

  const columns = {
    stage: t("dashboard.funnel.columns.stage"),
    count: t("dashboard.funnel.columns.count"),
    conversion: t("dashboard.funnel.columns.conversion"),
  };
  const title = t("dashboard.funnel.title");
  const filename = `${t("dashboard.funnel.filename")}-${fileSuffix(period)}`;
  const exportSpec: ExportSpec | undefined = data && {
    document: AdmissionFunnelQuery,
    variables,
    path: "admissionFunnel",
    columns: [
      { key: "stage", header: columns.stage },
      { key: "count", header: columns.count },
      { key: "conversion", header: columns.conversion },
    ],
    filename,
    title: `${title} – ${unitName} – ${periodLabel}`,
  };

  return (
    <ChartPanel
      id="dashboard-funnel"
      title={title}
      intro={<p className="hint">{t("dashboard.funnel.intro")}</p>}
      exportSpec={exportSpec}
      png={
        data
          ? {
              filename,
              subtitle: `${unitName} – ${periodLabel}`,
              legend: [{ label: columns.count, color: CHART_COLORS.funnel, shape: "box" }],
            }
          : undefined
      }
    >
      {(view) => (
        <QueryState
          loading={loading}
          error={error}
          data={data}
          onRetry={() => refetch()}
          isEmpty={(d) => d.admissionFunnel.every((stage) => stage.count === 0)}
          empty={t("dashboard.funnel.empty")}
        >
          {(d) => {
            const stages = orderStages(d.admissionFunnel);
            const countOf = (stage: Stage) =>
              format.number(stages.find((s) => s.stage === stage)?.count ?? 0);
            return view === "chart" ? (
              <ChartSuspense>
                <ChartFigure
                  summary={t("dashboard.funnel.summary", {
                    first: countOf("AWARENESS_CLASS"),
                    admitted: countOf("ADMITTED"),
                    official: countOf("OFFICIAL"),
                  })}
                >
                  <CategoryBarChart
                    layout="horizontal"
                    data={stages.map((stage) => ({
                      id: stage.stage,
                      name: stageName(stage.stage),
                      values: { count: stage.count },
                      labels: {
                        count:
                          stage.conversion === null
                            ? format.number(stage.count)
                            : t("dashboard.funnel.countLabel", {
                                count: format.number(stage.count),
                                conversion: format.percent(stage.conversion),
                              }),
                      },
                    }))}
                    series={[{ key: "count", name: columns.count, color: CHART_COLORS.funnel }]}
                    formatValue={format.number}
                  />
                </ChartFigure>
              </ChartSuspense>
            ) : (
              <div className="table-container">
                <table className="data-table" aria-label={title}>
                  <thead>
                    <tr>
                      <th scope="col">{columns.stage}</th>
                      <th scope="col" className="numeric">
                        {columns.count}
                      </th>
                      <th scope="col" className="numeric">
                        {columns.conversion}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {stages.map((stage) => (
                      <tr key={stage.stage}>
                        <th scope="row">{stageName(stage.stage)}</th>
                        <td className="numeric" data-label={columns.count}>
                          {format.number(stage.count)}
                        </td>
                        <td className="numeric" data-label={columns.conversion}>
                          {format.percent(stage.conversion)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          }}
        </QueryState>
      )}
    </ChartPanel>
  );
}
