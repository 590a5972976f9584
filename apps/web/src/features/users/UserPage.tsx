import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { getFragmentData } from "../../gql/index.ts";
import type { Role, UpdateUserInput, UserRowFragment as UserRowData } from "../../gql/graphql.ts";
import { useDateTimeFormat } from "../../i18n/datetime.ts";
import { errorCode, type ErrorCode } from "../../ui/errors.ts";
import { inputError } from "../../ui/form-errors.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { PASSWORD_MIN, PasswordField, TextField } from "../auth/fields.tsx";
import { RequireRole } from "../auth/guards.tsx";
import { describeInputError } from "../auth/input-errors.ts";
import { PiiCheckbox, RoleSelect } from "./fields.tsx";
import { UnitPicker, type PickedUnit } from "./UnitPicker.tsx";
import {
  ResetPasswordMutation,
  UpdateUserMutation,
  UserQuery,
  UserRowFragment,
} from "./users.operations.ts";

const NOT_FOUND_CODES: readonly ErrorCode[] = ["NOT_FOUND", "BAD_USER_INPUT", "FORBIDDEN"];

export function UserPage() {
  return (
    <RequireRole roles={["ADMIN"]}>
      <UserEditor />
    </RequireRole>
  );
}

function UserEditor() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(UserQuery, { variables: { id } });
  const formatInstant = useDateTimeFormat();
  const user = data ? getFragmentData(UserRowFragment, data.user) : undefined;
  useDocumentTitle(user ? t("users.editLabel", { username: user.username }) : t("users.title"));

  return (
    <>
      <p className="back-link">
        <Link to="/admin/users">{t("users.detail.back")}</Link>
      </p>
      <QueryState
        loading={loading}
        error={error}
        data={data}
        onRetry={() => refetch()}
        loadingLabel={t("users.detail.loading")}
        notFound={
          <section className="not-found">
            <h1>{t("users.detail.notFoundTitle")}</h1>
            <p>{t("users.detail.notFoundText")}</p>
          </section>
        }
        notFoundCodes={NOT_FOUND_CODES}
      >
        {(d) => {
          const row = getFragmentData(UserRowFragment, d.user);
          return (
            <>
              <h1>{t("users.editLabel", { username: row.username })}</h1>
              <p className="hint">
                {t("users.detail.createdAt", { date: formatInstant(d.user.createdAt) })} ·{" "}
                <Link to={`/admin/audit?entity=User&entityId=${encodeURIComponent(row.id)}`}>
                  {t("users.detail.history")}
                </Link>
              </p>
              <DetailsForm key={row.id} user={row} />
              <ResetPasswordForm userId={row.id} />
              <StatusSection user={row} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}

type DetailField = "displayName" | "role" | "unitId" | "pii";
const DETAIL_FIELDS: readonly DetailField[] = ["displayName", "role", "unitId", "pii"];

function DetailsForm({ user }: { user: UserRowData }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [unit, setUnit] = useState<PickedUnit>({
    id: user.unit.id,
    name: user.unit.name,
    kind: user.unit.kind,
  });
  const [pii, setPii] = useState(user.pii);
  const [errors, setErrors] = useState<Partial<Record<DetailField, string>>>({});
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const [message, setMessage] = useState<"saved" | "noChanges" | null>(null);
  const refs = {
    displayName: useRef<HTMLInputElement>(null),
    role: useRef<HTMLSelectElement>(null),
    unitId: useRef<HTMLInputElement>(null),
    pii: useRef<HTMLInputElement>(null),
  };
  const [updateUser, { loading }] = useMutation(UpdateUserMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setFailure(null);
    setMessage(null);
    if (!displayName.trim()) {
      setErrors({ displayName: t("users.form.missing.displayName") });
      refs.displayName.current?.focus();
      return;
    }
    // Only what changed: the audit log then records exactly that.
    const input: UpdateUserInput = {};
    if (displayName.trim() !== user.displayName) input.displayName = displayName.trim();
    if (role !== user.role) input.role = role;
    if (unit.id !== user.unit.id) input.unitId = unit.id;
    if (pii !== user.pii) input.pii = pii;
    setErrors({});
    if (Object.keys(input).length === 0) {
      setMessage("noChanges");
      return;
    }
    try {
      await updateUser({ variables: { id: user.id, input } });
      setMessage("saved");
    } catch (error) {
      const found = inputError(error);
      const field = DETAIL_FIELDS.find((name) => name === found?.field);
      if (found && field) {
        setErrors({ [field]: describeInputError(t, found) });
        refs[field].current?.focus();
      } else {
        setFailure(errorCode(error));
      }
    }
  };

  const hasErrors = Object.keys(errors).length > 0;

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("users.detail.details")}</h2>
      <p className="hint">{t("users.detail.sessionsEnd")}</p>
      {message && (
        <p className="notice notice-success" role="status">
          {t(`users.detail.${message}`)}
        </p>
      )}
      {(hasErrors || failure) && (
        <p className="form-error" role="alert">
          {failure ? t(`errors.${failure}`) : t("users.form.notSaved")}
        </p>
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          label={t("users.form.displayName")}
          autoComplete="off"
          value={displayName}
          error={errors.displayName}
          inputRef={refs.displayName}
          onChange={(event) => setDisplayName(event.target.value)}
        />
        <RoleSelect value={role} onChange={setRole} error={errors.role} selectRef={refs.role} />
        <UnitPicker
          value={unit}
          onChange={setUnit}
          error={errors.unitId}
          forSecretary={role === "SECRETARY"}
          inputRef={refs.unitId}
        />
        <PiiCheckbox checked={pii} onChange={setPii} error={errors.pii} inputRef={refs.pii} />
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={loading}>
            {loading ? t("users.detail.saving") : t("users.detail.save")}
          </button>
        </div>
      </form>
    </section>
  );
}

function ResetPasswordForm({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<{ newPassword?: string; confirm?: string }>({});
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const [resetPassword, { loading }] = useMutation(ResetPasswordMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setDone(false);
    setFailure(null);
    if (password.length < PASSWORD_MIN) {
      setErrors({ newPassword: t("users.form.tooShort") });
      passwordRef.current?.focus();
      return;
    }
    if (confirm !== password) {
      setErrors({ confirm: t("users.form.mismatch") });
      confirmRef.current?.focus();
      return;
    }
    setErrors({});
    try {
      await resetPassword({ variables: { id: userId, newPassword: password } });
      setPassword("");
      setConfirm("");
      setDone(true);
    } catch (error) {
      const found = inputError(error);
      if (found?.field === "newPassword") {
        setErrors({ newPassword: describeInputError(t, found) });
        passwordRef.current?.focus();
      } else {
        setFailure(errorCode(error));
      }
    }
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("users.detail.resetTitle")}</h2>
      <p className="hint">{t("users.detail.resetIntro")}</p>
      {done && (
        <p className="notice notice-success" role="status">
          {t("users.detail.resetDone")}
        </p>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {t(`errors.${failure}`)}
        </p>
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <PasswordField
          label={t("users.detail.newPassword")}
          hint={t("account.password.newHint")}
          autoComplete="new-password"
          value={password}
          error={errors.newPassword}
          inputRef={passwordRef}
          onChange={(event) => setPassword(event.target.value)}
        />
        <PasswordField
          label={t("users.detail.confirmPassword")}
          autoComplete="new-password"
          value={confirm}
          error={errors.confirm}
          inputRef={confirmRef}
          onChange={(event) => setConfirm(event.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="button button-secondary" aria-disabled={loading}>
            {loading ? t("users.detail.resetting") : t("users.detail.reset")}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Disabling signs the user out everywhere, so it asks first; enabling does not. */
function StatusSection({ user }: { user: UserRowData }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<"disabledDone" | "enabledDone" | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [updateUser, { loading }] = useMutation(UpdateUserMutation);
  // The safe choice (Cancel) gets focus when asked; the button comes back when done.
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) toggleRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const setDisabled = async (disabled: boolean) => {
    setFailure(null);
    setDone(null);
    try {
      await updateUser({ variables: { id: user.id, input: { disabled } } });
      setConfirming(false);
      setDone(disabled ? "disabledDone" : "enabledDone");
    } catch (error) {
      const found = inputError(error);
      setFailure(found ? describeInputError(t, found) : t(`errors.${errorCode(error)}`));
    }
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("users.detail.statusTitle")}</h2>
      <p>
        <span className={`status ${user.disabled ? "status-disabled" : "status-active"}`}>
          {user.disabled ? t("users.detail.disabledText") : t("users.detail.activeText")}
        </span>
      </p>
      {done && (
        <p className="notice notice-success" role="status">
          {t(`users.detail.${done}`)}
        </p>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {confirming ? (
        <div className="confirm" role="group" aria-labelledby={`${headingId}-confirm`}>
          <p id={`${headingId}-confirm`}>
            {t("users.detail.confirmDisable", { username: user.username })}
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              aria-disabled={loading}
              onClick={() => {
                if (!loading) void setDisabled(true);
              }}
            >
              {t("users.detail.confirmDisableYes")}
            </button>
            <button
              type="button"
              ref={cancelRef}
              className="button button-secondary"
              onClick={() => setConfirming(false)}
            >
              {t("users.detail.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          ref={toggleRef}
          className="button button-secondary"
          aria-disabled={loading}
          onClick={() => {
            if (loading) return;
            if (user.disabled) {
              void setDisabled(false);
            } else {
              setConfirming(true);
              setDone(null);
            }
          }}
        >
          {user.disabled ? t("users.detail.enable") : t("users.detail.disable")}
        </button>
      )}
    </section>
  );
}
