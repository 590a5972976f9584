import { tryParseJSONC, useGraphiQL } from "@graphiql/react";
import type { TFunction } from "i18next";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ERROR_CODES } from "../../ui/errors.ts";
import { LimitExplanation } from "./CostStatus.tsx";
import {
  downloadExport,
  exportRequestBody,
  GraphiQLExportError,
  canPaginate as queryCanPaginate,
  type ExportFormat,
  type GraphiQLExportBody,
} from "./exportRequest.ts";
import { isValidPath, listPaths, preferredPath } from "./paths.ts";
import { limitRefusal, useLastRun, type LastRun } from "./run.ts";

/** The editors' contents when the user asks for the file. */
export interface CurrentOperation {
  query: string;
  /** The variables editor's text (JSON, comments allowed). */
  variables: string;
  operationName: string | null;
}

type Status =
  | { kind: "idle" }
  | { kind: "working"; format: ExportFormat }
  | { kind: "done"; file: string }
  | { kind: "failed"; error: GraphiQLExportError };

const isConnectionPath = (path: string) => /(^|\.)edges(\.|$)/.test(path);

export interface ExportFormProps {
  /** The last result, whose lists are offered. */
  lastRun: LastRun | null;
  /** Reads the editors at the moment of the export. */
  current: () => CurrentOperation;
  download?: (body: GraphiQLExportBody) => Promise<string>;
}

/**
 * Export of the query being edited: the server runs it again (with the variables) as the
 * signed-in user and streams the chosen list as CSV or XLSX. The lists of the last result are
 * offered; any dot path can be typed. With `$after` declared, every page of a connection is
 * fetched.
 */
