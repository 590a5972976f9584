import type { Role } from "@dangbo/shared";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation } from "react-router";
import { errorCode } from "../../ui/errors.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { ErrorState, LoadingState } from "../../ui/QueryState.tsx";
import { homeFor, signInPath } from "./home.ts";
import { useSession } from "./ViewerProvider.tsx";

/**
 * The app's pages for signed-in users only: while the session is being checked, the shell's
 * loading state; without a session, the sign-in page, which brings the user back here.
 */
export function RequireViewer({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { state, retry } = useSession();
  const location = useLocation();

  switch (state.status) {
    case "loading":
      return <LoadingState label={t("auth.checking")} />;
    case "error":
      return <ErrorState code={errorCode(state.error)} onRetry={retry} />;
    case "signedOut": {
      // Signing out on purpose starts afresh; otherwise come back to where the user was.
      const next = state.reason === "signedOut" ? null : location.pathname + location.search;
      return <Navigate to={signInPath(next)} replace />;
    }
    case "signedIn":
      return children;
  }
}

/** A page for some roles only; the others get an explanation instead (the API refuses them anyway). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { viewer } = useSession();
  if (!viewer) return null;
  if (!roles.includes(viewer.role)) return <Forbidden home={homeFor(viewer)} />;
  return children;
}

function Forbidden({ home }: { home: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t("auth.forbidden.title"));
  return (
    <section className="not-found">
      <h1>{t("auth.forbidden.title")}</h1>
      <p>{t("auth.forbidden.text")}</p>
      <p>
        <Link to={home} className="button">
          {t("auth.forbidden.home")}
        </Link>
      </p>
    </section>
  );
}
