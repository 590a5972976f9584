import { useMutation } from "@apollo/client/react";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../gql/graphql.ts";
import { errorCode, type ErrorCode } from "../../ui/errors.ts";
import { inputError } from "../../ui/form-errors.ts";
import { PASSWORD_MIN, PasswordField, TextField } from "../auth/fields.tsx";
import { describeInputError } from "../auth/input-errors.ts";
import { PiiCheckbox, RoleSelect } from "./fields.tsx";
import { UnitPicker, type PickedUnit } from "./UnitPicker.tsx";
import { CreateUserMutation } from "./users.operations.ts";

const FIELDS = ["username", "displayName", "password", "role", "unitId", "pii"] as const;
type Field = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<Field, string>>;

function isField(value: string): value is Field {
  return (FIELDS as readonly string[]).includes(value);
}

/** The new-account form. Nothing typed is lost when the server refuses it. */
export function CreateUserForm({ onCreated }: { onCreated: (username: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("SECRETARY");
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [pii, setPii] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const refs = {
    username: useRef<HTMLInputElement>(null),
    displayName: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    role: useRef<HTMLSelectElement>(null),
    unitId: useRef<HTMLInputElement>(null),
    pii: useRef<HTMLInputElement>(null),
  };
  const [createUser, { loading }] = useMutation(CreateUserMutation, {
    refetchQueries: ["Users"],
  });

  const show = (found: FieldErrors) => {
    setErrors(found);
    const first = FIELDS.find((field) => found[field]);
    if (first) refs[first].current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setFailure(null);
    const name = username.trim().toLowerCase();
    const found: FieldErrors = {};
    if (!name) found.username = t("users.form.missing.username");
    if (!displayName.trim()) found.displayName = t("users.form.missing.displayName");
    if (!password) found.password = t("users.form.missing.password");
    else if (password.length < PASSWORD_MIN) found.password = t("users.form.tooShort");
    if (!unit) found.unitId = t("users.form.missing.unitId");
    if (Object.keys(found).length > 0 || !unit) return show(found);

    setErrors({});
    try {
      await createUser({
        variables: {
          input: {
            username: name,
            displayName: displayName.trim(),
            password,
            role,
            unitId: unit.id,
            pii,
          },
        },
      });
      setUsername("");
      setDisplayName("");
      setPassword("");
      setUnit(null);
      setPii(false);
      onCreated(name);
    } catch (error) {
      const input = inputError(error);
      if (input && isField(input.field)) show({ [input.field]: describeInputError(t, input) });
      else setFailure(errorCode(error));
    }
  };

  const hasErrors = Object.keys(errors).length > 0;

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("users.create.title")}</h2>
      {(hasErrors || failure) && (
        <p className="form-error" role="alert">
          {failure ? t(`errors.${failure}`) : t("users.form.notSaved")}
        </p>
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          label={t("users.form.username")}
          hint={t("users.form.usernameHint")}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          error={errors.username}
          inputRef={refs.username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <TextField
          label={t("users.form.displayName")}
          autoComplete="off"
          value={displayName}
          error={errors.displayName}
          inputRef={refs.displayName}
          onChange={(event) => setDisplayName(event.target.value)}
        />
        <PasswordField
          label={t("users.form.password")}
          hint={t("users.form.passwordHint")}
          autoComplete="new-password"
          value={password}
          error={errors.password}
          inputRef={refs.password}
          onChange={(event) => setPassword(event.target.value)}
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
            {loading ? t("users.create.submitting") : t("users.create.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
