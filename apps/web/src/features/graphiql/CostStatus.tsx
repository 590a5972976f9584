import { useTranslation } from "react-i18next";
import { costOf, limitRefusal, type LastRun, type LimitRefusal } from "./run.ts";

/** QUERY_TOO_COMPLEX or RATE_LIMITED, explained in plain words with the API's figures. */
export function LimitExplanation({ refusal }: { refusal: LimitRefusal }) {
  const { t } = useTranslation();
  if (refusal.code === "QUERY_TOO_COMPLEX") {
    return (
      <p>
        {refusal.cost !== null && refusal.maxCost !== null
          ? t("graphiql.limits.tooComplex", { cost: refusal.cost, maxCost: refusal.maxCost })
          : t("graphiql.limits.tooComplexNoFigures")}{" "}
        {t("graphiql.limits.tooComplexHelp")}
      </p>
    );
  }
  return (
    <p>
      {refusal.retryAfterSeconds !== null
        ? t("graphiql.limits.rateLimited", { seconds: refusal.retryAfterSeconds })
        : t("graphiql.limits.rateLimitedNoFigures")}{" "}
      {t("graphiql.limits.rateLimitedHelp")}
    </p>
  );
}

/**
 * The cost of the last request as the API reported it (`extensions.cost`): the points it took,
 * the per-request maximum, and what is left of the per-minute budget; or, when the API refused
 * the request for its size or the budget, why, in plain words.
 */
export function CostStatus({ run }: { run: LastRun | null }) {
  const { t } = useTranslation();
  const refusal = limitRefusal(run?.response);
  if (refusal) {
    return (
      <div className="graphiql-page-cost graphiql-page-cost-refused" role="alert">
        <p className="graphiql-page-cost-title">{t(`graphiql.limits.title.${refusal.code}`)}</p>
        <LimitExplanation refusal={refusal} />
      </div>
    );
  }
  const cost = costOf(run?.response);
  return (
    <div className="graphiql-page-cost" role="status" aria-live="polite">
      {cost ? (
        <p>
          <span className="graphiql-page-cost-label">{t("graphiql.cost.label")}</span>{" "}
          <strong data-testid="graphiql-page-cost-requested">
            {t("graphiql.cost.requested", { count: cost.requested })}
          </strong>
          {cost.limit !== null && <> {t("graphiql.cost.limit", { limit: cost.limit })}</>}
          {cost.remaining !== null && cost.budgetPerMinute !== null && (
            <>
              {" · "}
              {t("graphiql.cost.remaining", {
                remaining: cost.remaining,
                budget: cost.budgetPerMinute,
              })}
            </>
          )}
        </p>
      ) : (
        <p className="graphiql-page-cost-none">{t("graphiql.cost.none")}</p>
      )}
    </div>
  );
}
