import { useMutation, useQuery } from "@apollo/client/react";
import {
  EXIT_STATUSES,
  extensionMonthsOf,
  extensionProblem,
  MAX_EXTENSION_MONTHS,
  recognitionProblem,
  type ExitStatus,
  type MemberStatus,
} from "@dangbo/shared";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { getFragmentData } from "../../gql/index.ts";
import type { ProbationRowFragment } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { LoadMore } from "../../ui/LoadMore.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { RequireRole } from "../auth/guards.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { evictDevelopmentFigures } from "./cache.ts";
import { provinceToday } from "./dates.ts";
import { badInput, describeBadInput, describeFailure, fieldName, rowIndex } from "./errors.ts";
import { DateField, SelectField, TextAreaField, TextInputField } from "./fields.tsx";
import {
  ExtendProbationMutation,
  ProbationDueQuery,
  ProbationRowFragment as ProbationRowDoc,
  RecogniseOfficialMutation,
  RecordExitMutation,
} from "./lifecycle.operations.ts";
import "./development.css";

export const PROBATION_PAGE_SIZE = 50;
const WINDOWS = [30, 60, 90, 180, 365] as const;
const READERS = ["ADMIN", "LEADER", "STAFF", "ANALYST"] as const;
const BOARD = ["ADMIN", "STAFF"] as const;

type Row = ProbationRowFragment;
type Action = "recognise" | "extend" | "exit";

/**
 * `/probation`: probationary members of the viewer's unit whose probation ends soon or is
 * overdue, with the batch decisions of the organisation board (all or nothing).
 */
export function ProbationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("lifecycle.probation.title"));
  return (
    <RequireRole roles={READERS}>
      <div className="development">
        <h1>{t("lifecycle.probation.title")}</h1>
        <p className="lead">{t("lifecycle.probation.intro")}</p>
        <ProbationDue />
      </div>
    </RequireRole>
  );
}

