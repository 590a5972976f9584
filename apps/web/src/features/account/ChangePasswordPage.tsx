import { useMutation } from "@apollo/client/react";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { PASSWORD_MIN, PasswordField } from "../auth/fields.tsx";
import { describeInputError } from "../auth/input-errors.ts";
import { errorCode, type ErrorCode } from "../../ui/errors.ts";
import { inputError, type InputError } from "../../ui/form-errors.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { ChangePasswordMutation } from "./account.operations.ts";

type Field = "currentPassword" | "newPassword" | "confirm";
type Problem =
  | { kind: "client"; field: Field; key: "missingCurrent" | "tooShort" | "mismatch" | "same" }
  | { kind: "server"; field: Field; error: InputError }
  | { kind: "other"; code: ErrorCode };

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const headingId = useId();
  useDocumentTitle(t("account.password.title"));
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  const refs = {
    currentPassword: useRef<HTMLInputElement>(null),
    newPassword: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };
  const [changePassword, { loading }] = useMutation(ChangePasswordMutation);

  const fail = (found: Problem) => {
    setProblem(found);
    if (found.kind !== "other") refs[found.field].current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setDone(false);
    // Checked here first, so that a typo costs no round trip and no failed attempt.
    if (!current) return fail({ kind: "client", field: "currentPassword", key: "missingCurrent" });
    if (next.length < PASSWORD_MIN)
      return fail({ kind: "client", field: "newPassword", key: "tooShort" });
    if (next === current) return fail({ kind: "client", field: "newPassword", key: "same" });
    if (confirm !== next) return fail({ kind: "client", field: "confirm", key: "mismatch" });
    setProblem(null);
    try {
      await changePassword({ variables: { currentPassword: current, newPassword: next } });
      setCurrent("");
      setNext("");
      setConfirm("");
      setDone(true);
    } catch (error) {
      const input = inputError(error);
      const field = input?.field;
      if (input && (field === "currentPassword" || field === "newPassword")) {
        fail({ kind: "server", field, error: input });
      } else {
        fail({ kind: "other", code: errorCode(error) });
      }
    }
  };

  const errorFor = (field: Field) => {
    if (!problem || problem.kind === "other" || problem.field !== field) return null;
    return problem.kind === "client"
      ? t(`account.password.${problem.key}`)
      : describeInputError(t, problem.error);
  };

  return (
    <section className="narrow-page" aria-labelledby={headingId}>
      <h1 id={headingId}>{t("account.password.title")}</h1>
      <p className="lead">{t("account.password.intro")}</p>
      {done && (
        <p className="notice notice-success" role="status">
          {t("account.password.success")}
        </p>
      )}
      {problem?.kind === "other" && (
        <p className="form-error" role="alert">
          {t(`errors.${problem.code}`)}
        </p>
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <PasswordField
          label={t("account.password.current")}
          autoComplete="current-password"
          value={current}
          error={errorFor("currentPassword")}
          inputRef={refs.currentPassword}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <PasswordField
          label={t("account.password.new")}
          hint={t("account.password.newHint")}
          autoComplete="new-password"
          minLength={PASSWORD_MIN}
          value={next}
          error={errorFor("newPassword")}
          inputRef={refs.newPassword}
          onChange={(event) => setNext(event.target.value)}
        />
        <PasswordField
          label={t("account.password.confirm")}
          autoComplete="new-password"
          value={confirm}
          error={errorFor("confirm")}
          inputRef={refs.confirm}
          onChange={(event) => setConfirm(event.target.value)}
        />
        <button type="submit" className="button" aria-disabled={loading}>
          {loading ? t("account.password.submitting") : t("account.password.submit")}
        </button>
      </form>
    </section>
  );
}
