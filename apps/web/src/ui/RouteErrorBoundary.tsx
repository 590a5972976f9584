import { Component, type ErrorInfo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

interface BoundaryProps {
  children: ReactNode;
  fallback: ReactNode;
}

class Boundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error("A page failed to render", error, info.componentStack);
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * Catches what the data views' own states cannot: a page's code that failed to download (e.g.
 * after a new version was deployed) or a rendering bug. Navigating elsewhere resets it.
 */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const location = useLocation();
  return (
    <Boundary key={location.pathname} fallback={<PageFailed />}>
      {children}
    </Boundary>
  );
}

function PageFailed() {
  const { t } = useTranslation();
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{t("errors.pageTitle")}</p>
      <p>{t("errors.page")}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t("errors.reload")}
      </button>
    </div>
  );
}
