import {
  addDaysIso,
  quarterOf,
  quarterPeriod,
  REGULAR_MEETING_DUE_DAY,
  type MonthStatus,
  type QuarterStatus,
} from "@dangbo/shared";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { CellOverviewQuery } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";

type Due = CellOverviewQuery["cellOverview"]["due"];

type Tone = "done" | "due" | "overdue" | "none";

/** The regular meeting's due date in the month of `asOf` (the shared rule's day). */
export function regularDueDate(asOf: string): string {
  return `${asOf.slice(0, 8)}${String(REGULAR_MEETING_DUE_DAY).padStart(2, "0")}`;
}

/** The last day of the quarter of `asOf`. */
export function quarterEnd(asOf: string): string {
  const quarter = quarterOf(asOf);
  return addDaysIso(quarterPeriod(Number(asOf.slice(0, 4)), quarter).to, -1);
}

export function regularTone(status: MonthStatus, asOf: string): Tone {
  if (status === "ON_TIME" || status === "LATE") return "done";
  if (status === "NOT_REQUIRED") return "none";
  return asOf > regularDueDate(asOf) ? "overdue" : "due";
}

export function thematicTone(status: QuarterStatus): Tone {
  if (status === "HELD") return "done";
  if (status === "NOT_REQUIRED") return "none";
  return "due";
}

/**
 * What the cell owes, first and in plain large words: this month's regular meeting, this
 * quarter's thematic meeting, probations ending soon, and members long absent without reason.
 */
export function DuePanel({ due, asOf }: { due: Due; asOf: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const month = Number(asOf.slice(5, 7));
  const year = Number(asOf.slice(0, 4));
  const quarter = quarterOf(asOf);
  const regular = regularTone(due.regularThisMonth, asOf);
  const thematic = thematicTone(due.thematicThisQuarter);

  return (
    <section className="due-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("cell.due.title")}</h2>
      <ul className="due-list">
        <li className={`due-item due-${regular}`} data-due="regular">
          <span className="due-icon" aria-hidden="true">
            {TONE_ICON[regular]}
          </span>
          <span className="due-text">
            <strong>{t("cell.due.regular", { month, year })}</strong>{" "}
            {t(`cell.due.regularStatus.${due.regularThisMonth}`, {
              date: format.date(regularDueDate(asOf)),
            })}
            {regular === "overdue" && <> {t("cell.due.regularOverdue")}</>}
          </span>
        </li>
        <li className={`due-item due-${thematic}`} data-due="thematic">
          <span className="due-icon" aria-hidden="true">
            {TONE_ICON[thematic]}
          </span>
          <span className="due-text">
            <strong>
              {t("cell.due.thematic", { quarter: t(`cell.quarters.q${quarter}`), year })}
            </strong>{" "}
            {t(`cell.due.thematicStatus.${due.thematicThisQuarter}`, {
              date: format.date(quarterEnd(asOf)),
            })}
          </span>
        </li>
        <li
          className={`due-item due-${due.probationsEnding.length ? "due" : "done"}`}
          data-due="probations"
        >
          <span className="due-icon" aria-hidden="true">
            {TONE_ICON[due.probationsEnding.length ? "due" : "done"]}
          </span>
          <div className="due-text">
            <strong>{t("cell.due.probations", { count: due.probationsEnding.length })}</strong>
            {due.probationsEnding.length === 0 ? (
              <> {t("cell.due.probationsNone")}</>
            ) : (
              <ul className="due-names">
                {due.probationsEnding.map((member) => (
                  <li key={member.memberId}>
                    {t("cell.due.probationEnds", {
                      name: member.fullName,
                      date: member.probationEndsOn ? format.date(member.probationEndsOn) : "—",
                    })}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </li>
        <li
          className={`due-item due-${due.absentMembers.length ? "overdue" : "done"}`}
          data-due="absences"
        >
          <span className="due-icon" aria-hidden="true">
            {TONE_ICON[due.absentMembers.length ? "overdue" : "done"]}
          </span>
          <div className="due-text">
            <strong>{t("cell.due.absences", { count: due.absentMembers.length })}</strong>
            {due.absentMembers.length === 0 ? (
              <> {t("cell.due.absencesNone")}</>
            ) : (
              <>
                <ul className="due-names">
                  {due.absentMembers.map((member) => (
                    <li key={member.memberId}>
                      {t("cell.due.absentFor", { name: member.fullName, count: member.months })}
                    </li>
                  ))}
                </ul>
                <p className="due-note">{t("cell.due.absencesNote")}</p>
              </>
            )}
          </div>
        </li>
      </ul>
    </section>
  );
}

const TONE_ICON: Record<Tone, string> = { done: "✓", due: "!", overdue: "!", none: "–" };
