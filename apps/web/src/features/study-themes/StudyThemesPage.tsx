import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ChartFigure } from "../../ui/charts/ChartFigure.tsx";
import { ChartPanel } from "../../ui/charts/ChartPanel.tsx";
import { CHART_COLORS } from "../../ui/charts/colors.ts";
import type { ExportSpec } from "../../ui/charts/exportFile.ts";
import { useChartFormat } from "../../ui/charts/format.ts";
import { CategoryBarChart, ChartSuspense } from "../../ui/charts/lazy.tsx";
import { errorCode } from "../../ui/errors.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { EmptyState, QueryState } from "../../ui/QueryState.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { isWriter, provinceToday } from "../documents/access.ts";
import { DocumentPicker, type PickedDocument } from "../documents/DocumentPicker.tsx";
import { documentPath } from "../documents/DocumentsPage.tsx";
import { OwnUnitQuery } from "../documents/documents.operations.ts";
import { badInput, evictDocumentFigures } from "../documents/errors.ts";
import { InputField, SelectField, TextAreaField } from "../documents/fields.tsx";
import {
  SetStudyThemeMutation,
  StudyThemeCoverageQuery,
  StudyThemesQuery,
} from "./studyThemes.operations.ts";
import "../documents/documents.css";

function years(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return Array.from({ length: 10 }, (_, i) => year + 1 - i);
}

/**
 * `/study-themes?year=&unit=`: the annual study themes (set by provincial staff), and how many
 * cells of a subtree held a thematic meeting on the year's theme.
 */
export function StudyThemesPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t("studyThemes.title"));
  const today = provinceToday();
  const offered = years(today);
  const thisYear = Number(today.slice(0, 4));
  const yearParam = Number(params.get("year"));
  const year = offered.includes(yearParam) ? yearParam : thisYear;
  const unitId = params.get("unit") ?? viewer?.unit.id;
  // The API lets only staff of the provincial committee set the theme.
  const own = useQuery(OwnUnitQuery, {
    variables: { id: viewer?.unit.id ?? "" },
    skip: !viewer || !isWriter(viewer.role),
  });
  const mayEdit = isWriter(viewer?.role) && own.data?.orgUnit.kind === "PROVINCIAL_COMMITTEE";

  return (
    <div className="documents-page study-themes-page">
      <header className="page-header">
        <h1>{t("studyThemes.title")}</h1>
        <p className="lead">{t("studyThemes.intro")}</p>
      </header>
      <ThemeList />
      {mayEdit && <ThemeForm years={offered} initialYear={year} />}
      {unitId && (
        <Coverage
          unitId={unitId}
          year={year}
          years={offered}
          onYear={(value) =>
            setParams(
              (current) => {
                const next = new URLSearchParams(current);
                next.set("year", String(value));
                return next;
              },
              { replace: true },
            )
          }
        />
      )}
    </div>
  );
}

