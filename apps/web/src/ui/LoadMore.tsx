import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorCode, type ErrorCode } from "./errors.ts";

interface LoadMoreProps {
  /** Fetches the next page (Apollo's fetchMore); the cache appends it to the list. */
  onLoadMore: () => Promise<unknown>;
}

/** The "Load more" button of a paged list, with its own loading and error states. */
export function LoadMore({ onLoadMore }: LoadMoreProps) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<ErrorCode | null>(null);

  const load = () => {
    setLoading(true);
    setFailure(null);
    onLoadMore()
      .catch((error: unknown) => setFailure(errorCode(error)))
      .finally(() => setLoading(false));
  };

  return (
    <div className="load-more">
      {failure && (
        <p className="inline-error" role="alert">
          {t(`errors.${failure}`)}
        </p>
      )}
      <button
        type="button"
        className="button button-secondary"
        aria-disabled={loading}
        onClick={() => {
          if (!loading) load();
        }}
      >
        {loading ? t("common.loadingMore") : failure ? t("common.retry") : t("common.loadMore")}
      </button>
    </div>
  );
}
