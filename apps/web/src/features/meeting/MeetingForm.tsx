import { useApolloClient, useQuery } from "@apollo/client/react";
import { isIsoDate, type CellLifetime } from "@dangbo/shared";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { MeetingKind } from "../../gql/graphql.ts";
import { errorExtensions } from "../../ui/form-errors.ts";
import { FieldMessages, TextField } from "../auth/fields.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { CellOverviewQuery } from "../cell/cell.operations.ts";
import { AttendanceChecklist } from "./AttendanceChecklist.tsx";
import { evictMeetingViews } from "./cache.ts";
import {
  errorsFromServer,
  FORM_FIELDS,
  hasErrors,
  NO_ERRORS,
  type FormErrors,
  type FormField,
} from "./form-errors.ts";
import { LogMeetingMutation, UpdateMeetingMutation } from "./meeting.operations.ts";
import { RETRY_DELAYS_MS, useReliableSend } from "./send.ts";
import {
  newIdempotencyKey,
  newMeetingStorageKey,
  editMeetingStorageKey,
  removeUnsent,
  writeUnsent,
  type AttendanceRow,
  type MeetingFormValues,
} from "./storage.ts";
import { todayIso } from "@dangbo/shared";
import {
  meetingFields,
  mergeAttendance,
  MEETING_KINDS,
  QUALITY_RATINGS,
  updateInput,
  validate,
} from "./values.ts";
import "./meeting.css";

export interface SavedMeeting {
  id: string;
  draft: boolean;
}

interface CommonProps {
  cellId: string;
  initial: MeetingFormValues;
  /** The values come from the device (an unsent form reopened): keep storing them. */
  restored: boolean;
  /** What the last attempt sent (restored forms), to tell whether the user changed it since. */
  lastSent: string | null;
  onSaved: (meeting: SavedMeeting) => void;
  /** Pauses between retries (tests shorten or lengthen them). */
  retryDelays?: readonly number[];
}

export type MeetingFormProps = CommonProps &
  (
    { mode: "new"; idempotencyKey: string } | { mode: "edit"; meetingId: string; wasDraft: boolean }
  );

/**
 * The meeting form, for a new meeting or changes to one. Everything typed is kept on the device
 * until the server has returned the saved meeting; sending retries on a flaky connection with
 * the same idempotency key, so a meeting is never lost nor created twice.
 */
