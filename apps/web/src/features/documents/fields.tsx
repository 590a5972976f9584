import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { FieldMessages } from "../auth/fields.tsx";

interface Common {
  label: string;
  hint?: string | undefined;
  /** Shown under the control, which is then marked invalid and described by it. */
  error?: string | null | undefined;
  /** Extra text under the hint (e.g. the parsed document number), announced politely. */
  status?: ReactNode;
}

function describedBy(id: string, { hint, error, status }: Common): string | undefined {
  return (
    [hint && `${id}-hint`, status && `${id}-status`, error && `${id}-error`]
      .filter(Boolean)
      .join(" ") || undefined
  );
}

function Status({ id, status }: { id: string; status: ReactNode }) {
  return (
    <p id={`${id}-status`} className="field-status" aria-live="polite">
      {status}
    </p>
  );
}

/** A labelled input (text, date, number) with its hint, status and error. */
export function InputField({
  label,
  hint,
  error,
  status,
  inputRef,
  type = "text",
  ...input
}: Common &
  Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
    inputRef?: Ref<HTMLInputElement> | undefined;
  }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        ref={inputRef}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { label, hint, error, status })}
      />
      <FieldMessages id={id} hint={hint} />
      {status && <Status id={id} status={status} />}
      <FieldMessages id={id} error={error} />
    </div>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  inputRef,
  ...area
}: Common &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> & {
    inputRef?: Ref<HTMLTextAreaElement> | undefined;
  }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        rows={4}
        {...area}
        id={id}
        ref={inputRef}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { label, hint, error })}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  error,
  selectRef,
  children,
  ...select
}: Common &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
    selectRef?: Ref<HTMLSelectElement> | undefined;
  }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        {...select}
        id={id}
        ref={selectRef}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { label, hint, error })}
      >
        {children}
      </select>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
