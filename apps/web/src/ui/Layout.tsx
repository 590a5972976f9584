import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { RequireViewer } from "../features/auth/guards.tsx";
import { Header } from "./Header.tsx";
import { LoadingState } from "./QueryState.tsx";
import { RouteErrorBoundary } from "./RouteErrorBoundary.tsx";

export const MAIN_ID = "main-content";

/** The shell of every page; `open` for the pages that need no session (sign-in). */
export function Layout({ open = false }: { open?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href={`#${MAIN_ID}`}>
        {t("app.skipToContent")}
      </a>
      <Header />
      <main id={MAIN_ID} tabIndex={-1} className="main">
        <RouteErrorBoundary>
          <Suspense fallback={<LoadingState />}>
            {open ? (
              <Outlet />
            ) : (
              <RequireViewer>
                <Outlet />
              </RequireViewer>
            )}
          </Suspense>
        </RouteErrorBoundary>
      </main>
    </>
  );
}
