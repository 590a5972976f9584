import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { FieldMessages } from "../auth/fields.tsx";

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
}

interface Common {
  label: string;
  hint?: string | undefined;
  /** Shown under the control, which is then marked invalid and described by it. */
  error?: string | null | undefined;
  /** Marks the field as required (in words for screen readers, with an asterisk on screen). */
  required?: boolean;
}

function Label({
  htmlFor,
  label,
  required,
}: {
  htmlFor: string;
  label: string;
  required?: boolean;
}) {
  return (
    <label htmlFor={htmlFor}>
      {label}
      {required && (
        <span className="required-mark" aria-hidden="true">
          {" "}
          *
        </span>
      )}
    </label>
  );
}

/** A calendar date (`YYYY-MM-DD`), with the native date picker. */
export function DateField({
  label,
  hint,
  error,
  required,
  inputRef,
  ...input
}: Common &
  Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "required"> & {
    inputRef?: Ref<HTMLInputElement> | undefined;
  }) {
  const id = useId();
  return (
    <div className="field">
      <Label htmlFor={id} label={label} required={required} />
      <input
        {...input}
        id={id}
        ref={inputRef}
        type="date"
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

/** A one-line text input (the auth TextField with the required mark). */
export function TextInputField({
  label,
  hint,
  error,
  required,
  inputRef,
  type = "text",
  ...input
}: Common &
  Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "required"> & {
    inputRef?: Ref<HTMLInputElement> | undefined;
  }) {
  const id = useId();
  return (
    <div className="field">
      <Label htmlFor={id} label={label} required={required} />
      <input
        {...input}
        id={id}
        ref={inputRef}
        type={type}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  error,
  required,
  selectRef,
  children,
  ...select
}: Common &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "required"> & {
    selectRef?: Ref<HTMLSelectElement> | undefined;
    children: ReactNode;
  }) {
  const id = useId();
  return (
    <div className="field">
      <Label htmlFor={id} label={label} required={required} />
      <select
        {...select}
        id={id}
        ref={selectRef}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {children}
      </select>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  required,
  textareaRef,
  ...textarea
}: Common &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "required"> & {
    textareaRef?: Ref<HTMLTextAreaElement> | undefined;
  }) {
  const id = useId();
  return (
    <div className="field">
      <Label htmlFor={id} label={label} required={required} />
      <textarea
        rows={3}
        {...textarea}
        id={id}
        ref={textareaRef}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export function CheckboxField({
  label,
  hint,
  error,
  inputRef,
  ...input
}: Omit<Common, "required"> &
  Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type"> & {
    inputRef?: Ref<HTMLInputElement> | undefined;
  }) {
  const id = useId();
  return (
    <div className="field">
      <div className="field-checkbox">
        <input
          {...input}
          id={id}
          ref={inputRef}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
