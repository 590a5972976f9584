import { useApolloClient } from "@apollo/client/react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type {
  CommitImportMutation as CommitData,
  ImportKind,
  PreviewImportMutation as PreviewData,
} from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { downloadBlob } from "../../ui/charts/download.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { RequireRole } from "../auth/guards.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { evictDevelopmentFigures } from "../lifecycle/cache.ts";
import { UnitSearchPicker, type PickedUnit } from "../lifecycle/CellPicker.tsx";
import { badInput, describeFailure } from "../lifecycle/errors.ts";
import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, templateCsv } from "./columns.ts";
import { CommitImportMutation, PreviewImportMutation } from "./import.operations.ts";
import { useImportTransport } from "./transport.ts";
import "../lifecycle/development.css";

type Preview = PreviewData["previewImport"];
type Result = CommitData["commitImport"];

/** Where a long request is: reading the file, sending it, then the server at work. */
export type Phase =
  | { step: "reading"; fraction: number }
  | { step: "uploading"; fraction: number; purpose: "preview" | "commit" }
  | { step: "server"; purpose: "preview" | "commit" };

interface LoadedFile {
  name: string;
  size: number;
  base64: string;
}

/** Reads a file as base64, reporting progress (FileReader: the data URL without its prefix). */
export function readAsBase64(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read"));
    reader.onload = () => {
      const url = String(reader.result ?? "");
      onProgress(1);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** `/import`: members or candidates of a unit from a CSV/XLSX file: preview, then import. */
export function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("import.title"));
  return (
    <RequireRole roles={["ADMIN", "STAFF"]}>
      <div className="development import-page">
        <h1>{t("import.title")}</h1>
        <p className="lead">{t("import.intro")}</p>
        <ImportWizard />
      </div>
    </RequireRole>
  );
}

