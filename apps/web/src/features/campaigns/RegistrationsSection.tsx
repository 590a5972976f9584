import { useMutation, useQuery } from "@apollo/client/react";
import { PROGRESS_MAX, registrationStateProblem } from "@dangbo/shared";
import { Fragment, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CampaignRegistrationsQuery as RegistrationsData } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { LoadMore } from "../../ui/LoadMore.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { CampaignRegistrationsQuery, UpdateRegistrationMutation } from "./campaigns.operations.ts";
import { isIsoDate, provinceToday } from "./dates.ts";
import { formErrors } from "./errors.ts";
import { TextField } from "./fields.tsx";
import { RESULT_WRITERS, useHasRole } from "./roles.ts";

type Registration = RegistrationsData["campaignRegistrations"]["edges"][number]["node"];

const PAGE = 25;
const FILTERS = ["all", "completed", "open"] as const;
type Filter = (typeof FILTERS)[number];

/** The projects and tasks registered for a campaign by units of the user's subtree. */
export function RegistrationsSection({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const filterId = useId();
  const [filter, setFilter] = useState<Filter>("all");
  const { data, loading, error, refetch, fetchMore } = useQuery(CampaignRegistrationsQuery, {
    variables: {
      campaignId,
      completed: filter === "all" ? null : filter === "completed",
      first: PAGE,
    },
  });
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t("campaigns.registrations.title")}</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor={filterId}>{t("campaigns.registrations.filter")}</label>
          <select
            id={filterId}
            value={filter}
            onChange={(event) => setFilter(event.target.value as Filter)}
          >
            {FILTERS.map((value) => (
              <option key={value} value={value}>
                {t(`campaigns.registrations.filters.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryState
        loading={loading}
        error={error}
        data={data}
        onRetry={() => refetch()}
        loadingLabel={t("campaigns.registrations.loading")}
        isEmpty={(d) => d.campaignRegistrations.edges.length === 0}
        empty={t("campaigns.registrations.empty")}
      >
        {(d) => (
          <>
            <p className="results-count" aria-live="polite">
              {t("campaigns.registrations.count", { count: d.campaignRegistrations.totalCount })}
            </p>
            <RegistrationsTable
              registrations={d.campaignRegistrations.edges.map((edge) => edge.node)}
              labelledBy={headingId}
            />
            {d.campaignRegistrations.pageInfo.hasNextPage && (
              <LoadMore
                onLoadMore={() =>
                  fetchMore({ variables: { after: d.campaignRegistrations.pageInfo.endCursor } })
                }
              />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

function RegistrationsTable({
  registrations,
  labelledBy,
}: {
  registrations: Registration[];
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const canUpdate = useHasRole(RESULT_WRITERS);
  const [open, setOpen] = useState<string | null>(null);
  const columns = {
    title: t("campaigns.registrations.columns.title"),
    unit: t("campaigns.registrations.columns.unit"),
    registeredOn: t("campaigns.registrations.columns.registeredOn"),
    progress: t("campaigns.registrations.columns.progress"),
    result: t("campaigns.registrations.columns.result"),
    actions: t("campaigns.registrations.columns.actions"),
  };
  return (
    <div className="table-container">
      <table className="data-table registrations-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{columns.title}</th>
            <th scope="col">{columns.unit}</th>
            <th scope="col">{columns.registeredOn}</th>
            <th scope="col">{columns.progress}</th>
            <th scope="col">{columns.result}</th>
            {canUpdate && <th scope="col">{columns.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {registrations.map((registration) => {
            const expanded = open === registration.id;
            const formId = `registration-update-${registration.id}`;
            return (
              <Fragment key={registration.id}>
                <tr data-registration={registration.id}>
                  <th scope="row" data-label={columns.title} className="wrap">
                    {registration.title}
                    {registration.description && (
                      <span className="row-note">{registration.description}</span>
                    )}
                    {registration.target && (
                      <span className="row-note">
                        {t("campaigns.registrations.targetValue", { target: registration.target })}
                      </span>
                    )}
                  </th>
                  <td data-label={columns.unit} className="wrap">
                    <Link to={`/units/${encodeURIComponent(registration.unit.id)}`}>
                      {registration.unit.name}
                    </Link>
                    {registration.responsibleUnitName &&
                      registration.responsibleUnitName !== registration.unit.name && (
                        <span className="row-note">
                          {t("campaigns.registrations.responsibleValue", {
                            name: registration.responsibleUnitName,
                          })}
                        </span>
                      )}
                  </td>
                  <td data-label={columns.registeredOn}>
                    {format.date(registration.registeredOn)}
                  </td>
                  <td data-label={columns.progress}>
                    <ProgressBar value={registration.progress} />
                  </td>
                  <td data-label={columns.result} className="wrap">
                    {registration.completed && registration.completedOn ? (
                      <span className="em-badge em-badge-done">
                        {t("campaigns.registrations.completedOn", {
                          date: format.date(registration.completedOn),
                        })}
                      </span>
                    ) : (
                      <span className="em-badge em-badge-open">
                        {t("campaigns.registrations.notCompleted")}
                      </span>
                    )}
                    {registration.result && <span className="row-note">{registration.result}</span>}
                  </td>
                  {canUpdate && (
                    <td data-label={columns.actions}>
                      <button
                        type="button"
                        className="button button-secondary table-button"
                        aria-expanded={expanded}
                        aria-controls={formId}
                        aria-label={t("campaigns.registrations.updateLabel", {
                          title: registration.title,
                        })}
                        onClick={() => setOpen(expanded ? null : registration.id)}
                      >
                        {t("campaigns.registrations.update")}
                      </button>
                    </td>
                  )}
                </tr>
                {canUpdate && (
                  <tr className="row-expansion" id={formId} hidden={!expanded}>
                    <td colSpan={6}>
                      {expanded && (
                        <UpdateRegistrationForm
                          registration={registration}
                          onDone={() => setOpen(null)}
                        />
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Progress in percent as a bar with its figure (the figure is what is read out). */
export function ProgressBar({ value }: { value: number }) {
  const { t } = useTranslation();
  return (
    <span className="progress">
      <span className="progress-track" aria-hidden="true">
        <span
          className="progress-fill"
          style={{ width: `${Math.max(0, Math.min(100, value))}%` }}
        />
      </span>
      <span className="progress-value">{t("campaigns.registrations.percent", { value })}</span>
    </span>
  );
}

const UPDATE_FIELDS = ["progress", "result", "completedOn"] as const;
type UpdateField = (typeof UPDATE_FIELDS)[number];

/** Progress, result and completion of one registration (leaders record results too). */
function UpdateRegistrationForm({
  registration,
  onDone,
}: {
  registration: Registration;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const today = provinceToday();
  const [completed, setCompleted] = useState(registration.completed);
  const [progress, setProgress] = useState(String(registration.progress));
  const [completedOn, setCompletedOn] = useState(registration.completedOn ?? today);
  const [result, setResult] = useState(registration.result ?? "");
  const [errors, setErrors] = useState<Partial<Record<UpdateField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const refs = {
    progress: useRef<HTMLInputElement>(null),
    result: useRef<HTMLInputElement>(null),
    completedOn: useRef<HTMLInputElement>(null),
  };
  const [update, { loading }] = useMutation(UpdateRegistrationMutation, {
    refetchQueries: ["CampaignRegistrations", "CampaignProgress", "Campaign"],
  });

  const show = (found: Partial<Record<UpdateField, string>>) => {
    setErrors(found);
    const first = UPDATE_FIELDS.find((field) => found[field]);
    if (first) refs[first].current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setFormError(null);
    const percent = completed ? PROGRESS_MAX : Number(progress);
    const date = completed ? completedOn : null;
    const found: Partial<Record<UpdateField, string>> = {};
    if (completed && !isIsoDate(completedOn)) found.completedOn = t("campaigns.update.missingDate");
    else {
      const problem = registrationStateProblem(
        { registeredOn: registration.registeredOn, progress: percent, completedOn: date },
        today,
      );
      if (problem === "PROGRESS_RANGE") found.progress = t("campaigns.serverErrors.progressRange");
      if (problem === "FULL_NOT_COMPLETED") found.progress = t("campaigns.update.fullHint");
      if (problem === "COMPLETED_BEFORE_REGISTERED")
        found.completedOn = t("campaigns.serverErrors.completedBeforeRegistered");
      if (problem === "COMPLETED_IN_FUTURE")
        found.completedOn = t("campaigns.serverErrors.completedInFuture");
    }
    if (Object.keys(found).length > 0) return show(found);
    setErrors({});
    try {
      await update({
        variables: {
          id: registration.id,
          input: { progress: percent, completedOn: date, result: result.trim() },
        },
      });
      onDone();
    } catch (error) {
      const problem = formErrors(t, error, UPDATE_FIELDS);
      if (problem.field) show({ [problem.field]: problem.text });
      else setFormError(problem.text);
    }
  };

  return (
    <form
      className="form inline-form"
      noValidate
      aria-label={t("campaigns.update.label", { title: registration.title })}
      onSubmit={(event) => void submit(event)}
    >
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="field field-checkbox">
        <input
          id={`completed-${registration.id}`}
          type="checkbox"
          checked={completed}
          onChange={(event) => setCompleted(event.target.checked)}
        />
        <label htmlFor={`completed-${registration.id}`}>{t("campaigns.update.completed")}</label>
      </div>
      {completed ? (
        <TextField
          type="date"
          label={t("campaigns.update.completedOn")}
          value={completedOn}
          min={registration.registeredOn}
          max={today}
          error={errors.completedOn}
          inputRef={refs.completedOn}
          onChange={(event) => setCompletedOn(event.target.value)}
        />
      ) : (
        <TextField
          type="number"
          inputMode="numeric"
          min={0}
          max={99}
          step={1}
          label={t("campaigns.update.progress")}
          hint={t("campaigns.update.progressHint")}
          value={progress}
          error={errors.progress}
          inputRef={refs.progress}
          onChange={(event) => setProgress(event.target.value)}
        />
      )}
      <TextField
        label={t("campaigns.update.result")}
        hint={t("campaigns.update.resultHint")}
        value={result}
        error={errors.result}
        inputRef={refs.result}
        maxLength={5000}
        onChange={(event) => setResult(event.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={loading}>
          {loading ? t("campaigns.update.saving") : t("campaigns.update.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t("campaigns.update.cancel")}
        </button>
      </div>
    </form>
  );
}
