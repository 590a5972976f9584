import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorCode, type ErrorCode } from "./errors.ts";

export interface QueryStateProps<TData> {
  loading: boolean;
  error: unknown;
  data: TData | undefined;
  /** Run the query again (the Retry button). */
  onRetry: () => unknown;
  /** Shown while loading, e.g. "Loading members…". */
  loadingLabel?: string;
  /** When this says the data is empty, `empty` is shown instead of the children. */
  isEmpty?: (data: TData) => boolean;
  empty?: ReactNode;
  /** Replaces the error message when the server says NOT_FOUND (or one of `notFoundCodes`). */
  notFound?: ReactNode;
  notFoundCodes?: readonly ErrorCode[];
  children: (data: TData) => ReactNode;
}

/**
 * The four states of every data view: loading, error (with Retry), empty and data.
 * Data already on screen stays there while it is refreshed.
 */
export function QueryState<TData>(props: QueryStateProps<TData>): ReactNode {
  const { loading, error, data, onRetry, loadingLabel, isEmpty, empty, notFound, children } = props;
  const notFoundCodes = props.notFoundCodes ?? ["NOT_FOUND"];

  if (error && !loading) {
    const code = errorCode(error);
    if (notFound && notFoundCodes.includes(code)) return notFound;
    return <ErrorState code={code} onRetry={onRetry} />;
  }
  if (data === undefined) return <LoadingState label={loadingLabel} />;
  if (isEmpty?.(data)) return <EmptyState>{empty}</EmptyState>;
  return children(data);
}

export function LoadingState({ label }: { label?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-busy="true" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t("common.loading")}</span>
    </div>
  );
}

export function EmptyState({ children }: { children?: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      {children}
    </div>
  );
}

export function ErrorState({ code, onRetry }: { code: ErrorCode; onRetry: () => unknown }) {
  const { t } = useTranslation();
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{t("errors.title")}</p>
      <p>{t(`errors.${code}`)}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          // The hook reports a new failure through its own error state.
          Promise.resolve(onRetry()).catch(() => undefined);
        }}
      >
        {t("common.retry")}
      </button>
    </div>
  );
}
