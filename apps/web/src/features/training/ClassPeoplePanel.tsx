import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TrainingClassRowFragment } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { useDebouncedValue } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { badInput, describeBadInput, describeFailure } from "../lifecycle/errors.ts";
import { DateField } from "../lifecycle/fields.tsx";
import {
  EnrolInTrainingMutation,
  PeopleCandidatesQuery,
  PeopleMembersQuery,
  RecordTrainingCompletionMutation,
} from "./training.operations.ts";

interface Person {
  id: string;
  name: string;
  detail: string;
}

const RESULTS = 20;

/**
 * Enrols people in a class (candidates in an awareness class, members in the others), or records
 * members' completion of a course: the people are found by name and collected in a list.
 */
export function ClassPeoplePanel({
  trainingClass,
  mode,
  today,
  onClose,
}: {
  trainingClass: TrainingClassRowFragment;
  mode: "enrol" | "complete";
  today: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [completedOn, setCompletedOn] = useState(today);
  const [dateError, setDateError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const candidates = trainingClass.kind === "AWARENESS_CLASS";
  const cacheId = { __typename: "TrainingClass" as const, id: trainingClass.id };
  const [enrol, enrolling] = useMutation(EnrolInTrainingMutation, {
    update: (cache, { data }) => {
      if (!data) return;
      cache.modify({
        id: cache.identify(cacheId),
        fields: { enrolments: () => data.enrolInTraining },
      });
    },
  });
  const [complete, completing] = useMutation(RecordTrainingCompletionMutation, {
    update: (cache, { data }) => {
      if (!data) return;
      cache.modify({
        id: cache.identify(cacheId),
        fields: { enrolments: () => data.recordTrainingCompletion },
      });
      cache.evict({ id: "ROOT_QUERY", fieldName: "probationDue" });
    },
  });
  const busy = enrolling.loading || completing.loading;

  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    setDone(null);
    if (people.length === 0) {
      setFailure(t("training.people.noneChosen"));
      return;
    }
    const ids = people.map((p) => p.id);
    try {
      if (mode === "enrol") {
        const { data } = await enrol({
          variables: {
            input: {
              classId: trainingClass.id,
              ...(candidates ? { candidateIds: ids } : { memberIds: ids }),
            },
          },
        });
        setDone(
          t("training.people.enrolled", {
            count: ids.length,
            total: format.number(data?.enrolInTraining.enrolled ?? 0),
          }),
        );
      } else {
        if (!completedOn || completedOn > today) {
          setDateError(
            !completedOn ? t("lifecycle.batch.missing.on") : t("lifecycle.reasons.FUTURE"),
          );
          return;
        }
        setDateError(null);
        await complete({
          variables: { input: { classId: trainingClass.id, memberIds: ids, completedOn } },
        });
        setDone(t("training.people.completed", { count: ids.length }));
      }
      setPeople([]);
    } catch (error) {
      const input = badInput(error);
      if (input && input.field.endsWith("completedOn")) setDateError(describeBadInput(t, input));
      else setFailure(input ? describeBadInput(t, input) : describeFailure(t, error));
    }
  };

  return (
    <section className="panel people-panel" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {mode === "enrol"
          ? t("training.people.enrolTitle", { name: trainingClass.name })
          : t("training.people.completeTitle", { name: trainingClass.name })}
      </h2>
      <p className="hint">
        {candidates ? t("training.people.candidatesHint") : t("training.people.membersHint")}
      </p>
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
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <PeoplePicker
          kind={candidates ? "candidates" : "members"}
          chosen={people}
          onChange={setPeople}
          probationaryFirst={trainingClass.kind === "NEW_MEMBER_THEORY"}
        />
        {mode === "complete" && (
          <DateField
            label={t("training.people.completedOn")}
            required
            max={today}
            value={completedOn}
            error={dateError}
            onChange={(event) => setCompletedOn(event.target.value)}
          />
        )}
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={busy}>
            {busy
              ? t("lifecycle.saving")
              : mode === "enrol"
                ? t("training.people.enrolSubmit", { count: people.length })
                : t("training.people.completeSubmit", { count: people.length })}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t("training.people.close")}
          </button>
        </div>
      </form>
    </section>
  );
}

