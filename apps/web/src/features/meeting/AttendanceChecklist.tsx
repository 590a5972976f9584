import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState, LoadingState } from "../../ui/QueryState.tsx";
import type { AttendanceRow } from "./storage.ts";
import { ATTENDANCE_STATUSES } from "./values.ts";

interface AttendanceChecklistProps {
  rows: readonly AttendanceRow[];
  loading: boolean;
  failed: boolean;
  onRetry: () => void;
  /** Errors of single rows, by member id (e.g. the server's `attendance.3.memberId`). */
  rowErrors: Record<string, string>;
  error: string | undefined;
  groupRef: (el: HTMLElement | null) => void;
  rowRef: (memberId: string, el: HTMLElement | null) => void;
  onChange: (rows: AttendanceRow[], changedMemberId?: string) => void;
}

/**
 * Who attended: every member of the cell on the meeting's date, present unless marked
 * otherwise. One tap marks an excused absence (a reason field then appears) or an absence.
 */
export function AttendanceChecklist({
  rows,
  loading,
  failed,
  onRetry,
  rowErrors,
  error,
  groupRef,
  rowRef,
  onChange,
}: AttendanceChecklistProps) {
  const { t } = useTranslation();
  const id = useId();
  const counts = {
    present: rows.filter((row) => row.status === "PRESENT").length,
    excused: rows.filter((row) => row.status === "EXCUSED").length,
    absent: rows.filter((row) => row.status === "ABSENT").length,
  };
  const update = (memberId: string, patch: Partial<AttendanceRow>) =>
    onChange(
      rows.map((row) => (row.memberId === memberId ? { ...row, ...patch } : row)),
      memberId,
    );
  const allPresent = rows.every((row) => row.status === "PRESENT");

  return (
    <fieldset
      className="attendance"
      ref={groupRef}
      tabIndex={-1}
      aria-describedby={`${id}-summary${error ? ` ${id}-error` : ""}`}
    >
      <legend>{t("meeting.attendance.title")}</legend>
      {loading ? (
        <LoadingState label={t("meeting.attendance.loading")} />
      ) : failed ? (
        <ErrorState code="SERVICE_UNAVAILABLE" onRetry={onRetry} />
      ) : rows.length === 0 ? (
        <p className="hint">{t("meeting.attendance.empty")}</p>
      ) : (
        <>
          <div className="attendance-head">
            <p id={`${id}-summary`} className="attendance-summary" aria-live="polite">
              {t("meeting.attendance.summary", {
                total: rows.length,
                present: counts.present,
                excused: counts.excused,
                absent: counts.absent,
              })}
            </p>
            <button
              type="button"
              className="button button-secondary"
              aria-disabled={allPresent}
              onClick={() => {
                if (allPresent) return;
                onChange(rows.map((row) => ({ ...row, status: "PRESENT", reason: "" })));
              }}
            >
              {t("meeting.attendance.allPresent")}
            </button>
          </div>
          <p className="hint">{t("meeting.attendance.hint")}</p>
          <ul className="attendance-list">
            {rows.map((row) => {
              const rowError = rowErrors[row.memberId];
              const errorId = `${id}-${row.memberId}-error`;
              return (
                <li key={row.memberId} className="attendance-row" data-status={row.status}>
                  <fieldset
                    className="attendance-member"
                    tabIndex={-1}
                    ref={(el) => rowRef(row.memberId, el)}
                    aria-invalid={rowError ? true : undefined}
                    aria-describedby={rowError ? errorId : undefined}
                  >
                    <legend className="attendance-name">
                      {row.fullName}
                      {row.temporary && (
                        <span className="badge badge-muted">{t("cell.members.temporary")}</span>
                      )}
                    </legend>
                    <div className="attendance-options">
                      {ATTENDANCE_STATUSES.map((status) => (
                        <label key={status} className={`attendance-option option-${status}`}>
                          <input
                            type="radio"
                            name={`${id}-${row.memberId}`}
                            value={status}
                            checked={row.status === status}
                            onChange={() => update(row.memberId, { status })}
                          />
                          <span>{t(`meeting.attendance.status.${status}`)}</span>
                        </label>
                      ))}
                    </div>
                  </fieldset>
                  {row.status === "EXCUSED" && (
                    <div className="field attendance-reason">
                      <label htmlFor={`${id}-${row.memberId}-reason`}>
                        {t("meeting.attendance.reason")}
                        <span className="visually-hidden">: {row.fullName}</span>
                      </label>
                      <input
                        id={`${id}-${row.memberId}-reason`}
                        type="text"
                        value={row.reason}
                        placeholder={t("meeting.attendance.reasonExample")}
                        maxLength={300}
                        onChange={(event) => update(row.memberId, { reason: event.target.value })}
                      />
                    </div>
                  )}
                  {rowError && (
                    <p id={errorId} className="field-error">
                      {rowError}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
