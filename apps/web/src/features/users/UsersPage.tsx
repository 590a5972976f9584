import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { getFragmentData, type FragmentType } from "../../gql/index.ts";
import type { Role, UsersQueryVariables } from "../../gql/graphql.ts";
import { useDebouncedValue, useDocumentTitle } from "../../ui/hooks.ts";
import { LoadMore } from "../../ui/LoadMore.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { RequireRole } from "../auth/guards.tsx";
import { CreateUserForm } from "./CreateUserForm.tsx";
import { ROLES } from "./fields.tsx";
import { UserRowFragment, UsersQuery } from "./users.operations.ts";

export const USERS_PAGE_SIZE = 25;

export function UsersPage() {
  return (
    <RequireRole roles={["ADMIN"]}>
      <UsersAdmin />
    </RequireRole>
  );
}

function UsersAdmin() {
  const { t } = useTranslation();
  const id = useId();
  useDocumentTitle(t("users.title"));
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const search = useDebouncedValue(text.trim().replace(/\s+/g, " "), 300);

  const variables: UsersQueryVariables = { first: USERS_PAGE_SIZE };
  if (search) variables.search = search;
  if (role) variables.role = role;

  return (
    <>
      <h1>{t("users.title")}</h1>
      <p className="lead">{t("users.intro")}</p>

      {created && (
        <p className="notice notice-success" role="status">
          {t("users.create.created", { username: created })}
        </p>
      )}
      <p>
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={creating}
          aria-controls={`${id}-create`}
          onClick={() => {
            setCreating((open) => !open);
            setCreated(null);
          }}
        >
          {creating ? t("users.create.cancel") : t("users.create.open")}
        </button>
      </p>
      <div id={`${id}-create`} hidden={!creating}>
        {creating && (
          <CreateUserForm
            onCreated={(username) => {
              setCreated(username);
              setCreating(false);
            }}
          />
        )}
      </div>

      <form
        className="filters"
        role="search"
        aria-label={t("users.filters")}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field field-grow">
          <label htmlFor={`${id}-search`}>{t("users.search")}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={text}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t("users.role")}</label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(event) => setRole(event.target.value as Role | "")}
          >
            <option value="">{t("users.roleAll")}</option>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`auth.roles.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <UsersResults variables={variables} filtered={Boolean(search || role)} />
    </>
  );
}

function UsersResults({
  variables,
  filtered,
}: {
  variables: UsersQueryVariables;
  filtered: boolean;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(UsersQuery, { variables });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("users.loading")}
      isEmpty={(d) => d.users.edges.length === 0}
      empty={filtered ? t("users.emptyFiltered") : t("users.empty")}
    >
      {(d) => (
        <>
          <p className="results-count" role="status">
            {t("users.total", { count: d.users.totalCount })}
          </p>
          <div className="table-container">
            <UsersTable users={d.users.edges.map((edge) => edge.node)} />
          </div>
          {d.users.edges.length < d.users.totalCount && (
            <p className="hint">
              {t("common.showing", { shown: d.users.edges.length, total: d.users.totalCount })}
            </p>
          )}
          {d.users.pageInfo.hasNextPage && (
            <LoadMore
              onLoadMore={() => fetchMore({ variables: { after: d.users.pageInfo.endCursor } })}
            />
          )}
        </>
      )}
    </QueryState>
  );
}

/** A table on wide screens; cards on phones (styles.css). */
function UsersTable({ users }: { users: readonly FragmentType<typeof UserRowFragment>[] }) {
  const { t } = useTranslation();
  const columns = {
    username: t("users.columns.username"),
    displayName: t("users.columns.displayName"),
    role: t("users.columns.role"),
    unit: t("users.columns.unit"),
    pii: t("users.columns.pii"),
    status: t("users.columns.status"),
    actions: t("users.columns.actions"),
  };
  return (
    <table className="data-table" aria-label={t("users.listLabel")}>
      <thead>
        <tr>
          <th scope="col">{columns.username}</th>
          <th scope="col">{columns.displayName}</th>
          <th scope="col">{columns.role}</th>
          <th scope="col">{columns.unit}</th>
          <th scope="col">{columns.pii}</th>
          <th scope="col">{columns.status}</th>
          <th scope="col">{columns.actions}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((ref) => {
          const user = getFragmentData(UserRowFragment, ref);
          return (
            <tr key={user.id}>
              <th scope="row" data-label={columns.username}>
                {user.username}
              </th>
              <td data-label={columns.displayName}>{user.displayName}</td>
              <td data-label={columns.role}>{t(`auth.roles.${user.role}`)}</td>
              <td data-label={columns.unit}>{user.unit.name}</td>
              <td data-label={columns.pii}>{user.pii ? t("users.yes") : t("users.no")}</td>
              <td data-label={columns.status}>
                <span className={`status ${user.disabled ? "status-disabled" : "status-active"}`}>
                  {user.disabled ? t("users.disabled") : t("users.active")}
                </span>
              </td>
              <td data-label={columns.actions}>
                <Link
                  to={`/admin/users/${encodeURIComponent(user.id)}`}
                  aria-label={t("users.editLabel", { username: user.username })}
                  className="table-action"
                >
                  {t("users.editLink")}
                </Link>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