export function ExportForm({ lastRun, current, download = downloadExport }: ExportFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const paths = listPaths(lastRun?.response?.data);
  const [path, setPath] = useState(() => preferredPath(paths) ?? "");
  const [seenRun, setSeenRun] = useState(lastRun);
  const [paginateChoice, setPaginateChoice] = useState<boolean | null>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  // A new result: offer its lists, keeping the path typed or chosen if the result still has it.
  if (seenRun !== lastRun) {
    setSeenRun(lastRun);
    if (!paths.some((p) => p.path === path)) setPath(preferredPath(paths) ?? path);
  }

  const operation = current();
  const pageable = queryCanPaginate(operation.query, operation.operationName);
  const paginate = pageable && (paginateChoice ?? isConnectionPath(path));

  const run = async (format: ExportFormat) => {
    const { query, variables: variablesText, operationName } = current();
    const fail = (code: string, message = "") =>
      setStatus({ kind: "failed", error: new GraphiQLExportError(code, message, 0) });
    if (!query.trim()) return fail("EMPTY_QUERY");
    if (!isValidPath(path)) return fail("INVALID_PATH");
    let variables: Record<string, unknown>;
    try {
      variables = tryParseJSONC(variablesText) ?? {};
    } catch (error) {
      return fail("INVALID_VARIABLES", error instanceof Error ? error.message : "");
    }
    setStatus({ kind: "working", format });
    try {
      const file = await download(
        exportRequestBody({ query, variables, operationName, path, format, paginate }),
      );
      setStatus({ kind: "done", file });
    } catch (error) {
      setStatus({
        kind: "failed",
        error:
          error instanceof GraphiQLExportError
            ? error
            : new GraphiQLExportError("UNKNOWN", String(error), 0),
      });
    }
  };

  const working = status.kind === "working";
  return (
    <form
      className="dangbo-graphiql-export"
      aria-describedby={`${id}-intro`}
      onSubmit={(event) => event.preventDefault()}
    >
      <p id={`${id}-intro`}>{t("graphiql.export.intro")}</p>

      <label htmlFor={`${id}-path`}>{t("graphiql.export.path")}</label>
      <input
        id={`${id}-path`}
        className="dangbo-graphiql-input"
        value={path}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={`${id}-path-hint`}
        onChange={(event) => setPath(event.target.value.trim())}
      />
      <p id={`${id}-path-hint`} className="dangbo-graphiql-hint">
        {t("graphiql.export.pathHint")}
      </p>

      {paths.length > 0 ? (
        <fieldset className="dangbo-graphiql-paths">
          <legend>{t("graphiql.export.fromResult")}</legend>
          {paths.map((p) => (
            <label key={p.path}>
              <input
                type="radio"
                name={`${id}-paths`}
                value={p.path}
                checked={path === p.path}
                onChange={() => setPath(p.path)}
              />
              <code>{p.path}</code>{" "}
              <span className="dangbo-graphiql-hint">
                {t("graphiql.export.rows", { count: p.rows })}
              </span>
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="dangbo-graphiql-hint">
          {lastRun?.response?.data ? t("graphiql.export.noLists") : t("graphiql.export.noResult")}
        </p>
      )}

      <label className="dangbo-graphiql-check">
        <input
          type="checkbox"
          checked={paginate}
          disabled={!pageable}
          onChange={(event) => setPaginateChoice(event.target.checked)}
        />
        {t("graphiql.export.paginate")}
      </label>
      {!pageable && <p className="dangbo-graphiql-hint">{t("graphiql.export.noAfter")}</p>}

      <div className="dangbo-graphiql-actions">
        <button
          type="button"
          className="graphiql-button"
          disabled={working}
          onClick={() => void run("csv")}
        >
          {t("graphiql.export.csv")}
        </button>
        <button
          type="button"
          className="graphiql-button"
          disabled={working}
          onClick={() => void run("xlsx")}
        >
          {t("graphiql.export.xlsx")}
        </button>
      </div>

      <div aria-live="polite">
        {status.kind === "working" && <p role="status">{t("graphiql.export.working")}</p>}
        {status.kind === "done" && (
          <p role="status">{t("graphiql.export.done", { file: status.file })}</p>
        )}
      </div>
      {status.kind === "failed" && <ExportFailure error={status.error} />}
    </form>
  );
}

/** What went wrong, in plain words, with the server's own message beneath. */
export function describeExportError(t: TFunction, error: GraphiQLExportError): string {
  switch (error.code) {
    case "EMPTY_QUERY":
      return t("graphiql.export.emptyQuery");
    case "INVALID_PATH":
      return t("graphiql.export.invalidPath");
    case "INVALID_VARIABLES":
      return t("graphiql.export.invalidVariables");
    case "INCOMPLETE":
      return t("graphiql.export.incomplete");
  }
  if ((ERROR_CODES as readonly string[]).includes(error.code))
    return t(`errors.${error.code as (typeof ERROR_CODES)[number]}`);
  return t("graphiql.export.failedUnknown");
}

function ExportFailure({ error }: { error: GraphiQLExportError }) {
  const { t } = useTranslation();
  const refusal = limitRefusal({
    errors: [{ message: error.message, extensions: error.extensions }],
  });
  return (
    <div role="alert" className="dangbo-graphiql-error">
      <p>
        <strong>{t("graphiql.export.failed")}</strong>
      </p>
      {refusal ? <LimitExplanation refusal={refusal} /> : <p>{describeExportError(t, error)}</p>}
      {error.message && error.status !== 0 && (
        <p className="dangbo-graphiql-hint">
          {t("graphiql.export.serverSaid")} <code>{error.message}</code>
        </p>
      )}
    </div>
  );
}

/** The export panel of GraphiQL's sidebar, reading the editors and the last result. */
export function ExportPanel() {
  const { t } = useTranslation();
  const lastRun = useLastRun();
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const operationName = useGraphiQL((state) => state.operationName ?? null);
  // Re-render as the query is edited (whether it declares $after).
  useGraphiQL((state) => state.documentAST);
  return (
    <section className="dangbo-graphiql-panel" aria-labelledby="dangbo-graphiql-export-title">
      <h2 className="graphiql-doc-explorer-title" id="dangbo-graphiql-export-title">
        {t("graphiql.export.title")}
      </h2>
      <ExportForm
        lastRun={lastRun}
        current={() => ({
          query: queryEditor?.getValue() ?? "",
          variables: variableEditor?.getValue() ?? "",
          operationName,
        })}
      />
    </section>
  );
}
