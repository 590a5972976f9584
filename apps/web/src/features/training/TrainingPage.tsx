import { useMutation, useQuery } from "@apollo/client/react";
import { TrainingKind } from "@dangbo/shared";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { getFragmentData } from "../../gql/index.ts";
import type {
  TrainingClassesQueryVariables,
  TrainingClassRowFragment,
  TrainingKind as TrainingKindValue,
} from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { LoadMore } from "../../ui/LoadMore.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { RequireRole } from "../auth/guards.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { evictDevelopmentFigures } from "../lifecycle/cache.ts";
import { UnitSearchPicker, type PickedUnit } from "../lifecycle/CellPicker.tsx";
import { provinceToday, yearOfIso } from "../lifecycle/dates.ts";
import { badInput, describeBadInput, describeFailure, fieldName } from "../lifecycle/errors.ts";
import { DateField, SelectField, TextInputField } from "../lifecycle/fields.tsx";
import { ClassPeoplePanel } from "./ClassPeoplePanel.tsx";
import {
  CreateTrainingClassMutation,
  TrainingClassesQuery,
  TrainingClassRowFragment as TrainingClassRowDoc,
} from "./training.operations.ts";
import "../lifecycle/development.css";

export const TRAINING_PAGE_SIZE = 25;
const READERS = ["ADMIN", "LEADER", "STAFF", "ANALYST"] as const;
const BOARD: readonly string[] = ["ADMIN", "STAFF"];
const KINDS = Object.values(TrainingKind) as TrainingKindValue[];
const FIRST_YEAR = 2018;

function isKind(value: string): value is TrainingKindValue {
  return (KINDS as string[]).includes(value);
}

export type ClassAction = { classId: string; mode: "enrol" | "complete" } | null;

/** `/training`: awareness classes, theory courses and cadre training of the viewer's unit. */
export function TrainingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("training.title"));
  return (
    <RequireRole roles={READERS}>
      <div className="development">
        <h1>{t("training.title")}</h1>
        <p className="lead">{t("training.intro")}</p>
        <TrainingClasses />
      </div>
    </RequireRole>
  );
}