export function MeetingForm(props: MeetingFormProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const viewer = useViewer();
  const id = useId();
  const { cellId, mode } = props;
  const [values, setValues] = useState(props.initial);
  const [dirty, setDirty] = useState(props.restored);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [idempotencyKey, setIdempotencyKey] = useState(
    props.mode === "new" ? props.idempotencyKey : null,
  );
  const lastSent = useRef<string | null>(props.lastSent);
  const saved = useRef(false);
  const kindChosen = useRef(props.restored || mode === "edit");
  const sender = useReliableSend<SavedMeeting>(props.retryDelays ?? RETRY_DELAYS_MS);
  const busy = sender.state.status === "sending" || sender.state.status === "waiting";

  const storageKey =
    props.mode === "edit"
      ? editMeetingStorageKey(props.meetingId)
      : newMeetingStorageKey(cellId, idempotencyKey!);

  const refs: Record<FormField, { current: HTMLElement | null }> = {
    kind: useRef<HTMLElement>(null),
    heldAt: useRef<HTMLElement>(null),
    theme: useRef<HTMLElement>(null),
    minutes: useRef<HTMLElement>(null),
    decisions: useRef<HTMLElement>(null),
    guests: useRef<HTMLElement>(null),
    qualityRating: useRef<HTMLElement>(null),
    attendance: useRef<HTMLElement>(null),
  };
  const rowRefs = useRef(new Map<string, HTMLElement>());

  // The members of the cell on the meeting's date.
  const asOf = isIsoDate(values.date) ? values.date : null;
  const members = useQuery(CellOverviewQuery, {
    variables: { cellId, asOf },
    skip: asOf === null,
  });
  const overview = (members.data ?? members.previousData)?.cellOverview;
  const studyTheme = overview?.studyTheme ?? null;
  const cellLife: CellLifetime | null = overview
    ? { validFrom: overview.cell.validFrom, validTo: overview.cell.validTo ?? null }
    : null;

  useEffect(() => {
    const data = members.data?.cellOverview;
    if (!data) return;
    setValues((current) => {
      let next = current;
      const attendance = mergeAttendance(current.attendance, data.members, mode === "new");
      if (attendance !== current.attendance) next = { ...next, attendance };
      // A new form proposes the thematic meeting while this quarter's is still due.
      if (!kindChosen.current) {
        kindChosen.current = true;
        const kind: MeetingKind =
          data.due.thematicThisQuarter === "MISSING" ? "THEMATIC" : "REGULAR";
        if (kind !== next.kind) next = { ...next, kind };
      }
      return next;
    });
  }, [members.data, mode]);

  // Keep what was typed on the device, as it is typed.
  useEffect(() => {
    if (!dirty || saved.current || !viewer) return;
    writeUnsent(storageKey, {
      version: 1,
      username: viewer.username,
      cellId,
      idempotencyKey,
      meetingId: props.mode === "edit" ? props.meetingId : null,
      savedAt: new Date().toISOString(),
      values,
      lastSent: lastSent.current,
    });
  });

  const change = (patch: Partial<MeetingFormValues>, field?: FormField) => {
    setValues((current) => ({ ...current, ...patch }));
    setDirty(true);
    if (field && errors.fields[field]) {
      setErrors((current) => {
        const fields = { ...current.fields };
        delete fields[field];
        return { ...current, fields };
      });
    }
  };

  const changeRows = (attendance: AttendanceRow[], changedMemberId?: string) => {
    change({ attendance });
    if (changedMemberId && errors.rows[changedMemberId]) {
      setErrors((current) => {
        const rows = { ...current.rows };
        delete rows[changedMemberId];
        return { ...current, rows };
      });
    }
  };

  const show = (found: FormErrors) => {
    setErrors(found);
    const field = FORM_FIELDS.find((name) => found.fields[name]);
    const row = Object.keys(found.rows)[0];
    const target = field
      ? refs[field].current
      : row !== undefined
        ? rowRefs.current.get(row)
        : undefined;
    target?.focus();
  };

  const submit = (draft: boolean) => {
    if (busy) return;
    sender.reset();
    const found = validate(t, values, draft, cellLife, todayIso());
    if (hasErrors(found)) return show(found);
    setErrors(NO_ERRORS);

    const fields = meetingFields(values, draft, studyTheme);
    const sentMemberIds = values.attendance.map((row) => row.memberId);
    const payload = JSON.stringify(fields);
    // The user changed the form after an attempt that may have reached the server: that first
    // version may be what the key finds, so the meeting is then updated to what is shown now.
    const followUp = mode === "new" && lastSent.current !== null && lastSent.current !== payload;
    lastSent.current = payload;
    setDirty(true);
    const context = (signal: AbortSignal) => ({ fetchOptions: { signal } });

    sender.send({
      run: async (signal) => {
        if (props.mode === "edit") {
          const result = await client.mutate({
            mutation: UpdateMeetingMutation,
            variables: { id: props.meetingId, input: updateInput(fields) },
            context: context(signal),
          });
          const meeting = result.data?.updateMeeting;
          if (!meeting) throw new Error("updateMeeting returned nothing");
          return { id: meeting.id, draft: meeting.draft };
        }
        const result = await client.mutate({
          mutation: LogMeetingMutation,
          variables: { input: { ...fields, idempotencyKey: idempotencyKey!, cellId } },
          context: context(signal),
        });
        const meeting = result.data?.logMeeting;
        if (!meeting) throw new Error("logMeeting returned nothing");
        if (followUp) {
          await client.mutate({
            mutation: UpdateMeetingMutation,
            variables: { id: meeting.id, input: updateInput(fields) },
            context: context(signal),
          });
        }
        return { id: meeting.id, draft: meeting.draft };
      },
      onSuccess: (meeting) => {
        saved.current = true;
        removeUnsent(storageKey);
        evictMeetingViews(client.cache);
        props.onSaved(meeting);
      },
      onInputError: (error) => show(errorsFromServer(t, error, sentMemberIds)),
    });
  };

  /** After a CONFLICT: the same form, sent as a new meeting under a fresh key. */
  const sendAsNew = () => {
    removeUnsent(storageKey);
    lastSent.current = null;
    setIdempotencyKey(newIdempotencyKey());
    sender.reset();
    setDirty(true);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(false);
  };

  const allowDraft = mode === "new" || (props.mode === "edit" && props.wasDraft);
  const themeSuggested =
    studyTheme && values.theme.trim() !== studyTheme.title.trim() ? studyTheme : null;

  return (
    <form className="form meeting-form" noValidate onSubmit={onSubmit} aria-busy={busy}>
      {overview && <p className="meeting-form-cell">{overview.cell.name}</p>}
      {hasErrors(errors) && (
        <p className="form-error" role="alert">
          {errors.form ?? t("meeting.form.notSaved")}
        </p>
      )}
      <fieldset className="meeting-fields" disabled={busy}>
        <fieldset
          className="choice-group kind-group"
          ref={(el) => {
            refs.kind.current = el;
          }}
          tabIndex={-1}
          aria-describedby={errors.fields.kind ? `${id}-kind-error` : undefined}
        >
          <legend>{t("meeting.form.kind")}</legend>
          {MEETING_KINDS.map((kind) => (
            <label key={kind} className="choice choice-large">
              <input
                type="radio"
                name={`${id}-kind`}
                value={kind}
                checked={values.kind === kind}
                onChange={() => {
                  kindChosen.current = true;
                  change({ kind }, "kind");
                }}
              />
              <span className="choice-text">
                <span className="choice-title">{t(`meeting.kinds.${kind}`)}</span>
                <span className="choice-hint">{t(`meeting.kindHints.${kind}`)}</span>
              </span>
            </label>
          ))}
          <FieldMessages id={`${id}-kind`} error={errors.fields.kind} />
        </fieldset>

        <div
          className="date-time"
          role="group"
          aria-labelledby={`${id}-when`}
          ref={(el) => {
            refs.heldAt.current = el?.querySelector("input") ?? null;
          }}
        >
          <p id={`${id}-when`} className="group-label">
            {t("meeting.form.when")}
          </p>
          <div className="date-time-inputs">
            <div className="field">
              <label htmlFor={`${id}-date`}>{t("meeting.form.date")}</label>
              <input
                id={`${id}-date`}
                type="date"
                value={values.date}
                max={todayIso()}
                aria-invalid={errors.fields.heldAt ? true : undefined}
                aria-describedby={`${id}-heldAt-hint${errors.fields.heldAt ? ` ${id}-heldAt-error` : ""}`}
                onChange={(event) => change({ date: event.target.value }, "heldAt")}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-time`}>{t("meeting.form.time")}</label>
              <input
                id={`${id}-time`}
                type="time"
                value={values.time}
                aria-invalid={errors.fields.heldAt ? true : undefined}
                aria-describedby={`${id}-heldAt-hint${errors.fields.heldAt ? ` ${id}-heldAt-error` : ""}`}
                onChange={(event) => change({ time: event.target.value }, "heldAt")}
              />
            </div>
          </div>
          <FieldMessages
            id={`${id}-heldAt`}
            hint={t("meeting.form.whenHint")}
            error={errors.fields.heldAt}
          />
        </div>

        <div className="field">
          <TextField
            label={
              values.kind === "THEMATIC" ? t("meeting.form.themeRequired") : t("meeting.form.theme")
            }
            hint={values.kind === "THEMATIC" ? t("meeting.form.themeHint") : undefined}
            value={values.theme}
            error={errors.fields.theme}
            inputRef={(el) => {
              refs.theme.current = el;
            }}
            onChange={(event) => change({ theme: event.target.value }, "theme")}
          />
          {themeSuggested && (
            <div className="suggestions">
              <p className="hint">{t("meeting.form.suggestions")}</p>
              <button
                type="button"
                className="button button-secondary suggestion"
                onClick={() => change({ theme: themeSuggested.title }, "theme")}
              >
                {t("meeting.form.studyThemeSuggestion", {
                  year: themeSuggested.year,
                  title: themeSuggested.title,
                })}
              </button>
            </div>
          )}
        </div>

        <AttendanceChecklist
          rows={values.attendance}
          loading={members.loading && values.attendance.length === 0}
          failed={!!members.error && values.attendance.length === 0}
          onRetry={() => void members.refetch().catch(() => undefined)}
          rowErrors={errors.rows}
          error={errors.fields.attendance}
          groupRef={(el) => {
            refs.attendance.current = el;
          }}
          rowRef={(memberId, el) => {
            if (el) rowRefs.current.set(memberId, el);
            else rowRefs.current.delete(memberId);
          }}
          onChange={changeRows}
        />

        <TextArea
          label={t("meeting.form.minutes")}
          hint={t("meeting.form.minutesHint")}
          value={values.minutes}
          error={errors.fields.minutes}
          rows={5}
          textareaRef={(el) => {
            refs.minutes.current = el;
          }}
          onChange={(minutes) => change({ minutes }, "minutes")}
        />
        <TextArea
          label={t("meeting.form.decisions")}
          value={values.decisions}
          error={errors.fields.decisions}
          rows={3}
          textareaRef={(el) => {
            refs.decisions.current = el;
          }}
          onChange={(decisions) => change({ decisions }, "decisions")}
        />
        <TextField
          label={t("meeting.form.guests")}
          hint={t("meeting.form.guestsHint")}
          value={values.guests}
          error={errors.fields.guests}
          inputRef={(el) => {
            refs.guests.current = el;
          }}
          onChange={(event) => change({ guests: event.target.value }, "guests")}
        />

        <fieldset
          className="choice-group rating-group"
          tabIndex={-1}
          ref={(el) => {
            refs.qualityRating.current = el;
          }}
          aria-describedby={`${id}-rating-hint${errors.fields.qualityRating ? ` ${id}-rating-error` : ""}`}
        >
          <legend>{t("meeting.form.quality")}</legend>
          <div className="rating-options">
            <label className="choice choice-chip">
              <input
                type="radio"
                name={`${id}-rating`}
                checked={values.qualityRating === null}
                onChange={() => change({ qualityRating: null }, "qualityRating")}
              />
              <span>{t("meeting.form.qualityNone")}</span>
            </label>
            {QUALITY_RATINGS.map((rating) => (
              <label key={rating} className="choice choice-chip">
                <input
                  type="radio"
                  name={`${id}-rating`}
                  checked={values.qualityRating === rating}
                  aria-label={t(`meeting.quality.r${rating}`)}
                  onChange={() => change({ qualityRating: rating }, "qualityRating")}
                />
                <span aria-hidden="true">{rating}</span>
              </label>
            ))}
          </div>
          <FieldMessages
            id={`${id}-rating`}
            hint={t("meeting.form.qualityHint")}
            error={errors.fields.qualityRating}
          />
        </fieldset>
      </fieldset>

      <SendStatus
        state={sender.state}
        onRetryNow={sender.retryNow}
        onCancel={sender.cancel}
        onNewKey={mode === "new" ? sendAsNew : undefined}
      />

      <div className="form-actions meeting-actions">
        {allowDraft && (
          <button
            type="button"
            className="button button-secondary"
            aria-disabled={busy}
            onClick={() => submit(true)}
          >
            {t("meeting.form.saveDraft")}
          </button>
        )}
        <button type="submit" className="button" aria-disabled={busy}>
          {sender.state.status === "sending" ? t("meeting.form.sending") : t("meeting.form.save")}
        </button>
      </div>
      <p className="hint">{t("meeting.form.keptOnDevice")}</p>
    </form>
  );
}

function TextArea({
  label,
  hint,
  value,
  error,
  rows,
  textareaRef,
  onChange,
}: {
  label: string;
  hint?: string;
  value: string;
  error?: string | undefined;
  rows: number;
  textareaRef: (el: HTMLTextAreaElement | null) => void;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={textareaRef}
        rows={rows}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

function SendStatus({
  state,
  onRetryNow,
  onCancel,
  onNewKey,
}: {
  state: ReturnType<typeof useReliableSend>["state"];
  onRetryNow: () => void;
  onCancel: () => void;
  onNewKey: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const offline = typeof navigator !== "undefined" && navigator.onLine === false;
  return (
    <div className="send-status" aria-live="polite">
      {state.status === "sending" && state.attempt > 1 && (
        <p className="notice">{t("meeting.send.retrying", { attempt: state.attempt })}</p>
      )}
      {state.status === "waiting" && (
        <div className="notice send-waiting" role="status">
          <p>
            <strong>{t("meeting.send.notSent")}</strong>
          </p>
          <p>{offline ? t("meeting.send.offline") : t("meeting.send.willRetry")}</p>
          <div className="form-actions">
            <button type="button" className="button" onClick={onRetryNow}>
              {t("meeting.send.retryNow")}
            </button>
            <button type="button" className="button button-secondary" onClick={onCancel}>
              {t("meeting.send.stop")}
            </button>
          </div>
        </div>
      )}
      {state.status === "stopped" && <Stopped state={state} onNewKey={onNewKey} />}
    </div>
  );
}

function Stopped({
  state,
  onNewKey,
}: {
  state: Extract<ReturnType<typeof useReliableSend>["state"], { status: "stopped" }>;
  onNewKey: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const locked = errorExtensions(state.error)?.["reason"] === "MEETING_LOCKED";
  const message = locked
    ? t("meeting.send.locked")
    : state.code === "CONFLICT"
      ? t("meeting.send.conflict")
      : t("meeting.send.failed", { reason: t(`errors.${state.code}`) });
  return (
    <div className="form-error" role="alert">
      <p>{message}</p>
      <p>{t("meeting.send.stillKept")}</p>
      {state.code === "CONFLICT" && onNewKey && (
        <button type="button" className="button" onClick={onNewKey}>
          {t("meeting.send.newKey")}
        </button>
      )}
    </div>
  );
}
