import { useMutation } from "@apollo/client/react";
import { EXIT_STATUSES, type ExitStatus } from "@dangbo/shared";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { MemberDetailFragment } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { evictDevelopmentFigures } from "./cache.ts";
import { UnitSearchPicker, type PickedUnit } from "./CellPicker.tsx";
import { badInput, describeBadInput, describeFailure, fieldName, rowIndex } from "./errors.ts";
import { DateField, SelectField, TextAreaField, TextInputField } from "./fields.tsx";
import {
  EndTemporaryActivityMutation,
  MoveMemberMutation,
  RecordMemberExitMutation,
  StartTemporaryActivityMutation,
} from "./lifecycle.operations.ts";

const update = { update: evictDevelopmentFigures };

/** What the board may do with an active member: move, temporary activity, exit. */
export function MemberActions({ member, today }: { member: MemberDetailFragment; today: string }) {
  const { t } = useTranslation();
  const openTemporary = member.assignments.filter((a) => a.temporary && a.validTo === null);
  return (
    <section className="member-actions" aria-labelledby="member-actions-title">
      <h2 id="member-actions-title">{t("lifecycle.member.actions")}</h2>
      <Disclosure summary={t("lifecycle.move.title")}>
        <MoveForm member={member} today={today} />
      </Disclosure>
      <Disclosure summary={t("lifecycle.temporary.title")}>
        {openTemporary.map((assignment) => (
          <EndTemporaryForm
            key={`${assignment.unit.id}-${assignment.validFrom}`}
            member={member}
            cellId={assignment.unit.id}
            cellName={assignment.unit.name}
            from={assignment.validFrom}
            today={today}
          />
        ))}
        {openTemporary.length === 0 && <StartTemporaryForm member={member} today={today} />}
      </Disclosure>
      <Disclosure summary={t("lifecycle.exit.title")}>
        <ExitForm member={member} today={today} />
      </Disclosure>
    </section>
  );
}

function Disclosure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="disclosure">
      <summary>{summary}</summary>
      <div className="disclosure-body">{children}</div>
    </details>
  );
}

