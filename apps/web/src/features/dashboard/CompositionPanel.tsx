import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CompositionDimension } from "../../gql/graphql.ts";
import { ChartFigure } from "../../ui/charts/ChartFigure.tsx";
import { ChartPanel } from "../../ui/charts/ChartPanel.tsx";
import { CHART_COLORS } from "../../ui/charts/colors.ts";
import type { ExportSpec } from "../../ui/charts/exportFile.ts";
import { useChartFormat } from "../../ui/charts/format.ts";
import { CategoryBarChart, ChartSuspense } from "../../ui/charts/lazy.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { fileSuffix } from "./ByUnitPanel.tsx";
import { AdmissionCompositionQuery } from "./dashboard.operations.ts";
import { periodVariables, type Period } from "./period.ts";

export const DIMENSIONS = [
  "SECTOR",
  "GENDER",
  "AGE_BAND",
  "ETHNICITY",
  "OCCUPATION",
] as const satisfies readonly CompositionDimension[];

/** The enum translations each dimension's keys are looked up in; ethnicities are names already. */
const KEY_PREFIX: Record<CompositionDimension, string | null> = {
  SECTOR: "enums.sector",
  GENDER: "enums.gender",
  OCCUPATION: "enums.occupation",
  AGE_BAND: "dashboard.composition.ageBand",
  ETHNICITY: null,
};

/** A group's label: the translated enum value, or the key as it is (ethnicity, unknown values). */
export function useGroupLabel(dimension: CompositionDimension) {
  const { t, i18n } = useTranslation();
  const prefix = KEY_PREFIX[dimension];
  return (key: string): string => {
    if (!prefix) return key;
    const path = `${prefix}.${key}`;
    return i18n.exists(path) ? (t as (k: string) => string)(path) : key;
  };
}

interface CompositionPanelProps {
  unitId: string;
  unitName: string;
  period: Period;
  periodLabel: string;
}

export function CompositionPanel({ unitId, unitName, period, periodLabel }: CompositionPanelProps) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const byId = useId();
  const [dimension, setDimension] = useState<CompositionDimension>("SECTOR");
  const variables = { unitId, ...periodVariables(period), by: dimension };
  const { data, loading, error, refetch } = useQuery(AdmissionCompositionQuery, { variables });
  const label = useGroupLabel(dimension);

  const columns = {
    group: t("dashboard.composition.columns.group"),
    count: t("dashboard.composition.columns.count"),
    share: t("dashboard.composition.columns.share"),
  };
  const title = t("dashboard.composition.title");
  const dimensionName = t(`dashboard.composition.dimensions.${dimension}`);
  const filename = `${t("dashboard.composition.filename")}-${dimension.toLowerCase()}-${fileSuffix(period)}`;
  const exportSpec: ExportSpec | undefined = data && {
    document: AdmissionCompositionQuery,
    variables,
    path: "admissionComposition",
    columns: [
      { key: "key", header: `${columns.group} (${dimensionName})` },
      { key: "count", header: columns.count },
      { key: "share", header: columns.share },
    ],
    filename,
    title: `${title} – ${dimensionName} – ${unitName} – ${periodLabel}`,
  };

  return (
    <ChartPanel
      id="dashboard-composition"
      title={title}
      controls={
        <div className="field">
          <label htmlFor={byId}>{t("dashboard.composition.by")}</label>
          <select
            id={byId}
            value={dimension}
            onChange={(event) => setDimension(event.target.value as CompositionDimension)}
          >
            {DIMENSIONS.map((value) => (
              <option key={value} value={value}>
                {t(`dashboard.composition.dimensions.${value}`)}
              </option>
            ))}
          </select>
        </div>
      }
      exportSpec={exportSpec}
      png={
        data
          ? {
              filename,
              subtitle: `${dimensionName} – ${unitName} – ${periodLabel}`,
              legend: [{ label: columns.count, color: CHART_COLORS.series, shape: "box" }],
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
          isEmpty={(d) => d.admissionComposition.every((slice) => slice.count === 0)}
          empty={t("dashboard.composition.empty")}
        >
          {({ admissionComposition: slices }) => {
            const top = slices.reduce((a, b) => (b.count > a.count ? b : a));
            return view === "chart" ? (
              <ChartSuspense>
                <ChartFigure
                  summary={t("dashboard.composition.summary", {
                    dimension: dimensionName,
                    groups: slices.length,
                    top: label(top.key),
                    count: format.number(top.count),
                    share: format.percent(top.share),
                  })}
                >
                  <CategoryBarChart
                    layout="horizontal"
                    data={slices.map((slice) => ({
                      id: slice.key,
                      name: label(slice.key),
                      values: { count: slice.count },
                      labels: { count: format.percent(slice.share) },
                    }))}
                    series={[{ key: "count", name: columns.count, color: CHART_COLORS.series }]}
                    formatValue={format.number}
                  />
                </ChartFigure>
              </ChartSuspense>
            ) : (
              <div className="table-container">
                <table className="data-table" aria-label={`${title}: ${dimensionName}`}>
                  <thead>
                    <tr>
                      <th scope="col">{columns.group}</th>
                      <th scope="col" className="numeric">
                        {columns.count}
                      </th>
                      <th scope="col" className="numeric">
                        {columns.share}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {slices.map((slice) => (
                      <tr key={slice.key}>
                        <th scope="row">{label(slice.key)}</th>
                        <td className="numeric" data-label={columns.count}>
                          {format.number(slice.count)}
                        </td>
                        <td className="numeric" data-label={columns.share}>
                          {format.percent(slice.share)}
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
