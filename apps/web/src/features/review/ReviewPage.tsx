import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useParams, useSearchParams } from "react-router";
import { getFragmentData } from "../../gql/index.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { UnitSearchPicker, type PickedUnit } from "../lifecycle/CellPicker.tsx";
import { provinceToday, yearOfIso } from "../lifecycle/dates.ts";
import {
  REVIEWER_ROLES,
  reviewPath,
  reviewYears,
  SUMMARY_ROLES,
  yearParam,
} from "./classification.ts";
import { CommitmentsTable } from "./CommitmentsTable.tsx";
import { ReviewSheetFieldsFragment, ReviewSheetQuery } from "./review.operations.ts";
import { ReviewTable } from "./ReviewTable.tsx";
import "../lifecycle/development.css";

/**
 * `/review/:cellId?year=`: a cell's annual review, its members' classifications and exemplary
 * commitments in two tabs. `/review`: a secretary's own cell; others choose a cell.
 */
export function ReviewPage() {
  const { t } = useTranslation();
  const { cellId } = useParams();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const currentYear = yearOfIso(provinceToday());
  const year = yearParam(params.get("year"), currentYear);
  useDocumentTitle(t("review.title"));
  if (!viewer) return null;
  if (!cellId) {
    if (viewer.role === "SECRETARY")
      return <Navigate to={reviewPath(viewer.unit.id, year)} replace />;
    return <ChooseCell year={year} />;
  }
  return (
    <div className="development">
      <ReviewSheetView
        key={`${cellId}-${year}`}
        cellId={cellId}
        year={year}
        years={reviewYears(currentYear)}
        onYear={(next) => setParams({ year: String(next) })}
      />
    </div>
  );
}

function ChooseCell({ year }: { year: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const viewer = useViewer();
  const [cell, setCell] = useState<PickedUnit | null>(null);
  return (
    <div className="development narrow-page">
      <h1>{t("review.title")}</h1>
      <p className="lead">{t("review.chooseIntro")}</p>
      <UnitSearchPicker
        label={t("review.chooseCell")}
        value={cell}
        onChange={(picked) => {
          setCell(picked);
          void navigate(reviewPath(picked.id, year));
        }}
      />
      {viewer && (SUMMARY_ROLES as readonly string[]).includes(viewer.role) && (
        <p>
          <Link to={`/review/summary?year=${year}`}>{t("review.summaryLink")}</Link>
        </p>
      )}
    </div>
  );
}

function ReviewSheetView({
  cellId,
  year,
  years,
  onYear,
}: {
  cellId: string;
  year: number;
  years: number[];
  onYear: (year: number) => void;
}) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const yearId = useId();
  const tabsId = useId();
  const [tab, setTab] = useState<"reviews" | "commitments">("reviews");
  const { data, loading, error, refetch } = useQuery(ReviewSheetQuery, {
    variables: { cellId, year },
  });
  const editable = viewer !== null && (REVIEWER_ROLES as readonly string[]).includes(viewer.role);
  const tabs = ["reviews", "commitments"] as const;

  return (
    <>
      <p className="back-link">
        {viewer && (SUMMARY_ROLES as readonly string[]).includes(viewer.role) ? (
          <Link to={`/review/summary?year=${year}`}>{t("review.summaryLink")}</Link>
        ) : null}
      </p>
      <h1>{data ? t("review.titleOf", { name: data.orgUnit.name }) : t("review.title")}</h1>
      <div className="filters">
        <div className="field">
          <label htmlFor={yearId}>{t("review.year")}</label>
          <select id={yearId} value={year} onChange={(event) => onYear(Number(event.target.value))}>
            {years.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryState
        loading={loading}
        error={error}
        data={data}
        onRetry={() => refetch()}
        loadingLabel={t("review.loading")}
        notFound={
          <section className="not-found">
            <p>{t("review.notFound")}</p>
          </section>
        }
      >
        {(d) => {
          const sheet = getFragmentData(ReviewSheetFieldsFragment, d.reviewSheet);
          return (
            <>
              <div
                className="tabs"
                role="tablist"
                aria-label={t("review.tabsLabel")}
                onKeyDown={(event) => {
                  if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
                  const next = tab === "reviews" ? "commitments" : "reviews";
                  setTab(next);
                  document.getElementById(`${tabsId}-${next}-tab`)?.focus();
                }}
              >
                {tabs.map((value) => (
                  <button
                    key={value}
                    type="button"
                    role="tab"
                    id={`${tabsId}-${value}-tab`}
                    className="tab"
                    aria-selected={tab === value}
                    aria-controls={`${tabsId}-${value}-panel`}
                    tabIndex={tab === value ? 0 : -1}
                    onClick={() => setTab(value)}
                  >
                    {t(`review.tabs.${value}`)}
                  </button>
                ))}
              </div>
              <div
                role="tabpanel"
                id={`${tabsId}-reviews-panel`}
                aria-labelledby={`${tabsId}-reviews-tab`}
                hidden={tab !== "reviews"}
              >
                <ReviewTable cellId={cellId} year={year} sheet={sheet} editable={editable} />
              </div>
              <div
                role="tabpanel"
                id={`${tabsId}-commitments-panel`}
                aria-labelledby={`${tabsId}-commitments-tab`}
                hidden={tab !== "commitments"}
              >
                <CommitmentsTable cellId={cellId} year={year} sheet={sheet} editable={editable} />
              </div>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
