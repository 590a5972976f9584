import { print, type DocumentNode } from "graphql";
import { ERROR_CODES, type ErrorCode } from "../errors.ts";
import { downloadBlob, filenameFromDisposition } from "./download.ts";

export type ExportFormat = "csv" | "xlsx";

export interface ExportColumn {
  /** Field of a row (dot path into nested objects, e.g. `unit.name`). */
  key: string;
  /** The column's heading in the file, already translated. */
  header: string;
}

/** What a panel exports: its own query, the same variables it shows, and where its rows are. */
export interface ExportSpec {
  document: DocumentNode;
  variables: Record<string, unknown>;
  /** Dot path to the list in the result, e.g. `admissionProgress.rows`. */
  path: string;
  columns: ExportColumn[];
  /** Without extension; the server adds `.csv` / `.xlsx`. */
  filename: string;
  /** Printed in the file's stamp. */
  title: string;
}

/** The JSON body of `POST /export` (see apps/api/src/export/export.ts). */
export interface ExportRequestBody {
  query: string;
  variables: Record<string, unknown>;
  path: string;
  format: ExportFormat;
  columns: ExportColumn[];
  filename: string;
  title: string;
}

export function exportRequestBody(spec: ExportSpec, format: ExportFormat): ExportRequestBody {
  return {
    query: print(spec.document),
    variables: spec.variables,
    path: spec.path,
    format,
    columns: spec.columns,
    filename: spec.filename,
    title: spec.title,
  };
}

/** A failed export, with the code the UI explains (`errors.<code>`) and the server's message. */
export class ExportError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? code);
    this.name = "ExportError";
    this.code = code;
  }
}

function codeFromStatus(status: number): ErrorCode {
  if (status === 401) return "UNAUTHENTICATED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 429) return "RATE_LIMITED";
  if (status === 502 || status === 503 || status === 504) return "SERVICE_UNAVAILABLE";
  if (status >= 500) return "INTERNAL_SERVER_ERROR";
  return "UNKNOWN";
}

async function errorFromResponse(response: Response): Promise<ExportError> {
  let code: unknown;
  let message: string | undefined;
  try {
    const body = (await response.json()) as {
      errors?: { message?: string; extensions?: { code?: unknown } }[];
    };
    code = body.errors?.[0]?.extensions?.code;
    message = body.errors?.[0]?.message;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  const known =
    typeof code === "string" && (ERROR_CODES as readonly string[]).includes(code)
      ? (code as ErrorCode)
      : codeFromStatus(response.status);
  return new ExportError(known, message);
}

/**
 * Asks the server for the file — it runs the query again with the user's rights and stamps the
 * file with the query, scope, as-of date and time — and saves it. Throws an ExportError.
 */
export async function downloadExport(body: ExportRequestBody): Promise<void> {
  let response: Response;
  try {
    response = await fetch("/export", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "text/csv, application/json, */*" },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ExportError("SERVICE_UNAVAILABLE");
  }
  if (!response.ok) throw await errorFromResponse(response);
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    // The server aborts the stream when a later page fails: the file would be incomplete.
    throw new ExportError("INTERNAL_SERVER_ERROR");
  }
  const filename =
    filenameFromDisposition(response.headers.get("content-disposition")) ??
    `${body.filename}.${body.format}`;
  downloadBlob(blob, filename);
}
