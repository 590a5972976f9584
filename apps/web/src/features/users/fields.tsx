import type { Ref } from "react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../gql/graphql.ts";
import { FieldMessages } from "../auth/fields.tsx";

export const ROLES = [
  "ADMIN",
  "LEADER",
  "STAFF",
  "SECRETARY",
  "ANALYST",
] as const satisfies readonly Role[];

export function RoleSelect({
  value,
  onChange,
  error,
  selectRef,
}: {
  value: Role;
  onChange: (role: Role) => void;
  error?: string | undefined;
  selectRef?: Ref<HTMLSelectElement>;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t("users.form.role")}</label>
      <select
        id={id}
        ref={selectRef}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value as Role)}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`auth.roles.${role}`)}
          </option>
        ))}
      </select>
      <FieldMessages id={id} error={error} />
    </div>
  );
}

export function PiiCheckbox({
  checked,
  onChange,
  error,
  inputRef,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <div className="field field-checkbox">
        <input
          id={id}
          ref={inputRef}
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ")}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id}>{t("users.form.pii")}</label>
      </div>
      <FieldMessages id={id} hint={t("users.form.piiHint")} error={error} />
    </div>
  );
}
