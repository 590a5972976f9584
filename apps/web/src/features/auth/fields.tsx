import { useId, useState, type InputHTMLAttributes, type Ref } from "react";
import { useTranslation } from "react-i18next";

/** The API's shortest password (sign-up by an admin, reset, change). */
export const PASSWORD_MIN = 8;

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  label: string;
  hint?: string | undefined;
  /** Shown under the input, which is then marked invalid and described by it. */
  error?: string | null | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
}

/** A labelled input with its hint and its error, wired for screen readers. */
export function TextField({
  label,
  hint,
  error,
  inputRef,
  type = "text",
  ...input
}: TextFieldProps) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        ref={inputRef}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

/** A password input with a button that shows what was typed (easier on a phone). */
export function PasswordField({
  label,
  hint,
  error,
  inputRef,
  ...input
}: Omit<TextFieldProps, "type">) {
  const { t } = useTranslation();
  const id = useId();
  const [shown, setShown] = useState(false);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="password-input">
        <input
          {...input}
          id={id}
          ref={inputRef}
          type={shown ? "text" : "password"}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
        <button
          type="button"
          className="button button-secondary password-toggle"
          aria-pressed={shown}
          aria-controls={id}
          aria-label={t("auth.showPasswordFor", { field: label })}
          onClick={() => setShown((value) => !value)}
        >
          {t("auth.showPassword")}
        </button>
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export function FieldMessages({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: string | undefined;
  error?: string | null | undefined;
}) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}
