import { REGULAR_MEETING_DUE_DAY, type MonthStatus, type QuarterStatus } from "@dangbo/shared";
import { Fragment, useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CellComplianceQuery } from "../../gql/graphql.ts";
import { useChartFormat } from "../../ui/charts/format.ts";

type Node = CellComplianceQuery["cellCompliance"]["edges"][number]["node"];

export const MONTH_STATUSES = ["ON_TIME", "LATE", "MISSING", "NOT_REQUIRED"] as const;
export const QUARTER_STATUSES = ["HELD", "MISSING", "NOT_REQUIRED"] as const;

/** A column of the grid: a month of the period, or a quarter after its last month. */
export type Column =
  | { kind: "month"; month: number; index: number }
  | { kind: "quarter"; quarter: number; index: number };

/**
 * The grid's columns for a period starting at `firstMonth` with `months` months and `quarters`
 * quarters (as the API sends them): each quarter follows its last month shown.
 */
export function heatMapColumns(firstMonth: number, months: number, quarters: number): Column[] {
  const columns: Column[] = [];
  const firstQuarter = Math.ceil(firstMonth / 3);
  let q = 0;
  for (let i = 0; i < months; i++) {
    const month = firstMonth + i;
    columns.push({ kind: "month", month, index: i });
    const quarter = Math.ceil(month / 3);
    const lastShown = i === months - 1 || Math.ceil((month + 1) / 3) !== quarter;
    if (lastShown && q < quarters && quarter === firstQuarter + q) {
      columns.push({ kind: "quarter", quarter, index: q });
      q++;
    }
  }
  return columns;
}

interface HeatMapProps {
  nodes: readonly Node[];
  year: number;
  /** First month of the period (1 for a year, 4 for the 2nd quarter…). */
  firstMonth: number;
  cellPath: (cellId: string) => string;
}

/**
 * Cells × months as a real table: every square says its status in words (an abbreviation
 * shown, the full word for screen readers) as well as by colour, with quarter columns for the
 * thematic meeting. It scrolls sideways inside its own box on a phone, never the page.
 */
export function HeatMap({ nodes, year, firstMonth, cellPath }: HeatMapProps) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const captionId = useId();
  const monthCount = Math.max(0, ...nodes.map((n) => n.months.length));
  const quarterCount = Math.max(0, ...nodes.map((n) => n.quarters.length));
  const columns = heatMapColumns(firstMonth, monthCount, quarterCount);
  const groups: { name: string; nodes: Node[] }[] = [];
  for (const node of nodes) {
    const last = groups[groups.length - 1];
    if (last && last.name === node.groupName) last.nodes.push(node);
    else groups.push({ name: node.groupName, nodes: [node] });
  }
  const span = columns.length + 3;

  return (
    <div
      className="heatmap-scroll"
      role="region"
      aria-labelledby={captionId}
      // Focusable, so that the keyboard can scroll it.
      tabIndex={0}
    >
      <table className="heatmap">
        <caption id={captionId} className="visually-hidden">
          {t("compliance.heatmap.caption", { year })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="heatmap-cell-name">
              {t("compliance.heatmap.cell")}
            </th>
            {columns.map((column) =>
              column.kind === "month" ? (
                <th key={`m${column.month}`} scope="col" className="heatmap-month">
                  <abbr title={t("compliance.heatmap.monthLong", { month: column.month, year })}>
                    {t("compliance.heatmap.monthShort", { month: column.month })}
                  </abbr>
                </th>
              ) : (
                <th key={`q${column.quarter}`} scope="col" className="heatmap-quarter">
                  <abbr
                    title={t("compliance.heatmap.quarterLong", {
                      quarter: t(`cell.quarters.q${column.quarter as 1 | 2 | 3 | 4}`),
                      year,
                    })}
                  >
                    {t("compliance.heatmap.quarterShort", { quarter: column.quarter })}
                  </abbr>
                </th>
              ),
            )}
            <th scope="col" className="numeric">
              {t("compliance.columns.attendanceRate")}
            </th>
            <th scope="col">{t("compliance.heatmap.complies")}</th>
          </tr>
        </thead>
        {groups.map((group, g) => (
          <tbody key={`${group.name}-${g}`}>
            {/* A grassroots cell directly under the unit is its own group: no header. */}
            {!(group.nodes.length === 1 && group.nodes[0]!.name === group.name) && (
              <tr className="heatmap-group">
                <th scope="rowgroup" colSpan={span}>
                  {group.name}
                </th>
              </tr>
            )}
            {group.nodes.map((node) => (
              <tr key={node.cellId}>
                <th scope="row" className="heatmap-cell-name">
                  <Link to={cellPath(node.cellId)}>{node.name}</Link>
                </th>
                {columns.map((column) => (
                  <Fragment key={`${column.kind}${column.index}`}>
                    {column.kind === "month" ? (
                      <StatusCell status={node.months[column.index]} kind="month" />
                    ) : (
                      <StatusCell status={node.quarters[column.index]} kind="quarter" />
                    )}
                  </Fragment>
                ))}
                <td className="numeric">{format.percent(node.attendanceRate)}</td>
                <td className={node.complies ? "complies-yes" : "complies-no"}>
                  {node.complies ? t("compliance.heatmap.yes") : t("compliance.heatmap.no")}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function StatusCell({
  status,
  kind,
}: {
  status: MonthStatus | QuarterStatus | undefined;
  kind: "month" | "quarter";
}) {
  const { t } = useTranslation();
  if (!status) return <td className="hm hm-none" />;
  const base = kind === "month" ? "compliance.month" : "compliance.quarter";
  return (
    <td className={`hm hm-${status.toLowerCase()} hm-${kind}`} data-status={status}>
      <span aria-hidden="true">
        {t(`${base}.short.${status}` as "compliance.month.short.ON_TIME")}
      </span>
      <span className="visually-hidden">
        {t(`${base}.long.${status}` as "compliance.month.long.ON_TIME", {
          day: REGULAR_MEETING_DUE_DAY,
        })}
      </span>
    </td>
  );
}

/** The legend in words: what each abbreviation and colour means. */
export function HeatMapLegend() {
  const { t } = useTranslation();
  return (
    <div className="heatmap-legend">
      <p className="legend-title">{t("compliance.heatmap.legendMonths")}</p>
      <ul>
        {MONTH_STATUSES.map((status) => (
          <li key={status}>
            <span className={`hm-swatch hm hm-${status.toLowerCase()}`} aria-hidden="true">
              {t(`compliance.month.short.${status}`)}
            </span>
            {t(`compliance.month.long.${status}`, { day: REGULAR_MEETING_DUE_DAY })}
          </li>
        ))}
      </ul>
      <p className="legend-title">{t("compliance.heatmap.legendQuarters")}</p>
      <ul>
        {QUARTER_STATUSES.map((status) => (
          <li key={status}>
            <span className={`hm-swatch hm hm-${status.toLowerCase()}`} aria-hidden="true">
              {t(`compliance.quarter.short.${status}`)}
            </span>
            {t(`compliance.quarter.long.${status}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
