import type { TFunction } from "i18next";
import { useMutation } from "@apollo/client/react";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useSearchParams } from "react-router";
import { errorCode, type ErrorCode } from "../../ui/errors.ts";
import { errorExtensions, inputError, type InputError } from "../../ui/form-errors.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { LoadingState } from "../../ui/QueryState.tsx";
import { SignInMutation } from "./auth.operations.ts";
import { PasswordField, TextField } from "./fields.tsx";
import { homeFor, safeNext } from "./home.ts";
import { describeInputError } from "./input-errors.ts";
import { useSession } from "./ViewerProvider.tsx";

type Problem =
  | { kind: "missing"; field: "username" | "password" }
  | { kind: "field"; field: "username" | "password"; error: InputError }
  | { kind: "invalidCredentials" }
  | { kind: "disabled" }
  | { kind: "rateLimited"; minutes: number }
  | { kind: "other"; code: ErrorCode };

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  useDocumentTitle(t("auth.signIn.title"));

  if (session.state.status === "loading") return <LoadingState label={t("auth.checking")} />;
  // Signed in (just now, or already in another tab): on to where the user was going.
  if (session.viewer) return <Navigate to={next ?? homeFor(session.viewer)} replace />;
  const reason = session.state.status === "signedOut" ? session.state.reason : undefined;
  return <SignInForm reason={reason} />;
}

function SignInForm({ reason }: { reason: "signedOut" | "sessionEnded" | undefined }) {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const headingId = useId();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [signIn, { loading }] = useMutation(SignInMutation);

  const focus = (field: "username" | "password") =>
    (field === "username" ? usernameRef : passwordRef).current?.focus();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    const name = username.trim();
    if (!name || !password) {
      const field = name ? "password" : "username";
      setProblem({ kind: "missing", field });
      focus(field);
      return;
    }
    setProblem(null);
    try {
      const { data } = await signIn({ variables: { username: name, password } });
      if (data) await signedIn(data.signIn);
    } catch (error) {
      const found = explain(error);
      setProblem(found);
      if (found.kind === "invalidCredentials") {
        setPassword("");
        focus("password");
      } else if (found.kind === "field") {
        focus(found.field);
      }
    }
  };

  const fieldError = (field: "username" | "password") => {
    if (problem?.kind === "missing" && problem.field === field)
      return t(`auth.signIn.missing.${field}`);
    if (problem?.kind === "field" && problem.field === field)
      return describeInputError(t, problem.error);
    return null;
  };

  return (
    <section className="sign-in" aria-labelledby={headingId}>
      <h1 id={headingId}>{t("auth.signIn.title")}</h1>
      <p className="lead">{t("auth.signIn.intro")}</p>
      {reason && !problem && (
        <p className={`notice notice-${reason}`} role="status">
          {t(`auth.signIn.${reason}`)}
        </p>
      )}
      {problem && problem.kind !== "missing" && problem.kind !== "field" && (
        <p className="form-error" role="alert">
          {problemText(problem, t)}
        </p>
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          label={t("auth.signIn.username")}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="next"
          value={username}
          error={fieldError("username")}
          inputRef={usernameRef}
          onChange={(event) => setUsername(event.target.value)}
        />
        <PasswordField
          label={t("auth.signIn.password")}
          name="password"
          autoComplete="current-password"
          enterKeyHint="go"
          value={password}
          error={fieldError("password")}
          inputRef={passwordRef}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" className="button button-block" aria-disabled={loading}>
          {loading ? t("auth.signIn.submitting") : t("auth.signIn.submit")}
        </button>
      </form>
    </section>
  );
}

function explain(error: unknown): Problem {
  const code = errorCode(error);
  const extensions = errorExtensions(error);
  if (code === "UNAUTHENTICATED") {
    return extensions?.["reason"] === "ACCOUNT_DISABLED"
      ? { kind: "disabled" }
      : { kind: "invalidCredentials" };
  }
  if (code === "RATE_LIMITED") {
    const seconds = Number(extensions?.["retryAfterSeconds"]);
    return {
      kind: "rateLimited",
      minutes: Number.isFinite(seconds) ? Math.ceil(seconds / 60) : 15,
    };
  }
  const input = inputError(error);
  const field = input?.field;
  if (input && (field === "username" || field === "password")) {
    return { kind: "field", field, error: input };
  }
  return { kind: "other", code };
}

function problemText(problem: Problem, t: TFunction): string {
  switch (problem.kind) {
    case "invalidCredentials":
      return t("auth.signIn.invalidCredentials");
    case "disabled":
      return t("auth.signIn.disabled");
    case "rateLimited":
      return t("auth.signIn.rateLimited", { count: Math.max(1, problem.minutes) });
    case "other":
      return String(t(`errors.${problem.code}`));
    case "missing":
    case "field":
      return "";
  }
}