export function ImportWizard() {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const client = useApolloClient();
  const send = useImportTransport();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const own: PickedUnit | null = viewer
    ? { id: viewer.unit.id, name: viewer.unit.name, kind: "CELL", code: "", parentName: null }
    : null;
  const [kind, setKind] = useState<ImportKind>("MEMBERS");
  const [unit, setUnit] = useState<PickedUnit | null>(own);
  const [file, setFile] = useState<File | null>(null);
  const [loaded, setLoaded] = useState<LoadedFile | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [phase, setPhase] = useState<Phase | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const busy = phase !== null;

  const reset = () => {
    setLoaded(null);
    setPreview(null);
    setResult(null);
    setFailure(null);
    setFileError(null);
  };

  const explain = (error: unknown): string => {
    const input = badInput(error);
    if (!input) return describeFailure(t, error);
    if (input.field.endsWith("filename")) return t("import.errors.filename");
    if (/larger than/i.test(input.message)) return t("import.errors.tooLarge");
    if (/could not be read/i.test(input.message)) return t("import.errors.unreadable");
    if (/missing columns/i.test(input.message)) {
      const missing = input.message.replace(/^.*?:\s*/, "").split(/,\s*/);
      return t("import.errors.missingColumns", {
        columns: missing.map((field) => columnLabel(field)).join(", "),
      });
    }
    if (/empty/i.test(input.message)) return t("import.errors.empty");
    return input.message;
  };

  const columnLabel = (field: string): string => {
    const column = IMPORT_COLUMNS[kind].find((c) => c.field === field);
    return column ? column[format.language] : field;
  };

  const runPreview = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    reset();
    if (!unit) return setFailure(t("import.errors.noUnit"));
    if (!file) {
      setFileError(t("import.errors.noFile"));
      fileInput.current?.focus();
      return;
    }
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      setFileError(t("import.errors.filename"));
      fileInput.current?.focus();
      return;
    }
    if (file.size > IMPORT_MAX_BYTES) {
      setFileError(t("import.errors.tooLarge"));
      fileInput.current?.focus();
      return;
    }
    try {
      setPhase({ step: "reading", fraction: 0 });
      const base64 = await readAsBase64(file, (fraction) =>
        setPhase({ step: "reading", fraction }),
      );
      const current = { name: file.name, size: file.size, base64 };
      setPhase({ step: "uploading", fraction: 0, purpose: "preview" });
      const data = await send(
        PreviewImportMutation,
        { input: { unitId: unit.id, kind, filename: current.name, contentBase64: base64 } },
        (fraction) =>
          setPhase(
            fraction >= 1
              ? { step: "server", purpose: "preview" }
              : { step: "uploading", fraction, purpose: "preview" },
          ),
      );
      setLoaded(current);
      setPreview(data.previewImport);
    } catch (error) {
      setFailure(explain(error));
    } finally {
      setPhase(null);
    }
  };

  const runImport = async () => {
    if (busy || !loaded || !unit || !preview) return;
    setFailure(null);
    try {
      setPhase({ step: "uploading", fraction: 0, purpose: "commit" });
      const data = await send(
        CommitImportMutation,
        {
          input: {
            unitId: unit.id,
            kind,
            filename: loaded.name,
            contentBase64: loaded.base64,
          },
        },
        (fraction) =>
          setPhase(
            fraction >= 1
              ? { step: "server", purpose: "commit" }
              : { step: "uploading", fraction, purpose: "commit" },
          ),
      );
      setResult(data.commitImport);
      setPreview(null);
      evictDevelopmentFigures(client.cache);
    } catch (error) {
      setFailure(explain(error));
    } finally {
      setPhase(null);
    }
  };

  const downloadTemplate = () => {
    const csv = templateCsv(kind, format.language);
    downloadBlob(
      new Blob([csv], { type: "text/csv;charset=utf-8" }),
      `${t(`import.templateFile.${kind}`)}.csv`,
    );
  };

  return (
    <>
      <form className="form import-form" noValidate onSubmit={(event) => void runPreview(event)}>
        <fieldset className="fieldset">
          <legend>{t("import.kind")}</legend>
          <div className="choice-list choice-list-inline">
            {(["MEMBERS", "CANDIDATES"] as const).map((value) => (
              <div className="field-checkbox" key={value}>
                <input
                  type="radio"
                  id={`${id}-${value}`}
                  name={`${id}-kind`}
                  checked={kind === value}
                  disabled={busy}
                  onChange={() => {
                    setKind(value);
                    reset();
                  }}
                />
                <label htmlFor={`${id}-${value}`}>{t(`import.kinds.${value}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <UnitSearchPicker
          label={t("import.unit")}
          hint={t("import.unitHint")}
          mode="units"
          required
          value={unit}
          onChange={(picked) => {
            setUnit(picked);
            reset();
          }}
        />
        <details className="disclosure import-columns" open>
          <summary>{t("import.columns.title")}</summary>
          <div className="disclosure-body">
            <p className="hint">{t("import.columns.intro")}</p>
            <div className="table-container">
              <table className="data-table" aria-label={t("import.columns.title")}>
                <thead>
                  <tr>
                    <th scope="col">{t("import.columns.header")}</th>
                    <th scope="col">{t("import.columns.required")}</th>
                    <th scope="col">{t("import.columns.format")}</th>
                  </tr>
                </thead>
                <tbody>
                  {IMPORT_COLUMNS[kind].map((column) => (
                    <tr key={column.field}>
                      <th scope="row" data-label={t("import.columns.header")}>
                        {column[format.language]}
                      </th>
                      <td data-label={t("import.columns.required")}>
                        {column.required ? t("import.columns.yes") : t("import.columns.no")}
                      </td>
                      <td data-label={t("import.columns.format")}>
                        {t(`import.columns.formats.${column.field as "fullName"}`)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p>
              <button type="button" className="button button-secondary" onClick={downloadTemplate}>
                {t("import.template")}
              </button>
            </p>
          </div>
        </details>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t("import.file")}</label>
          <input
            id={`${id}-file`}
            ref={fileInput}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`${id}-file-hint${fileError ? ` ${id}-file-error` : ""}`}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              reset();
            }}
          />
          <p id={`${id}-file-hint`} className="hint">
            {t("import.fileHint")}
          </p>
          {fileError && (
            <p id={`${id}-file-error`} className="field-error">
              {fileError}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={busy}>
            {t("import.preview")}
          </button>
        </div>
      </form>

      <ProgressSteps phase={phase} />
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {preview && loaded && (
        <PreviewView
          preview={preview}
          filename={loaded.name}
          busy={busy}
          columnLabel={columnLabel}
          onImport={() => void runImport()}
        />
      )}
      {result && <ResultView result={result} columnLabel={columnLabel} kind={kind} />}
    </>
  );
}

function ProgressSteps({ phase }: { phase: Phase | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!phase) return null;
  const purpose = phase.step === "reading" ? "preview" : phase.purpose;
  const steps = ["reading", "uploading", "server"] as const;
  const current = steps.indexOf(phase.step);
  const percent =
    phase.step === "server" ? null : Math.round(Math.min(1, Math.max(0, phase.fraction)) * 100);
  const label =
    phase.step === "server"
      ? t(`import.progress.server.${purpose}`)
      : t(`import.progress.${phase.step}`, { percent: format.number(percent ?? 0) });
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <ol className="steps">
        {steps.map((step, index) => (
          <li
            key={step}
            className={
              index < current ? "step-done" : index === current ? "step-current" : undefined
            }
            aria-current={index === current ? "step" : undefined}
          >
            {step === "server" ? t(`import.steps.server.${purpose}`) : t(`import.steps.${step}`)}
          </li>
        ))}
      </ol>
      <label className="progress-label">
        {label}
        {percent === null ? (
          <progress />
        ) : (
          <progress max={100} value={percent}>
            {percent}%
          </progress>
        )}
      </label>
    </div>
  );
}

function IssuesTable({
  issues,
  columnLabel,
  label,
}: {
  issues: readonly { line: number; field: string; message: string }[];
  columnLabel: (field: string) => string;
  label: string;
}) {
  const { t } = useTranslation();
  const columns = {
    line: t("import.issues.line"),
    field: t("import.issues.field"),
    message: t("import.issues.message"),
  };
  return (
    <div className="table-container">
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{columns.line}</th>
            <th scope="col">{columns.field}</th>
            <th scope="col">{columns.message}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, index) => (
            <tr key={`${issue.line}-${issue.field}-${index}`}>
              <th scope="row" data-label={columns.line}>
                {issue.line}
              </th>
              <td data-label={columns.field}>{columnLabel(issue.field)}</td>
              <td data-label={columns.message}>{issue.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PreviewView({
  preview,
  filename,
  busy,
  columnLabel,
  onImport,
}: {
  preview: Preview;
  filename: string;
  busy: boolean;
  columnLabel: (field: string) => string;
  onImport: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const heading = useFocusOnMount();
  return (
    <section className="import-preview" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t("import.previewTitle", { name: filename })}
      </h2>
      <dl className="stats">
        <div>
          <dt>{t("import.totals.total")}</dt>
          <dd>{format.number(preview.totalRows)}</dd>
        </div>
        <div>
          <dt>{t("import.totals.valid")}</dt>
          <dd>{format.number(preview.validRows)}</dd>
        </div>
        <div>
          <dt>{t("import.totals.invalid")}</dt>
          <dd>{format.number(preview.invalidRows)}</dd>
        </div>
      </dl>
      {preview.issues.length > 0 && (
        <>
          <h3>{t("import.issues.title", { count: preview.issues.length })}</h3>
          <IssuesTable
            issues={preview.issues}
            columnLabel={columnLabel}
            label={t("import.issues.title", { count: preview.issues.length })}
          />
        </>
      )}
      {preview.sample.length > 0 && (
        <>
          <h3>{t("import.sample.title", { count: preview.sample.length })}</h3>
          <div className="table-container">
            <table
              className="data-table"
              aria-label={t("import.sample.title", { count: preview.sample.length })}
            >
              <thead>
                <tr>
                  <th scope="col">{t("import.issues.line")}</th>
                  <th scope="col">{t("import.sample.name")}</th>
                  <th scope="col">{t("import.sample.birthDate")}</th>
                  <th scope="col">{t("import.sample.cellCode")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((row) => (
                  <tr key={row.line}>
                    <td data-label={t("import.issues.line")}>{row.line}</td>
                    <th scope="row" data-label={t("import.sample.name")}>
                      {row.fullName}
                    </th>
                    <td data-label={t("import.sample.birthDate")}>{format.date(row.birthDate)}</td>
                    <td data-label={t("import.sample.cellCode")}>{row.cellCode}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="form-actions">
        {preview.validRows > 0 ? (
          <button type="button" className="button" aria-disabled={busy} onClick={onImport}>
            {t("import.commit", { count: preview.validRows })}
          </button>
        ) : (
          <p className="notice">{t("import.nothingValid")}</p>
        )}
      </div>
      {preview.validRows > 0 && <p className="hint">{t("import.commitHint")}</p>}
    </section>
  );
}

function ResultView({
  result,
  columnLabel,
  kind,
}: {
  result: Result;
  columnLabel: (field: string) => string;
  kind: ImportKind;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const heading = useFocusOnMount();
  return (
    <section className="import-result" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t("import.result.title")}
      </h2>
      <p className="notice notice-success" role="status">
        {t(`import.result.imported.${kind}`, { count: result.imported })}{" "}
        {result.skipped > 0 && t("import.result.skipped", { count: result.skipped })}
      </p>
      {result.issues.length > 0 && (
        <IssuesTable
          issues={result.issues}
          columnLabel={columnLabel}
          label={t("import.issues.title", { count: result.issues.length })}
        />
      )}
    </section>
  );
}

/** Brings a result that appears below the form into view, and keyboard focus with it. */
function useFocusOnMount() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