function PeoplePicker({
  kind,
  chosen,
  onChange,
  probationaryFirst,
}: {
  kind: "members" | "candidates";
  chosen: Person[];
  onChange: (people: Person[]) => void;
  probationaryFirst: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const [onlyProbationary, setOnlyProbationary] = useState(probationaryFirst);
  const search = useDebouncedValue(text.trim().replace(/\s+/g, " "), 300);
  const toggle = (person: Person) =>
    onChange(
      chosen.some((p) => p.id === person.id)
        ? chosen.filter((p) => p.id !== person.id)
        : [...chosen, person],
    );
  return (
    <div className="people-picker">
      <div className="field">
        <label htmlFor={`${id}-search`}>
          {kind === "members"
            ? t("training.people.searchMembers")
            : t("training.people.searchCandidates")}
        </label>
        <input
          id={`${id}-search`}
          type="search"
          value={text}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") event.preventDefault();
          }}
        />
        <p id={`${id}-hint`} className="hint">
          {t("training.people.searchHint")}
        </p>
      </div>
      {kind === "members" && (
        <div className="field-checkbox">
          <input
            id={`${id}-probationary`}
            type="checkbox"
            checked={onlyProbationary}
            onChange={(event) => setOnlyProbationary(event.target.checked)}
          />
          <label htmlFor={`${id}-probationary`}>{t("training.people.onlyProbationary")}</label>
        </div>
      )}
      {kind === "members" ? (
        <MemberResults
          search={search}
          probationary={onlyProbationary}
          chosen={chosen}
          onToggle={toggle}
        />
      ) : (
        <CandidateResults search={search} chosen={chosen} onToggle={toggle} />
      )}
      <div className="chosen-people" aria-live="polite">
        <p className="hint">{t("training.people.chosen", { count: chosen.length })}</p>
        {chosen.length > 0 && (
          <ul className="chip-list">
            {chosen.map((person) => (
              <li key={person.id}>
                <button
                  type="button"
                  className="chip"
                  aria-label={t("training.people.remove", { name: person.name })}
                  onClick={() => toggle(person)}
                >
                  {person.name} <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function ResultChecklist({
  people,
  chosen,
  onToggle,
  more,
}: {
  people: Person[];
  chosen: Person[];
  onToggle: (person: Person) => void;
  more: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <ul className="people-results">
        {people.map((person) => (
          <li key={person.id} className="field-checkbox">
            <input
              id={`${id}-${person.id}`}
              type="checkbox"
              checked={chosen.some((p) => p.id === person.id)}
              onChange={() => onToggle(person)}
            />
            <label htmlFor={`${id}-${person.id}`}>
              {person.name} <span className="result-meta">{person.detail}</span>
            </label>
          </li>
        ))}
      </ul>
      {more > 0 && <p className="hint">{t("training.people.more", { count: more })}</p>}
    </>
  );
}

function MemberResults({
  search,
  probationary,
  chosen,
  onToggle,
}: {
  search: string;
  probationary: boolean;
  chosen: Person[];
  onToggle: (person: Person) => void;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(PeopleMembersQuery, {
    variables: {
      first: RESULTS,
      ...(search ? { search } : {}),
      ...(probationary ? { status: "PROBATIONARY" as const } : {}),
    },
  });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("training.people.loading")}
      isEmpty={(d) => d.members.edges.length === 0}
      empty={t("training.people.empty")}
    >
      {(d) => (
        <ResultChecklist
          people={d.members.edges.map(({ node }) => ({
            id: node.id,
            name: node.fullName,
            detail: `${t(`enums.memberStatus.${node.status}`)} · ${node.unit.name}`,
          }))}
          chosen={chosen}
          onToggle={onToggle}
          more={d.members.totalCount - d.members.edges.length}
        />
      )}
    </QueryState>
  );
}

function CandidateResults({
  search,
  chosen,
  onToggle,
}: {
  search: string;
  chosen: Person[];
  onToggle: (person: Person) => void;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(PeopleCandidatesQuery, {
    variables: {
      first: RESULTS,
      stages: ["REGISTERED", "AWARENESS_CLASS"],
      ...(search ? { search } : {}),
    },
  });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("training.people.loading")}
      isEmpty={(d) => d.candidates.edges.length === 0}
      empty={t("training.people.empty")}
    >
      {(d) => (
        <ResultChecklist
          people={d.candidates.edges.map(({ node }) => ({
            id: node.id,
            name: node.fullName,
            detail: `${t(`candidates.stages.${node.stage}`)} · ${node.cell.name}`,
          }))}
          chosen={chosen}
          onToggle={onToggle}
          more={d.candidates.totalCount - d.candidates.edges.length}
        />
      )}
    </QueryState>
  );
}