export function ProbationDue({ today = provinceToday() }: { today?: string }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const id = useId();
  const [withinDays, setWithinDays] = useState<number>(60);
  const [selected, setSelected] = useState<string[]>([]);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const unitId = viewer?.unit.id ?? "";
  const { data, loading, error, refetch, fetchMore } = useQuery(ProbationDueQuery, {
    variables: { unitId, withinDays, first: PROBATION_PAGE_SIZE },
    skip: !unitId,
  });
  const canDecide = viewer ? (BOARD as readonly string[]).includes(viewer.role) : false;
  const rows = (data?.probationDue.edges ?? []).map(({ node }) =>
    getFragmentData(ProbationRowDoc, node),
  );

  return (
    <>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-within`}>{t("lifecycle.probation.within")}</label>
          <select
            id={`${id}-within`}
            value={withinDays}
            onChange={(event) => {
              setWithinDays(Number(event.target.value));
              setSelected([]);
              setRowErrors({});
            }}
          >
            {WINDOWS.map((days) => (
              <option key={days} value={days}>
                {t("lifecycle.probation.days", { count: days })}
              </option>
            ))}
          </select>
        </div>
      </form>
      {notice && (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      )}
      {canDecide && rows.length > 0 && (
        <BatchPanel
          rows={rows.filter((row) => selected.includes(row.id))}
          today={today}
          onRowErrors={(errors) => {
            setRowErrors(errors);
            if (Object.keys(errors).length > 0) setNotice(null);
          }}
          onDone={(message) => {
            setSelected([]);
            setRowErrors({});
            setNotice(message);
          }}
        />
      )}
      <QueryState
        loading={loading}
        error={error}
        data={data}
        onRetry={() => refetch()}
        loadingLabel={t("lifecycle.probation.loading")}
        isEmpty={(d) => d.probationDue.edges.length === 0}
        empty={t("lifecycle.probation.empty")}
      >
        {(d) => (
          <>
            <p className="results-count" role="status">
              {t("lifecycle.probation.total", { count: d.probationDue.totalCount })}
            </p>
            <ProbationTable
              rows={rows}
              today={today}
              selectable={canDecide}
              selected={selected}
              onSelect={setSelected}
              rowErrors={rowErrors}
            />
            {d.probationDue.pageInfo.hasNextPage && (
              <LoadMore
                onLoadMore={() =>
                  fetchMore({ variables: { after: d.probationDue.pageInfo.endCursor } })
                }
              />
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

function ProbationTable({
  rows,
  today,
  selectable,
  selected,
  onSelect,
  rowErrors,
}: {
  rows: Row[];
  today: string;
  selectable: boolean;
  selected: string[];
  onSelect: (ids: string[]) => void;
  rowErrors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const allChosen = rows.length > 0 && rows.every((row) => selected.includes(row.id));
  const columns = {
    name: t("lifecycle.probation.columns.name"),
    cell: t("lifecycle.probation.columns.cell"),
    admittedOn: t("lifecycle.probation.columns.admittedOn"),
    endsOn: t("lifecycle.probation.columns.endsOn"),
    theory: t("lifecycle.probation.columns.theory"),
  };
  return (
    <div className="table-container">
      <table
        className="data-table selectable-table"
        aria-label={t("lifecycle.probation.listLabel")}
      >
        <thead>
          <tr>
            {selectable && (
              <th scope="col" className="select-column">
                <input
                  type="checkbox"
                  aria-label={t("lifecycle.probation.selectAll")}
                  checked={allChosen}
                  onChange={(event) => onSelect(event.target.checked ? rows.map((r) => r.id) : [])}
                />
              </th>
            )}
            <th scope="col">{columns.name}</th>
            <th scope="col">{columns.cell}</th>
            <th scope="col">{columns.admittedOn}</th>
            <th scope="col">{columns.endsOn}</th>
            <th scope="col">{columns.theory}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const rowError = rowErrors[row.id];
            const errorId = `${id}-${row.id}-error`;
            const overdue = Boolean(row.probationEndsOn && row.probationEndsOn <= today);
            return (
              <tr key={row.id} className={rowError ? "row-invalid" : undefined}>
                {selectable && (
                  <td className="select-column">
                    <input
                      type="checkbox"
                      aria-label={t("lifecycle.probation.select", { name: row.fullName })}
                      aria-invalid={rowError ? true : undefined}
                      aria-describedby={rowError ? errorId : undefined}
                      checked={selected.includes(row.id)}
                      onChange={(event) =>
                        onSelect(
                          event.target.checked
                            ? [...selected, row.id]
                            : selected.filter((s) => s !== row.id),
                        )
                      }
                    />
                  </td>
                )}
                <th scope="row" data-label={columns.name}>
                  <Link to={`/members/${encodeURIComponent(row.id)}`}>{row.fullName}</Link>
                  {rowError && (
                    <p id={errorId} className="field-error row-error" role="alert">
                      {rowError}
                    </p>
                  )}
                </th>
                <td data-label={columns.cell}>{row.unit.name}</td>
                <td data-label={columns.admittedOn}>{format.date(row.admittedOn)}</td>
                <td data-label={columns.endsOn}>
                  {row.probationEndsOn ? format.date(row.probationEndsOn) : "—"}{" "}
                  {overdue && <span className="flag">{t("lifecycle.probation.ended")}</span>}
                </td>
                <td data-label={columns.theory}>
                  {row.theoryCourseOverdue ? (
                    <span className="flag flag-warning">
                      {t("lifecycle.probation.theoryOverdue")}
                    </span>
                  ) : row.theoryCourseCompleted ? (
                    t("lifecycle.probation.theoryDone")
                  ) : (
                    t("lifecycle.probation.theoryPending")
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const FIELDS = ["action", "on", "decisionNo", "months", "reason", "status"] as const;
type Field = (typeof FIELDS)[number];

function isField(value: string): value is Field {
  return (FIELDS as readonly string[]).includes(value);
}

/** Recognition, extension or exit for the chosen members: one decision, all or nothing. */
function BatchPanel({
  rows,
  today,
  onRowErrors,
  onDone,
}: {
  rows: Row[];
  today: string;
  onRowErrors: (errors: Record<string, string>) => void;
  /** After a saved decision, with what to tell the user. */
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const [action, setAction] = useState<Action>("recognise");
  const [on, setOn] = useState(today);
  const [decisionNo, setDecisionNo] = useState("");
  const [months, setMonths] = useState(6);
  const [reason, setReason] = useState("");
  const [status, setStatus] = useState<ExitStatus>("REMOVED");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const refs = {
    action: useRef<HTMLInputElement>(null),
    on: useRef<HTMLInputElement>(null),
    decisionNo: useRef<HTMLInputElement>(null),
    months: useRef<HTMLSelectElement>(null),
    reason: useRef<HTMLTextAreaElement>(null),
    status: useRef<HTMLSelectElement>(null),
  };
  const update = { update: evictDevelopmentFigures };
  const [recognise, recognising] = useMutation(RecogniseOfficialMutation, update);
  const [extend, extending] = useMutation(ExtendProbationMutation, update);
  const [exit, exiting] = useMutation(RecordExitMutation, update);
  const busy = recognising.loading || extending.loading || exiting.loading;
  const reasonRequired = action === "extend" || (action === "exit" && status !== "DECEASED");
  const decisionRequired = action !== "exit";

  /** A refusal of one member, in words, with what the page knows about the member. */
  const rowMessage = (row: Row, reasonCode: string | null, fallback: string): string => {
    switch (reasonCode) {
      case "TOO_EARLY":
        return t("lifecycle.probation.rowErrors.TOO_EARLY", {
          date: row.probationEndsOn ? format.date(row.probationEndsOn) : "—",
        });
      case "NOT_PROBATIONARY":
      case "TOO_LONG":
      case "BEFORE_LAST_CHANGE":
      case "NOT_ACTIVE":
        return t(`lifecycle.probation.rowErrors.${reasonCode}`);
      default:
        return fallback;
    }
  };

  const show = (found: Partial<Record<Field, string>>) => {
    setErrors(found);
    const first = FIELDS.find((field) => found[field]);
    if (first) refs[first].current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    onRowErrors({});
    const found: Partial<Record<Field, string>> = {};
    if (!on) found.on = t("lifecycle.batch.missing.on");
    else if (on > today) found.on = t("lifecycle.reasons.FUTURE");
    if (decisionRequired && !decisionNo.trim())
      found.decisionNo = t("lifecycle.batch.missing.decisionNo");
    if (reasonRequired && !reason.trim()) found.reason = t("lifecycle.batch.missing.reason");
    if (Object.keys(found).length > 0) return show(found);

    // The shared rules, member by member, before anything is sent.
    const early: Record<string, string> = {};
    for (const row of rows) {
      const extension = row.probationEndsOn
        ? extensionMonthsOf(row.admittedOn, row.probationEndsOn)
        : 0;
      const problem =
        action === "recognise"
          ? recognitionProblem(row.status as MemberStatus, row.admittedOn, extension, on, today)
          : action === "extend"
            ? extensionProblem(row.status as MemberStatus, extension, months)
            : null;
      if (problem && problem !== "FUTURE") early[row.id] = rowMessage(row, problem, problem);
    }
    if (Object.keys(early).length > 0) {
      setErrors({});
      onRowErrors(early);
      setFailure(t("lifecycle.batch.rowsRefused", { count: Object.keys(early).length }));
      return;
    }

    setErrors({});
    const memberIds = rows.map((row) => row.id);
    try {
      if (action === "recognise") {
        await recognise({ variables: { input: { memberIds, on, decisionNo: decisionNo.trim() } } });
        onDone(t("lifecycle.batch.done.recognise", { count: memberIds.length }));
      } else if (action === "extend") {
        await extend({
          variables: {
            input: { memberIds, on, months, decisionNo: decisionNo.trim(), reason: reason.trim() },
          },
        });
        onDone(t("lifecycle.batch.done.extend", { count: memberIds.length, months }));
      } else {
        await exit({
          variables: {
            input: {
              memberIds,
              on,
              status,
              ...(reason.trim() ? { reason: reason.trim() } : {}),
              ...(decisionNo.trim() ? { decisionNo: decisionNo.trim() } : {}),
            },
          },
        });
        onDone(
          t("lifecycle.batch.done.exit", {
            count: memberIds.length,
            status: t(`enums.memberStatus.${status}`),
          }),
        );
      }
      setDecisionNo("");
      setReason("");
    } catch (error) {
      const input = badInput(error);
      const index = input ? rowIndex(input.field, "memberIds") : null;
      const row = index !== null ? rows[index] : undefined;
      if (input && row) {
        onRowErrors({ [row.id]: rowMessage(row, input.reason, input.message) });
        setFailure(t("lifecycle.batch.rowsRefused", { count: 1 }));
      } else if (input && isField(fieldName(input.field))) {
        show({ [fieldName(input.field)]: describeBadInput(t, input) });
      } else {
        setFailure(input ? describeBadInput(t, input) : describeFailure(t, error));
      }
    }
  };

  return (
    <section className="panel batch-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("lifecycle.batch.title", { count: rows.length })}</h2>
      <p className="hint">{t("lifecycle.batch.allOrNothing")}</p>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <fieldset className="fieldset">
          <legend>{t("lifecycle.batch.action")}</legend>
          <div className="choice-list">
            {(["recognise", "extend", "exit"] as const).map((value, index) => (
              <div className="field-checkbox" key={value}>
                <input
                  type="radio"
                  id={`${headingId}-${value}`}
                  name={`${headingId}-action`}
                  ref={index === 0 ? refs.action : undefined}
                  checked={action === value}
                  onChange={() => {
                    setAction(value);
                    setErrors({});
                    setFailure(null);
                    onRowErrors({});
                  }}
                />
                <label htmlFor={`${headingId}-${value}`}>
                  {t(`lifecycle.batch.actions.${value}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        {action === "exit" && (
          <SelectField
            label={t("lifecycle.exit.status")}
            required
            value={status}
            error={errors.status}
            selectRef={refs.status}
            onChange={(event) => setStatus(event.target.value as ExitStatus)}
          >
            {EXIT_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`lifecycle.exit.statuses.${value}`)}
              </option>
            ))}
          </SelectField>
        )}
        {action === "extend" && (
          <SelectField
            label={t("lifecycle.batch.months")}
            hint={t("lifecycle.batch.monthsHint", { max: MAX_EXTENSION_MONTHS })}
            required
            value={months}
            error={errors.months}
            selectRef={refs.months}
            onChange={(event) => setMonths(Number(event.target.value))}
          >
            {Array.from({ length: MAX_EXTENSION_MONTHS }, (_, i) => i + 1).map((value) => (
              <option key={value} value={value}>
                {t("lifecycle.batch.monthsOption", { count: value })}
              </option>
            ))}
          </SelectField>
        )}
        <DateField
          label={t("lifecycle.batch.on")}
          required
          max={today}
          value={on}
          error={errors.on}
          inputRef={refs.on}
          onChange={(event) => setOn(event.target.value)}
        />
        <TextInputField
          label={t("lifecycle.batch.decisionNo")}
          hint={t("lifecycle.batch.decisionNoHint")}
          required={decisionRequired}
          autoComplete="off"
          value={decisionNo}
          error={errors.decisionNo}
          inputRef={refs.decisionNo}
          onChange={(event) => setDecisionNo(event.target.value)}
        />
        {action !== "recognise" && (
          <TextAreaField
            label={
              action === "exit" && status === "TRANSFERRED_OUT"
                ? t("lifecycle.exit.destination")
                : t("lifecycle.batch.reason")
            }
            required={reasonRequired}
            value={reason}
            error={errors.reason}
            textareaRef={refs.reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="button"
            aria-disabled={busy || rows.length === 0}
            disabled={rows.length === 0}
          >
            {busy
              ? t("lifecycle.batch.submitting")
              : t(`lifecycle.batch.submit.${action}`, { count: rows.length })}
          </button>
        </div>
        {rows.length === 0 && <p className="hint">{t("lifecycle.batch.noneSelected")}</p>}
      </form>
    </section>
  );
}
