import {
  useId,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { FieldMessages } from "../auth/fields.tsx";

export { FieldMessages, TextField } from "../auth/fields.tsx";

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> {
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  textareaRef?: Ref<HTMLTextAreaElement> | undefined;
}

/** A labelled multi-line input with its hint and error, wired for screen readers. */
export function TextAreaField({ label, hint, error, textareaRef, ...rest }: TextAreaFieldProps) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        rows={3}
        {...rest}
        id={id}
        ref={textareaRef}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> {
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  selectRef?: Ref<HTMLSelectElement> | undefined;
  children: ReactNode;
}

export function SelectField({
  label,
  hint,
  error,
  selectRef,
  children,
  ...rest
}: SelectFieldProps) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        {...rest}
        id={id}
        ref={selectRef}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      >
        {children}
      </select>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