function ThemeList() {
  const { t } = useTranslation();
  const headingId = useId();
  const query = useQuery(StudyThemesQuery);
  const columns = {
    year: t("studyThemes.list.columns.year"),
    title: t("studyThemes.list.columns.title"),
    description: t("studyThemes.list.columns.description"),
    document: t("studyThemes.list.columns.document"),
  };
  return (
    <section className="document-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("studyThemes.list.title")}</h2>
      <QueryState
        loading={query.loading}
        error={query.error}
        data={query.data}
        onRetry={() => query.refetch()}
        loadingLabel={t("studyThemes.list.loading")}
        isEmpty={(d) => d.studyThemes.length === 0}
        empty={t("studyThemes.list.empty")}
      >
        {({ studyThemes }) => (
          <div className="table-container">
            <table className="data-table" aria-label={t("studyThemes.list.tableLabel")}>
              <thead>
                <tr>
                  <th scope="col">{columns.year}</th>
                  <th scope="col">{columns.title}</th>
                  <th scope="col">{columns.description}</th>
                  <th scope="col">{columns.document}</th>
                </tr>
              </thead>
              <tbody>
                {studyThemes.map((theme) => (
                  <tr key={theme.id}>
                    <td data-label={columns.year}>{theme.year}</td>
                    <th scope="row" data-label={columns.title}>
                      {theme.title}
                    </th>
                    <td data-label={columns.description}>{theme.description ?? ""}</td>
                    <td data-label={columns.document}>
                      {theme.document && (
                        <Link to={documentPath(theme.document.id)}>{theme.document.number}</Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}

export function ThemeForm({
  years: offered,
  initialYear,
}: {
  years: readonly number[];
  initialYear: number;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const themes = useQuery(StudyThemesQuery);
  const [year, setYear] = useState(initialYear);
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [documents, setDocuments] = useState<PickedDocument[]>([]);
  const [errors, setErrors] = useState<{ title?: string; year?: string; documentId?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [save, saving] = useMutation(SetStudyThemeMutation, {
    update: (cache) => evictDocumentFigures(cache),
  });
  const existing = themes.data?.studyThemes.find((theme) => theme.year === year);

  // A year that already has a theme opens with it, to be corrected rather than retyped.
  const [loadedYear, setLoadedYear] = useState<number | null>(null);
  useEffect(() => {
    if (!themes.data || loadedYear === year) return;
    setLoadedYear(year);
    setTitle(existing?.title ?? "");
    setDescription(existing?.description ?? "");
    setDocuments(existing?.document ? [existing.document] : []);
  }, [themes.data, existing, year, loadedYear]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving.loading) return;
    setFailure(null);
    setSaved(null);
    if (!title.trim()) {
      setErrors({ title: t("studyThemes.form.missingTitle") });
      return;
    }
    setErrors({});
    try {
      await save({
        variables: {
          year,
          title: title.trim(),
          ...(description.trim() ? { description: description.trim() } : {}),
          ...(documents[0] ? { documentId: documents[0].id } : {}),
        },
      });
      setSaved(year);
    } catch (error) {
      const bad = badInput(error);
      if (bad && (bad.field === "title" || bad.field === "year" || bad.field === "documentId"))
        setErrors({ [bad.field]: bad.message });
      else if (bad) setFailure(bad.message);
      else {
        const code = errorCode(error);
        setFailure(code === "FORBIDDEN" ? t("studyThemes.form.forbidden") : t(`errors.${code}`));
      }
    }
  };

  return (
    <section className="document-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("studyThemes.form.title")}</h2>
      <p className="hint">{t("studyThemes.form.intro")}</p>
      {saved !== null && (
        <p className="notice notice-success" role="status">
          {t("studyThemes.form.saved", { year: saved })}
        </p>
      )}
      {(failure || Object.keys(errors).length > 0) && (
        <p className="form-error" role="alert">
          {failure ?? t("studyThemes.form.notSaved")}
        </p>
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <SelectField
          label={t("studyThemes.form.year")}
          value={year}
          error={errors.year}
          onChange={(event) => setYear(Number(event.target.value))}
        >
          {offered.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </SelectField>
        {existing && (
          <p className="field-note">
            {t("studyThemes.form.replaces", { year, title: existing.title })}
          </p>
        )}
        <InputField
          label={t("studyThemes.form.themeTitle")}
          hint={t("studyThemes.form.themeTitleHint")}
          required
          value={title}
          error={errors.title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <TextAreaField
          label={t("studyThemes.form.description")}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
        <DocumentPicker
          label={t("studyThemes.form.document")}
          hint={t("studyThemes.form.documentHint")}
          single
          value={documents}
          onChange={setDocuments}
          error={errors.documentId}
        />
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={saving.loading}>
            {saving.loading ? t("studyThemes.form.submitting") : t("studyThemes.form.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

function Coverage({
  unitId,
  year,
  years: offered,
  onYear,
}: {
  unitId: string;
  year: number;
  years: readonly number[];
  onYear: (year: number) => void;
}) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const headingId = useId();
  const query = useQuery(StudyThemeCoverageQuery, { variables: { unitId, year } });
  const columns = {
    unit: t("studyThemes.coverage.columns.unit"),
    cells: t("studyThemes.coverage.columns.cells"),
    cellsCovered: t("studyThemes.coverage.columns.cellsCovered"),
    percent: t("studyThemes.coverage.columns.percent"),
    meetings: t("studyThemes.coverage.columns.meetings"),
  };

  return (
    <section className="document-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("studyThemes.coverage.title")}</h2>
      <p className="hint">{t("studyThemes.coverage.intro")}</p>
      <div className="filters">
        <SelectField
          label={t("studyThemes.coverage.year")}
          value={year}
          onChange={(event) => onYear(Number(event.target.value))}
        >
          {offered.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryState
        loading={query.loading}
        error={query.error}
        data={query.data}
        onRetry={() => query.refetch()}
        loadingLabel={t("studyThemes.coverage.loading")}
      >
        {({ studyThemeCoverage: coverage }) => {
          const title = t("studyThemes.coverage.title");
          const exportSpec: ExportSpec = {
            document: StudyThemeCoverageQuery,
            variables: { unitId, year },
            path: "studyThemeCoverage.rows",
            columns: [
              { key: "name", header: columns.unit },
              { key: "cells", header: columns.cells },
              { key: "cellsCovered", header: columns.cellsCovered },
              { key: "percent", header: columns.percent },
              { key: "meetings", header: columns.meetings },
            ],
            filename: `${t("studyThemes.coverage.filename")}-${year}`,
            title: `${title} – ${coverage.total.name} – ${year}`,
          };
          return (
            <>
              <p className="lead" aria-live="polite">
                {coverage.theme
                  ? t("studyThemes.coverage.theme", { year, title: coverage.theme.title })
                  : t("studyThemes.coverage.noTheme", { year })}
              </p>
              {coverage.theme && (
                <p className="coverage-headline">
                  <strong>
                    {t("studyThemes.coverage.headline", {
                      covered: format.number(coverage.total.cellsCovered),
                      cells: format.number(coverage.total.cells),
                      percent: format.percent(coverage.total.percent),
                    })}
                  </strong>
                </p>
              )}
              <ChartPanel
                id="study-theme-coverage"
                title={t("studyThemes.coverage.total", { name: coverage.total.name })}
                exportSpec={exportSpec}
                png={{ filename: exportSpec.filename, subtitle: String(year), legend: [] }}
              >
                {(view) =>
                  coverage.rows.length === 0 ? (
                    <EmptyState>{t("studyThemes.coverage.empty")}</EmptyState>
                  ) : view === "chart" ? (
                    <ChartSuspense>
                      <ChartFigure
                        summary={t("studyThemes.coverage.summary", { count: coverage.rows.length })}
                      >
                        <CategoryBarChart
                          layout="horizontal"
                          data={coverage.rows.map((row) => ({
                            id: row.unitId,
                            name: row.name,
                            values: { percent: row.percent ?? 0 },
                            labels: { percent: format.percent(row.percent) },
                          }))}
                          series={[
                            {
                              key: "percent",
                              name: columns.percent,
                              color: CHART_COLORS.primary,
                            },
                          ]}
                          formatValue={(value) => format.percent(value)}
                        />
                      </ChartFigure>
                    </ChartSuspense>
                  ) : (
                    <div className="table-container">
                      <table className="data-table" aria-label={title}>
                        <thead>
                          <tr>
                            <th scope="col">{columns.unit}</th>
                            <th scope="col" className="numeric">
                              {columns.cells}
                            </th>
                            <th scope="col" className="numeric">
                              {columns.cellsCovered}
                            </th>
                            <th scope="col" className="numeric">
                              {columns.percent}
                            </th>
                            <th scope="col" className="numeric">
                              {columns.meetings}
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {coverage.rows.map((row) => (
                            <tr key={row.unitId}>
                              <th scope="row">{row.name}</th>
                              <td className="numeric">{format.number(row.cells)}</td>
                              <td className="numeric">{format.number(row.cellsCovered)}</td>
                              <td className="numeric">{format.percent(row.percent)}</td>
                              <td className="numeric">{format.number(row.meetings)}</td>
                            </tr>
                          ))}
                        </tbody>
                        <tfoot>
                          <tr>
                            <th scope="row">
                              {t("studyThemes.coverage.total", { name: coverage.total.name })}
                            </th>
                            <td className="numeric">{format.number(coverage.total.cells)}</td>
                            <td className="numeric">
                              {format.number(coverage.total.cellsCovered)}
                            </td>
                            <td className="numeric">{format.percent(coverage.total.percent)}</td>
                            <td className="numeric">{format.number(coverage.total.meetings)}</td>
                          </tr>
                        </tfoot>
                      </table>
                    </div>
                  )
                }
              </ChartPanel>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