export function TrainingClasses({ today = provinceToday() }: { today?: string }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const id = useId();
  const currentYear = yearOfIso(today);
  const [kind, setKind] = useState<TrainingKindValue | "">("");
  const [year, setYear] = useState<number | "">(currentYear);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [action, setAction] = useState<ClassAction>(null);
  const canManage = viewer !== null && BOARD.includes(viewer.role);
  const unitId = viewer?.unit.id ?? "";
  const variables: TrainingClassesQueryVariables = { unitId, first: TRAINING_PAGE_SIZE };
  if (kind) variables.kind = kind;
  if (year !== "") variables.year = year;
  const { data, loading, error, refetch, fetchMore } = useQuery(TrainingClassesQuery, {
    variables,
    skip: !unitId,
  });
  const years: number[] = [];
  for (let y = currentYear + 1; y >= FIRST_YEAR; y--) years.push(y);
  const classes = (data?.trainingClasses.edges ?? []).map(({ node }) =>
    getFragmentData(TrainingClassRowDoc, node),
  );
  const chosen = action ? classes.find((c) => c.id === action.classId) : undefined;

  return (
    <>
      {canManage && (
        <div className="page-actions">
          <button
            type="button"
            className="button"
            aria-expanded={creating}
            onClick={() => {
              setCreating((open) => !open);
              setCreated(null);
            }}
          >
            {t("training.create.open")}
          </button>
        </div>
      )}
      {created && (
        <p className="notice notice-success" role="status">
          {t("training.create.done", { name: created })}
        </p>
      )}
      {creating && (
        <CreateClassForm
          today={today}
          onCreated={(name) => {
            setCreating(false);
            setCreated(name);
          }}
        />
      )}
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t("training.filters.kind")}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(event) => setKind(isKind(event.target.value) ? event.target.value : "")}
          >
            <option value="">{t("training.filters.allKinds")}</option>
            {KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`training.kinds.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>{t("training.filters.year")}</label>
          <select
            id={`${id}-year`}
            value={year}
            onChange={(event) => setYear(event.target.value ? Number(event.target.value) : "")}
          >
            <option value="">{t("training.filters.allYears")}</option>
            {years.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      </form>
      <QueryState
        loading={loading}
        error={error}
        data={data}
        onRetry={() => refetch()}
        loadingLabel={t("training.loading")}
        isEmpty={(d) => d.trainingClasses.edges.length === 0}
        empty={t("training.empty")}
      >
        {(d) => (
          <>
            <p className="results-count" role="status">
              {t("training.total", { count: d.trainingClasses.totalCount })}
            </p>
            <ClassesTable
              classes={classes}
              canManage={canManage}
              action={action}
              onAction={setAction}
            />
            {d.trainingClasses.pageInfo.hasNextPage && (
              <LoadMore
                onLoadMore={() =>
                  fetchMore({ variables: { after: d.trainingClasses.pageInfo.endCursor } })
                }
              />
            )}
          </>
        )}
      </QueryState>
      {canManage && action && chosen && (
        <ClassPeoplePanel
          key={`${action.classId}-${action.mode}`}
          trainingClass={chosen}
          mode={action.mode}
          today={today}
          onClose={() => setAction(null)}
        />
      )}
    </>
  );
}

function ClassesTable({
  classes,
  canManage,
  action,
  onAction,
}: {
  classes: TrainingClassRowFragment[];
  canManage: boolean;
  action: ClassAction;
  onAction: (action: ClassAction) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns = {
    name: t("training.columns.name"),
    kind: t("training.columns.kind"),
    organiser: t("training.columns.organiser"),
    dates: t("training.columns.dates"),
    enrolments: t("training.columns.enrolments"),
    actions: t("training.columns.actions"),
  };
  return (
    <div className="table-container">
      <table className="data-table" aria-label={t("training.listLabel")}>
        <thead>
          <tr>
            <th scope="col">{columns.name}</th>
            <th scope="col">{columns.kind}</th>
            <th scope="col">{columns.organiser}</th>
            <th scope="col">{columns.dates}</th>
            <th scope="col">{columns.enrolments}</th>
            {canManage && <th scope="col">{columns.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {classes.map((c) => (
            <tr key={c.id}>
              <th scope="row" data-label={columns.name}>
                {c.name}
              </th>
              <td data-label={columns.kind}>{t(`training.kinds.${c.kind}`)}</td>
              <td data-label={columns.organiser}>{c.organiser.name}</td>
              <td data-label={columns.dates}>
                {c.endsOn
                  ? t("training.dateRange", {
                      from: format.date(c.startsOn),
                      to: format.date(c.endsOn),
                    })
                  : format.date(c.startsOn)}
              </td>
              <td data-label={columns.enrolments}>
                {t("training.enrolmentCounts", {
                  enrolled: format.number(c.enrolments.enrolled),
                  completed: format.number(c.enrolments.completed),
                })}
              </td>
              {canManage && (
                <td data-label={columns.actions}>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="link-button"
                      aria-pressed={action?.classId === c.id && action.mode === "enrol"}
                      aria-label={t("training.enrolOf", { name: c.name })}
                      onClick={() => onAction({ classId: c.id, mode: "enrol" })}
                    >
                      {t("training.enrol")}
                    </button>
                    {c.kind !== "AWARENESS_CLASS" && (
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={action?.classId === c.id && action.mode === "complete"}
                        aria-label={t("training.completeOf", { name: c.name })}
                        onClick={() => onAction({ classId: c.id, mode: "complete" })}
                      >
                        {t("training.complete")}
                      </button>
                    )}
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const CREATE_FIELDS = ["kind", "name", "organiserUnitId", "startsOn", "endsOn"] as const;
type CreateField = (typeof CREATE_FIELDS)[number];

function isCreateField(value: string): value is CreateField {
  return (CREATE_FIELDS as readonly string[]).includes(value);
}

function CreateClassForm({
  today,
  onCreated,
}: {
  today: string;
  onCreated: (name: string) => void;
}) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const headingId = useId();
  const own: PickedUnit | null = viewer
    ? { id: viewer.unit.id, name: viewer.unit.name, kind: "CELL", code: "", parentName: null }
    : null;
  const [kind, setKind] = useState<TrainingKindValue>("AWARENESS_CLASS");
  const [name, setName] = useState("");
  const [organiser, setOrganiser] = useState<PickedUnit | null>(own);
  const [startsOn, setStartsOn] = useState(today);
  const [endsOn, setEndsOn] = useState("");
  const [errors, setErrors] = useState<Partial<Record<CreateField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const refs = {
    kind: useRef<HTMLSelectElement>(null),
    name: useRef<HTMLInputElement>(null),
    organiserUnitId: useRef<HTMLInputElement>(null),
    startsOn: useRef<HTMLInputElement>(null),
    endsOn: useRef<HTMLInputElement>(null),
  };
  const [create, { loading }] = useMutation(CreateTrainingClassMutation, {
    update: (cache) => evictDevelopmentFigures(cache),
  });

  const show = (found: Partial<Record<CreateField, string>>) => {
    setErrors(found);
    const first = CREATE_FIELDS.find((field) => found[field]);
    if (first) refs[first].current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setFailure(null);
    const found: Partial<Record<CreateField, string>> = {};
    if (!name.trim()) found.name = t("training.create.missing.name");
    if (!organiser) found.organiserUnitId = t("training.create.missing.organiser");
    if (!startsOn) found.startsOn = t("training.create.missing.startsOn");
    if (endsOn && startsOn && endsOn < startsOn)
      found.endsOn = t("training.create.endsBeforeStart");
    if (Object.keys(found).length > 0 || !organiser) return show(found);
    setErrors({});
    try {
      await create({
        variables: {
          input: {
            kind,
            name: name.trim(),
            organiserUnitId: organiser.id,
            startsOn,
            ...(endsOn ? { endsOn } : {}),
          },
        },
      });
      onCreated(name.trim());
    } catch (error) {
      const input = badInput(error);
      const field = input ? fieldName(input.field) : "";
      if (input && isCreateField(field)) show({ [field]: describeBadInput(t, input) });
      else setFailure(input ? describeBadInput(t, input) : describeFailure(t, error));
    }
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("training.create.title")}</h2>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <SelectField
          label={t("training.create.kind")}
          required
          value={kind}
          error={errors.kind}
          selectRef={refs.kind}
          onChange={(event) => isKind(event.target.value) && setKind(event.target.value)}
        >
          {KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`training.kinds.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextInputField
          label={t("training.create.name")}
          hint={t("training.create.nameHint")}
          required
          autoComplete="off"
          value={name}
          error={errors.name}
          inputRef={refs.name}
          onChange={(event) => setName(event.target.value)}
        />
        <UnitSearchPicker
          label={t("training.create.organiser")}
          mode="units"
          required
          value={organiser}
          onChange={setOrganiser}
          error={errors.organiserUnitId}
          inputRef={refs.organiserUnitId}
          hint={t("training.create.organiserHint")}
        />
        <div className="form-grid">
          <DateField
            label={t("training.create.startsOn")}
            required
            value={startsOn}
            error={errors.startsOn}
            inputRef={refs.startsOn}
            onChange={(event) => setStartsOn(event.target.value)}
          />
          <DateField
            label={t("training.create.endsOn")}
            min={startsOn || undefined}
            value={endsOn}
            error={errors.endsOn}
            inputRef={refs.endsOn}
            onChange={(event) => setEndsOn(event.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={loading}>
            {loading ? t("lifecycle.saving") : t("training.create.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
