import { useMutation, useQuery } from "@apollo/client/react";
import { stageProblem, type CandidateStage } from "@dangbo/shared";
import { useId, useRef, useState, type FormEvent, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CandidateDetailFragment } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { evictDevelopmentFigures } from "../lifecycle/cache.ts";
import { provinceToday } from "../lifecycle/dates.ts";
import { badInput, describeBadInput, describeFailure, fieldName } from "../lifecycle/errors.ts";
import { DateField, SelectField, TextAreaField, TextInputField } from "../lifecycle/fields.tsx";
import { AdvanceCandidateMutation, AwarenessClassesQuery } from "./candidates.operations.ts";
import { BOARD_STAGES, nextStages, requiredFields } from "./stages.ts";

const FIELDS = ["stage", "trainingClassId", "result", "decisionNo", "on", "note"] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field, string>>;

function isField(value: string): value is Field {
  return (FIELDS as readonly string[]).includes(value);
}

/** How many classes the picker offers (newest first). */
export const CLASS_CHOICES = 100;

interface NextStepFormProps {
  candidate: CandidateDetailFragment;
  /** Today in the province (tests fix it). */
  today?: string;
}

/**
 * Records a candidate's next step: only the stages the rules and the user's role allow, each
 * with the fields it needs; dates not before the previous step nor in the future.
 */