function Feedback({ failure, done }: { failure: string | null; done: string | null }) {
  return (
    <>
      {done && (
        <p className="notice notice-success" role="status">
          {done}
        </p>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}

function MoveForm({ member, today }: { member: MemberDetailFragment; today: string }) {
  const { t } = useTranslation();
  const [cell, setCell] = useState<PickedUnit | null>(null);
  const [on, setOn] = useState(today);
  const [errors, setErrors] = useState<{ toCellId?: string; on?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const cellRef = useRef<HTMLInputElement>(null);
  const onRef = useRef<HTMLInputElement>(null);
  const [move, { loading }] = useMutation(MoveMemberMutation, update);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setFailure(null);
    setDone(null);
    const found: typeof errors = {};
    if (!cell) found.toCellId = t("lifecycle.move.missingCell");
    if (!on) found.on = t("lifecycle.batch.missing.on");
    else if (on > today) found.on = t("lifecycle.reasons.FUTURE");
    setErrors(found);
    if (found.toCellId) return cellRef.current?.focus();
    if (found.on || !cell) return onRef.current?.focus();
    try {
      await move({ variables: { input: { memberId: member.id, toCellId: cell.id, on } } });
      setDone(t("lifecycle.move.done", { name: cell.name }));
      setCell(null);
    } catch (error) {
      const input = badInput(error);
      const field = input ? fieldName(input.field) : "";
      if (input && (field === "toCellId" || field === "on")) {
        setErrors({ [field]: describeBadInput(t, input) });
        (field === "on" ? onRef : cellRef).current?.focus();
      } else setFailure(input ? describeBadInput(t, input) : describeFailure(t, error));
    }
  };

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <Feedback failure={failure} done={done} />
      <p className="hint">{t("lifecycle.move.intro", { name: member.unit.name })}</p>
      <UnitSearchPicker
        label={t("lifecycle.move.toCell")}
        required
        value={cell}
        onChange={setCell}
        error={errors.toCellId}
        inputRef={cellRef}
        excludeIds={[member.unit.id]}
      />
      <DateField
        label={t("lifecycle.move.on")}
        required
        max={today}
        value={on}
        error={errors.on}
        inputRef={onRef}
        onChange={(event) => setOn(event.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={loading}>
          {loading ? t("lifecycle.saving") : t("lifecycle.move.submit")}
        </button>
      </div>
    </form>
  );
}

function StartTemporaryForm({ member, today }: { member: MemberDetailFragment; today: string }) {
  const { t } = useTranslation();
  const [cell, setCell] = useState<PickedUnit | null>(null);
  const [on, setOn] = useState(today);
  const [errors, setErrors] = useState<{ cellId?: string; on?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const cellRef = useRef<HTMLInputElement>(null);
  const onRef = useRef<HTMLInputElement>(null);
  const [start, { loading }] = useMutation(StartTemporaryActivityMutation, update);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setFailure(null);
    const found: typeof errors = {};
    if (!cell) found.cellId = t("lifecycle.temporary.missingCell");
    if (!on) found.on = t("lifecycle.batch.missing.on");
    else if (on > today) found.on = t("lifecycle.reasons.FUTURE");
    setErrors(found);
    if (found.cellId) return cellRef.current?.focus();
    if (found.on || !cell) return onRef.current?.focus();
    try {
      await start({ variables: { input: { memberId: member.id, cellId: cell.id, on } } });
      setCell(null);
    } catch (error) {
      const input = badInput(error);
      const field = input ? fieldName(input.field) : "";
      if (input && (field === "cellId" || field === "on")) {
        setErrors({ [field]: describeBadInput(t, input) });
        (field === "on" ? onRef : cellRef).current?.focus();
      } else setFailure(input ? describeBadInput(t, input) : describeFailure(t, error));
    }
  };

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <Feedback failure={failure} done={null} />
      <p className="hint">{t("lifecycle.temporary.intro")}</p>
      <UnitSearchPicker
        label={t("lifecycle.temporary.hostCell")}
        required
        value={cell}
        onChange={setCell}
        error={errors.cellId}
        inputRef={cellRef}
        excludeIds={[member.unit.id]}
      />
      <DateField
        label={t("lifecycle.temporary.from")}
        required
        max={today}
        value={on}
        error={errors.on}
        inputRef={onRef}
        onChange={(event) => setOn(event.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={loading}>
          {loading ? t("lifecycle.saving") : t("lifecycle.temporary.start")}
        </button>
      </div>
    </form>
  );
}

function EndTemporaryForm({
  member,
  cellId,
  cellName,
  from,
  today,
}: {
  member: MemberDetailFragment;
  cellId: string;
  cellName: string;
  from: string;
  today: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [on, setOn] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const onRef = useRef<HTMLInputElement>(null);
  const [end, { loading }] = useMutation(EndTemporaryActivityMutation, update);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setFailure(null);
    const problem = !on
      ? t("lifecycle.batch.missing.on")
      : on > today
        ? t("lifecycle.reasons.FUTURE")
        : on < from
          ? t("lifecycle.temporary.beforeStart", { date: format.date(from) })
          : null;
    setError(problem);
    if (problem) return onRef.current?.focus();
    try {
      await end({ variables: { input: { memberId: member.id, cellId, on } } });
    } catch (caught) {
      const input = badInput(caught);
      if (input && fieldName(input.field) === "on") {
        setError(describeBadInput(t, input));
        onRef.current?.focus();
      } else setFailure(input ? describeBadInput(t, input) : describeFailure(t, caught));
    }
  };

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <Feedback failure={failure} done={null} />
      <p>{t("lifecycle.temporary.current", { name: cellName, date: format.date(from) })}</p>
      <DateField
        label={t("lifecycle.temporary.to")}
        required
        min={from}
        max={today}
        value={on}
        error={error}
        inputRef={onRef}
        onChange={(event) => setOn(event.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={loading}>
          {loading ? t("lifecycle.saving") : t("lifecycle.temporary.end")}
        </button>
      </div>
    </form>
  );
}

function ExitForm({ member, today }: { member: MemberDetailFragment; today: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ExitStatus>("REMOVED");
  const [on, setOn] = useState(today);
  const [reason, setReason] = useState("");
  const [decisionNo, setDecisionNo] = useState("");
  const [errors, setErrors] = useState<{ on?: string; reason?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const onRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [record, { loading }] = useMutation(RecordMemberExitMutation, update);
  const reasonRequired = status !== "DECEASED";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setFailure(null);
    const found: typeof errors = {};
    if (!on) found.on = t("lifecycle.batch.missing.on");
    else if (on > today) found.on = t("lifecycle.reasons.FUTURE");
    if (reasonRequired && !reason.trim()) found.reason = t("lifecycle.batch.missing.reason");
    setErrors(found);
    if (found.on) return onRef.current?.focus();
    if (found.reason) return reasonRef.current?.focus();
    try {
      await record({
        variables: {
          input: {
            memberIds: [member.id],
            status,
            on,
            ...(reason.trim() ? { reason: reason.trim() } : {}),
            ...(decisionNo.trim() ? { decisionNo: decisionNo.trim() } : {}),
          },
        },
      });
    } catch (error) {
      const input = badInput(error);
      const field = input ? fieldName(input.field) : "";
      if (
        input &&
        rowIndex(input.field, "memberIds") !== null &&
        input.reason === "BEFORE_LAST_CHANGE"
      ) {
        setErrors({ on: t("lifecycle.probation.rowErrors.BEFORE_LAST_CHANGE") });
        onRef.current?.focus();
      } else if (input && (field === "on" || field === "reason")) {
        setErrors({ [field]: describeBadInput(t, input) });
        (field === "on" ? onRef : reasonRef).current?.focus();
      } else setFailure(input ? describeBadInput(t, input) : describeFailure(t, error));
    }
  };

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <Feedback failure={failure} done={null} />
      <p className="hint">{t("lifecycle.exit.intro")}</p>
      <SelectField
        label={t("lifecycle.exit.status")}
        required
        value={status}
        onChange={(event) => setStatus(event.target.value as ExitStatus)}
      >
        {EXIT_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`lifecycle.exit.statuses.${value}`)}
          </option>
        ))}
      </SelectField>
      <DateField
        label={t("lifecycle.exit.on")}
        required
        max={today}
        value={on}
        error={errors.on}
        inputRef={onRef}
        onChange={(event) => setOn(event.target.value)}
      />
      <TextAreaField
        label={
          status === "TRANSFERRED_OUT"
            ? t("lifecycle.exit.destination")
            : t("lifecycle.batch.reason")
        }
        required={reasonRequired}
        value={reason}
        error={errors.reason}
        textareaRef={reasonRef}
        onChange={(event) => setReason(event.target.value)}
      />
      <TextInputField
        label={t("lifecycle.batch.decisionNo")}
        autoComplete="off"
        value={decisionNo}
        onChange={(event) => setDecisionNo(event.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={loading}>
          {loading ? t("lifecycle.saving") : t("lifecycle.exit.submit")}
        </button>
      </div>
    </form>
  );
}
