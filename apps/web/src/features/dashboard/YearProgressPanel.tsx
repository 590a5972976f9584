import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdmissionProgressQuery as ProgressData } from "../../gql/graphql.ts";
import { ChartFigure } from "../../ui/charts/ChartFigure.tsx";
import { ChartLegend } from "../../ui/charts/ChartLegend.tsx";
import { ChartPanel } from "../../ui/charts/ChartPanel.tsx";
import { CHART_COLORS } from "../../ui/charts/colors.ts";
import type { ExportSpec } from "../../ui/charts/exportFile.ts";
import { useChartFormat } from "../../ui/charts/format.ts";
import { ChartSuspense, SeriesLineChart } from "../../ui/charts/lazy.tsx";
import type { LegendEntry } from "../../ui/charts/legend.ts";
import type { LineSeries } from "../../ui/charts/SeriesLineChart.tsx";
import { fileSuffix, sortRows } from "./ByUnitPanel.tsx";
import { AdmissionProgressQuery } from "./dashboard.operations.ts";
import { periodVariables, type Period } from "./period.ts";

type Progress = ProgressData["admissionProgress"];
type Row = Progress["unit"];

interface YearProgressPanelProps {
  progress: Progress;
  unitId: string;
  period: Period;
  periodLabel: string;
}

/** Months of the period (1–12) and how many of them have begun (the rest are still to come). */
export function periodMonths(progress: Progress): { months: number[]; elapsed: number } {
  const first = Number(progress.period.from.slice(5, 7));
  const count = progress.unit.cumulative.length;
  const months = Array.from({ length: count }, (_, i) => first + i);
  const until = progress.period.until;
  const lastMonth = Number(until.slice(5, 7));
  const elapsed =
    Number(until.slice(0, 4)) > progress.period.year
      ? count
      : Math.min(count, Math.max(0, lastMonth - first + 1));
  return { months, elapsed };
}

export function YearProgressPanel({
  progress,
  unitId,
  period,
  periodLabel,
}: YearProgressPanelProps) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const compareId = useId();
  const showUnitId = useId();
  const [compareWith, setCompareWith] = useState("");
  const [showUnit, setShowUnit] = useState(true);

  const candidates = useMemo(() => sortRows(progress.rows, "name"), [progress.rows]);
  const compared = candidates.find((row) => row.unitId === compareWith);
  const unit = progress.unit;
  const { months, elapsed } = periodMonths(progress);
  const shown: Row[] = compared ? (showUnit ? [unit, compared] : [compared]) : [unit];

  const palette = [
    { solid: CHART_COLORS.primary, dashed: CHART_COLORS.pace },
    { solid: CHART_COLORS.compare, dashed: CHART_COLORS.comparePace },
  ];
  const lines: LineSeries[] = [];
  const legend: LegendEntry[] = [];
  shown.forEach((row) => {
    const colors = row === unit ? palette[0]! : palette[1]!;
    const cumulativeName = t("dashboard.progress.cumulative", { name: row.name });
    const paceName = t("dashboard.progress.pace", { name: row.name });
    lines.push(
      {
        key: `${row.unitId}-cumulative`,
        name: cumulativeName,
        color: colors.solid,
        // Months still to come have no admissions yet: the line stops at today.
        values: row.cumulative.map((value, i) => (i < elapsed ? value : null)),
      },
      {
        key: `${row.unitId}-pace`,
        name: paceName,
        color: colors.dashed,
        dashed: true,
        values: row.pace,
      },
    );
    legend.push(
      { label: cumulativeName, color: colors.solid, shape: "line" },
      { label: paceName, color: colors.dashed, shape: "dashed" },
    );
  });

  const columns = {
    unit: t("dashboard.progress.columns.unit"),
    target: t("dashboard.progress.columns.target"),
    admitted: t("dashboard.progress.columns.admitted"),
    monthly: t("dashboard.progress.columns.monthly"),
    cumulative: t("dashboard.progress.columns.cumulative"),
    pace: t("dashboard.progress.columns.pace"),
  };
  const title = t("dashboard.progress.title");
  const exportSpec: ExportSpec = {
    document: AdmissionProgressQuery,
    variables: { unitId, ...periodVariables(period) },
    path: "admissionProgress.rows",
    columns: [
      { key: "name", header: columns.unit },
      { key: "target", header: columns.target },
      { key: "admitted", header: columns.admitted },
      { key: "monthly", header: columns.monthly },
      { key: "cumulative", header: columns.cumulative },
      { key: "pace", header: columns.pace },
    ],
    filename: `${t("dashboard.progress.filename")}-${fileSuffix(period)}`,
    title: `${title} – ${unit.name} – ${periodLabel}`,
  };

  const lastIndex = Math.max(0, elapsed - 1);
  const focus = shown[0]!;
  const summary = t("dashboard.progress.summary", {
    // Mid-sentence: "đến tháng 12" (Intl writes "Tháng 12"), "by December".
    month:
      format.language === "vi"
        ? format.month(months[lastIndex] ?? 1, "long").toLocaleLowerCase("vi")
        : format.month(months[lastIndex] ?? 1, "long"),
    name: focus.name,
    cumulative: format.number(focus.cumulative[lastIndex] ?? 0),
    pace: format.number(focus.pace[lastIndex] ?? 0),
  });

  return (
    <ChartPanel
      id="dashboard-progress"
      title={title}
      intro={<p className="hint">{t("dashboard.progress.intro")}</p>}
      controls={
        <>
          <div className="field">
            <label htmlFor={compareId}>{t("dashboard.progress.compare")}</label>
            <select
              id={compareId}
              value={compareWith}
              onChange={(event) => setCompareWith(event.target.value)}
            >
              <option value="">{t("dashboard.progress.compareNone")}</option>
              {candidates.map((row) => (
                <option key={row.unitId} value={row.unitId}>
                  {row.name}
                </option>
              ))}
            </select>
          </div>
          {compared && (
            <div className="field field-checkbox">
              <input
                id={showUnitId}
                type="checkbox"
                checked={showUnit}
                onChange={(event) => setShowUnit(event.target.checked)}
              />
              <label htmlFor={showUnitId}>
                {t("dashboard.progress.showUnit", { name: unit.name })}
              </label>
            </div>
          )}
        </>
      }
      exportSpec={exportSpec}
      png={{ filename: exportSpec.filename, subtitle: `${unit.name} – ${periodLabel}`, legend }}
    >
      {(view) =>
        view === "chart" ? (
          <>
            <ChartSuspense>
              <ChartFigure summary={summary}>
                <SeriesLineChart
                  categories={months.map((month) => format.month(month))}
                  lines={lines}
                  formatValue={format.number}
                />
              </ChartFigure>
            </ChartSuspense>
            <ChartLegend entries={legend} label={t("charts.legend")} />
          </>
        ) : (
          <div className="table-container">
            <table className="data-table" aria-label={title}>
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.progress.month")}</th>
                  {lines.map((line) => (
                    <th scope="col" className="numeric" key={line.key}>
                      {line.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {months.map((month, i) => (
                  <tr key={month}>
                    <th scope="row">{format.month(month, "long")}</th>
                    {lines.map((line) => {
                      const value = line.values[i];
                      return (
                        <td className="numeric" data-label={line.name} key={line.key}>
                          {value === null || value === undefined ? "—" : format.number(value)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </ChartPanel>
  );
}