export function NextStepForm({ candidate, today = provinceToday() }: NextStepFormProps) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const format = useFormat();
  const headingId = useId();
  const role = viewer?.role ?? "ANALYST";
  const allowed = nextStages(candidate.stage, candidate.stageOn, today, role);
  const [chosen, setStage] = useState<CandidateStage | null>(null);
  // The choice, while it is still allowed (after a step the candidate has moved on).
  const stage = chosen && allowed.includes(chosen) ? chosen : (allowed[0] ?? null);
  const [trainingClassId, setTrainingClassId] = useState("");
  const [result, setResult] = useState("");
  const [decisionNo, setDecisionNo] = useState("");
  const [on, setOn] = useState(today);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<CandidateStage | null>(null);
  const refs = {
    stage: useRef<HTMLInputElement>(null),
    trainingClassId: useRef<HTMLSelectElement>(null),
    result: useRef<HTMLTextAreaElement>(null),
    decisionNo: useRef<HTMLInputElement>(null),
    on: useRef<HTMLInputElement>(null),
    note: useRef<HTMLTextAreaElement>(null),
  };
  const [advance, { loading }] = useMutation(AdvanceCandidateMutation, {
    update: (cache) => evictDevelopmentFigures(cache),
  });

  // The next pipeline stage a secretary may not record: the board's.
  const boardNext =
    role === "SECRETARY"
      ? nextStages(candidate.stage, candidate.stageOn, today, "STAFF").find((s) =>
          BOARD_STAGES.includes(s),
        )
      : undefined;

  if (stage === null) {
    if (done) return <DoneNotice stage={done} />;
    return null;
  }
  const needs = requiredFields(stage);

  const show = (found: Errors) => {
    setErrors(found);
    const first = FIELDS.find((field) => found[field]);
    if (first) refs[first].current?.focus();
  };

  const dateError = (problem: string | null): string | undefined => {
    if (problem === "BEFORE_PREVIOUS")
      return t("candidates.next.beforePrevious", { date: format.date(candidate.stageOn) });
    if (problem === "FUTURE") return t("candidates.next.future");
    return undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setFailure(null);
    setDone(null);
    const found: Errors = {};
    if (needs.trainingClass && !trainingClassId)
      found.trainingClassId = t("candidates.next.missing.trainingClass");
    if (needs.result && !result.trim()) found.result = t("candidates.next.missing.result");
    if (needs.decisionNo && !decisionNo.trim())
      found.decisionNo = t("candidates.next.missing.decisionNo");
    if (!on) found.on = t("candidates.next.missing.on");
    else {
      const problem = dateError(stageProblem(candidate.stage, candidate.stageOn, stage, on, today));
      if (problem) found.on = problem;
    }
    if (needs.reason && !note.trim()) found.note = t("candidates.next.missing.reason");
    if (Object.keys(found).length > 0) return show(found);

    setErrors({});
    try {
      await advance({
        variables: {
          input: {
            candidateId: candidate.id,
            stage,
            on,
            ...(needs.trainingClass ? { trainingClassId } : {}),
            ...(needs.result ? { result: result.trim() } : {}),
            ...(needs.decisionNo ? { decisionNo: decisionNo.trim() } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        },
      });
      setDone(stage);
      setTrainingClassId("");
      setResult("");
      setDecisionNo("");
      setNote("");
      setOn(today);
      setStage(null);
    } catch (error) {
      const input = badInput(error);
      const field = input ? fieldName(input.field) : null;
      if (input && field && isField(field) && field !== "stage") {
        const message = field === "on" && input.reason ? (dateError(input.reason) ?? null) : null;
        show({ [field]: message ?? describeBadInput(t, input) });
      } else if (input) {
        setFailure(describeBadInput(t, input));
      } else {
        setFailure(describeFailure(t, error));
      }
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("candidates.next.title")}</h2>
      {done && <DoneNotice stage={done} />}
      {boardNext && (
        <p className="hint">
          {t("candidates.next.boardRecords", { stage: t(`candidates.stages.${boardNext}`) })}
        </p>
      )}
      {(hasErrors || failure) && (
        <p className="form-error" role="alert">
          {failure ?? t("candidates.next.notSaved")}
        </p>
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <fieldset className="fieldset">
          <legend>{t("candidates.next.stage")}</legend>
          <div className="choice-list">
            {allowed.map((value, index) => (
              <div className="field-checkbox" key={value}>
                <input
                  type="radio"
                  id={`${headingId}-${value}`}
                  name={`${headingId}-stage`}
                  value={value}
                  ref={index === 0 ? refs.stage : undefined}
                  checked={stage === value}
                  onChange={() => {
                    setStage(value);
                    setErrors({});
                  }}
                />
                <label htmlFor={`${headingId}-${value}`}>{t(`candidates.actions.${value}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        {needs.trainingClass && (
          <AwarenessClassSelect
            value={trainingClassId}
            onChange={setTrainingClassId}
            error={errors.trainingClassId}
            selectRef={refs.trainingClassId}
            today={today}
          />
        )}
        {needs.result && (
          <TextAreaField
            label={t("candidates.next.result")}
            hint={t("candidates.next.resultHint")}
            required
            value={result}
            error={errors.result}
            textareaRef={refs.result}
            onChange={(event) => setResult(event.target.value)}
          />
        )}
        {needs.decisionNo && (
          <TextInputField
            label={t("candidates.next.decisionNo")}
            hint={t("candidates.next.decisionNoHint")}
            required
            autoComplete="off"
            value={decisionNo}
            error={errors.decisionNo}
            inputRef={refs.decisionNo}
            onChange={(event) => setDecisionNo(event.target.value)}
          />
        )}
        <DateField
          label={needs.decisionNo ? t("candidates.next.decisionOn") : t("candidates.next.on")}
          hint={t("candidates.next.onHint", { date: format.date(candidate.stageOn) })}
          required
          min={candidate.stageOn}
          max={today}
          value={on}
          error={errors.on}
          inputRef={refs.on}
          onChange={(event) => setOn(event.target.value)}
        />
        <TextAreaField
          label={needs.reason ? t("candidates.next.reason") : t("candidates.next.note")}
          required={needs.reason}
          value={note}
          error={errors.note}
          textareaRef={refs.note}
          onChange={(event) => setNote(event.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={loading}>
            {loading ? t("candidates.next.submitting") : t("candidates.next.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

function DoneNotice({ stage }: { stage: CandidateStage }) {
  const { t } = useTranslation();
  return (
    <p className="notice notice-success" role="status">
      {t("candidates.next.done", { stage: t(`candidates.stages.${stage}`) })}
    </p>
  );
}

/** The party-awareness classes of the viewer's unit that had started by today, newest first. */
function AwarenessClassSelect({
  value,
  onChange,
  error,
  selectRef,
  today,
}: {
  value: string;
  onChange: (id: string) => void;
  error: string | undefined;
  selectRef: RefObject<HTMLSelectElement | null>;
  today: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const unitId = viewer?.unit.id ?? "";
  const {
    data,
    loading,
    error: loadError,
    refetch,
  } = useQuery(AwarenessClassesQuery, {
    variables: { unitId, first: CLASS_CHOICES },
    skip: !unitId,
  });
  return (
    <QueryState
      loading={loading}
      error={loadError}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("candidates.next.loadingClasses")}
      isEmpty={(d) => d.trainingClasses.edges.every(({ node }) => node.startsOn > today)}
      empty={
        <p>
          {t("candidates.next.noClasses")}{" "}
          <Link to="/training">{t("candidates.next.createClass")}</Link>
        </p>
      }
    >
      {(d) => (
        <SelectField
          label={t("candidates.next.trainingClass")}
          required
          value={value}
          error={error}
          selectRef={selectRef}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{t("candidates.next.chooseClass")}</option>
          {d.trainingClasses.edges
            .filter(({ node }) => node.startsOn <= today)
            .map(({ node }) => (
              <option key={node.id} value={node.id}>
                {t("candidates.next.classOption", {
                  name: node.name,
                  date: format.date(node.startsOn),
                })}
              </option>
            ))}
        </SelectField>
      )}
    </QueryState>
  );
}
