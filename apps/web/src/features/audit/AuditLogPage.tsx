import { useQuery } from "@apollo/client/react";
import { Fragment, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { AuditLogQuery as AuditLogData, AuditLogQueryVariables } from "../../gql/graphql.ts";
import { useDateTimeFormat } from "../../i18n/datetime.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { LoadMore } from "../../ui/LoadMore.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { FieldMessages } from "../auth/fields.tsx";
import { RequireRole } from "../auth/guards.tsx";
import { AuditDiff } from "./AuditDiff.tsx";
import { AuditLogQuery } from "./audit.operations.ts";

export const AUDIT_PAGE_SIZE = 30;

/** Kinds of record the API audits today; any other can be typed. */
export const KNOWN_ENTITIES = ["User", "Session", "AdmissionTarget"] as const;
/** Operations with a translated name (the name itself is shown too). */
export const KNOWN_OPERATIONS = [
  "signIn",
  "signOut",
  "changePassword",
  "createUser",
  "updateUser",
  "resetPassword",
  "setAdmissionTargets",
] as const;

/** The filters, as written in the address (so other pages can link to a record's history). */
const PARAMS = ["entity", "entityId", "operation", "username", "from", "to"] as const;
type Filters = Record<(typeof PARAMS)[number], string>;

const OTHER = "__other";
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function filtersFrom(params: URLSearchParams): Filters {
  const filters = {} as Filters;
  for (const name of PARAMS) filters[name] = params.get(name)?.trim() ?? "";
  return filters;
}

/** Midnight starting a calendar day in the device's time zone, as an instant. */
function startOfDay(iso: string, addDays = 0): string | undefined {
  if (!ISO_DATE.test(iso)) return undefined;
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d + addDays).toISOString();
}

function variablesFor(filters: Filters): AuditLogQueryVariables {
  const variables: AuditLogQueryVariables = { first: AUDIT_PAGE_SIZE };
  if (filters.entity) variables.entity = filters.entity;
  if (filters.entityId) variables.entityId = filters.entityId;
  if (filters.operation) variables.operation = filters.operation;
  if (filters.username) variables.username = filters.username.toLowerCase();
  const from = startOfDay(filters.from);
  // "To" is inclusive for the reader; the API's `to` is exclusive: the next day's midnight.
  const to = startOfDay(filters.to, 1);
  if (from) variables.from = from;
  if (to) variables.to = to;
  return variables;
}

export function AuditLogPage() {
  return (
    <RequireRole roles={["ADMIN", "LEADER"]}>
      <AuditLog />
    </RequireRole>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  useDocumentTitle(t("audit.title"));
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const filtered = PARAMS.some((name) => filters[name]);

  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.intro")}</p>
      <AuditFilters
        // A new address (a link, Back) starts the form from its filters.
        key={params.toString()}
        initial={filters}
        onApply={(next) => {
          const search = new URLSearchParams();
          for (const name of PARAMS) if (next[name]) search.set(name, next[name]);
          setParams(search);
        }}
      />
      <AuditResults variables={variablesFor(filters)} filtered={filtered} />
    </>
  );
}

function AuditFilters({
  initial,
  onApply,
}: {
  initial: Filters;
  onApply: (filters: Filters) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const known = (KNOWN_ENTITIES as readonly string[]).includes(initial.entity);
  const [entityChoice, setEntityChoice] = useState(
    initial.entity === "" ? "" : known ? initial.entity : OTHER,
  );
  const [otherEntity, setOtherEntity] = useState(known ? "" : initial.entity);
  const [entityId, setEntityId] = useState(initial.entityId);
  const [operation, setOperation] = useState(initial.operation);
  const [username, setUsername] = useState(initial.username);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [rangeError, setRangeError] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (from && to && from > to) {
      setRangeError(true);
      document.getElementById(`${id}-to`)?.focus();
      return;
    }
    setRangeError(false);
    onApply({
      entity: (entityChoice === OTHER ? otherEntity : entityChoice).trim(),
      entityId: entityId.trim(),
      operation: operation.trim(),
      username: username.trim(),
      from,
      to,
    });
  };

  return (
    <form
      className="filters audit-filters"
      role="search"
      aria-label={t("audit.filters")}
      noValidate
      onSubmit={submit}
    >
      <div className="field">
        <label htmlFor={`${id}-entity`}>{t("audit.entity")}</label>
        <select
          id={`${id}-entity`}
          value={entityChoice}
          onChange={(event) => setEntityChoice(event.target.value)}
        >
          <option value="">{t("audit.entityAll")}</option>
          {KNOWN_ENTITIES.map((entity) => (
            <option key={entity} value={entity}>
              {t(`audit.entities.${entity}`)}
            </option>
          ))}
          <option value={OTHER}>{t("audit.entityOther")}</option>
        </select>
      </div>
      {entityChoice === OTHER && (
        <div className="field">
          <label htmlFor={`${id}-entity-other`}>{t("audit.entityOtherLabel")}</label>
          <input
            id={`${id}-entity-other`}
            type="text"
            value={otherEntity}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-entity-other-hint`}
            onChange={(event) => setOtherEntity(event.target.value)}
          />
          <FieldMessages id={`${id}-entity-other`} hint={t("audit.entityOtherHint")} />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-entity-id`}>{t("audit.entityId")}</label>
        <input
          id={`${id}-entity-id`}
          type="text"
          value={entityId}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-entity-id-hint`}
          onChange={(event) => setEntityId(event.target.value)}
        />
        <FieldMessages id={`${id}-entity-id`} hint={t("audit.entityIdHint")} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-operation`}>{t("audit.operation")}</label>
        <input
          id={`${id}-operation`}
          type="text"
          list={`${id}-operations`}
          value={operation}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-operation-hint`}
          onChange={(event) => setOperation(event.target.value)}
        />
        <datalist id={`${id}-operations`}>
          {KNOWN_OPERATIONS.map((name) => (
            <option key={name} value={name}>
              {t(`audit.operations.${name}`)}
            </option>
          ))}
        </datalist>
        <FieldMessages id={`${id}-operation`} hint={t("audit.operationHint")} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-username`}>{t("audit.username")}</label>
        <input
          id={`${id}-username`}
          type="text"
          value={username}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          onChange={(event) => setUsername(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t("audit.from")}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t("audit.to")}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={to}
          aria-invalid={rangeError ? true : undefined}
          aria-describedby={rangeError ? `${id}-to-error` : undefined}
          onChange={(event) => setTo(event.target.value)}
        />
        <FieldMessages id={`${id}-to`} error={rangeError ? t("audit.invalidRange") : null} />
      </div>
      <div className="form-actions filter-actions">
        <button type="submit" className="button">
          {t("audit.apply")}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            onApply({ entity: "", entityId: "", operation: "", username: "", from: "", to: "" })
          }
        >
          {t("audit.clear")}
        </button>
      </div>
    </form>
  );
}

type Entry = AuditLogData["auditLog"]["edges"][number]["node"];

function AuditResults({
  variables,
  filtered,
}: {
  variables: AuditLogQueryVariables;
  filtered: boolean;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(AuditLogQuery, { variables });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("audit.loading")}
      isEmpty={(d) => d.auditLog.edges.length === 0}
      empty={filtered ? t("audit.emptyFiltered") : t("audit.empty")}
    >
      {(d) => (
        <>
          <p className="results-count" role="status">
            {t("audit.total", { count: d.auditLog.totalCount })}
          </p>
          <AuditTable entries={d.auditLog.edges.map((edge) => edge.node)} />
          {d.auditLog.edges.length < d.auditLog.totalCount && (
            <p className="hint">
              {t("common.showing", {
                shown: d.auditLog.edges.length,
                total: d.auditLog.totalCount,
              })}
            </p>
          )}
          {d.auditLog.pageInfo.hasNextPage && (
            <LoadMore
              onLoadMore={() => fetchMore({ variables: { after: d.auditLog.pageInfo.endCursor } })}
            />
          )}
        </>
      )}
    </QueryState>
  );
}

function AuditTable({ entries }: { entries: readonly Entry[] }) {
  const { t } = useTranslation();
  const columns = {
    at: t("audit.columns.at"),
    user: t("audit.columns.user"),
    operation: t("audit.columns.operation"),
    record: t("audit.columns.record"),
    unit: t("audit.columns.unit"),
    changes: t("audit.columns.changes"),
  };
  return (
    <table className="data-table audit-table" aria-label={t("audit.listLabel")}>
      <thead>
        <tr>
          <th scope="col">{columns.at}</th>
          <th scope="col">{columns.user}</th>
          <th scope="col">{columns.operation}</th>
          <th scope="col">{columns.record}</th>
          <th scope="col">{columns.unit}</th>
          <th scope="col">{columns.changes}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <AuditRow key={entry.id} entry={entry} columns={columns} />
        ))}
      </tbody>
    </table>
  );
}

function AuditRow({
  entry,
  columns,
}: {
  entry: Entry;
  columns: Record<"at" | "user" | "operation" | "record" | "unit" | "changes", string>;
}) {
  const { t } = useTranslation();
  const formatInstant = useDateTimeFormat();
  const detailsId = useId();
  const [open, setOpen] = useState(false);
  const operation = (KNOWN_OPERATIONS as readonly string[]).includes(entry.operation)
    ? t(`audit.operations.${entry.operation as (typeof KNOWN_OPERATIONS)[number]}`)
    : null;
  return (
    <Fragment>
      <tr>
        <th scope="row" data-label={columns.at}>
          <time dateTime={String(entry.at)}>{formatInstant(entry.at)}</time>
        </th>
        <td data-label={columns.user}>{entry.username ?? t("audit.system")}</td>
        <td data-label={columns.operation}>
          {operation && <>{operation} </>}
          <code>{entry.operation}</code>
        </td>
        <td data-label={columns.record}>
          {entry.entity}
          {entry.entityId && (
            <>
              {" "}
              <code>#{entry.entityId}</code>
            </>
          )}
        </td>
        <td data-label={columns.unit}>{entry.unit?.name ?? "—"}</td>
        <td data-label={columns.changes}>
          <button
            type="button"
            className="link-button"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen((value) => !value)}
          >
            {t("audit.showChanges")}
          </button>
        </td>
      </tr>
      <tr id={detailsId} className="row-expansion" hidden={!open}>
        <td colSpan={6}>{open && <AuditDiff before={entry.before} after={entry.after} />}</td>
      </tr>
    </Fragment>
  );
}
