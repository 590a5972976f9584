import { downloadBlob, filenameFromDisposition } from "../../ui/charts/download.ts";
import { declaresVariable } from "./paths.ts";

export type ExportFormat = "csv" | "xlsx";

/** The JSON body of `POST /export` (apps/api/src/export/export.ts), as GraphiQL sends it. */
export interface GraphiQLExportBody {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
  path: string;
  format: ExportFormat;
  /** Without extension; the server adds `.csv` / `.xlsx`. */
  filename: string;
  /** Printed in the file's stamp. */
  title: string;
  /** Follow `pageInfo.endCursor` through every page (the operation declares `$after`). */
  paginate: boolean;
}

export interface ExportInput {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string | null | undefined;
  path: string;
  format: ExportFormat;
  /** Whether to follow every page; default: when the path is a connection's and the query takes `$after`. */
  paginate?: boolean;
}

/** Whether the export can page through the list: the operation must declare `$after`. */
export function canPaginate(query: string, operationName: string | null | undefined): boolean {
  return declaresVariable(query, operationName, "after");
}

/** A file name from the operation (or the path): `graphiql-AdmissionsByUnitAndYear`. */
export function exportFilename(operationName: string | null | undefined, path: string): string {
  const base = (operationName || path).replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
  return `graphiql-${base || "export"}`;
}

export function exportRequestBody(input: ExportInput): GraphiQLExportBody {
  const connection = /(^|\.)edges(\.|$)/.test(input.path);
  const paginate =
    input.paginate ?? (connection && canPaginate(input.query, input.operationName ?? undefined));
  // `after` is the export's to set, page by page: a value left from paging in GraphiQL would
  // start the file in the middle of the list.
  const variables = paginate
    ? Object.fromEntries(Object.entries(input.variables).filter(([key]) => key !== "after"))
    : input.variables;
  return {
    query: input.query,
    variables,
    ...(input.operationName ? { operationName: input.operationName } : {}),
    path: input.path,
    format: input.format,
    filename: exportFilename(input.operationName, input.path),
    title: `GraphiQL: ${input.operationName || input.path}`,
    paginate,
  };
}

/** A refused export, with the server's `extensions.code` (any code, not only the app's). */
export class GraphiQLExportError extends Error {
  readonly code: string;
  readonly status: number;
  readonly extensions: Record<string, unknown>;
  constructor(
    code: string,
    message: string,
    status: number,
    extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "GraphiQLExportError";
    this.code = code;
    this.status = status;
    this.extensions = extensions;
  }
}

function codeFromStatus(status: number): string {
  if (status === 401) return "UNAUTHENTICATED";
  if (status === 403) return "FORBIDDEN";
  if (status === 429) return "RATE_LIMITED";
  if (status === 502 || status === 503 || status === 504) return "SERVICE_UNAVAILABLE";
  if (status >= 500) return "INTERNAL_SERVER_ERROR";
  return "UNKNOWN";
}

async function errorFromResponse(response: Response): Promise<GraphiQLExportError> {
  try {
    const body = (await response.json()) as {
      errors?: { message?: unknown; extensions?: Record<string, unknown> }[];
    };
    const first = body.errors?.[0];
    const code = first?.extensions?.["code"];
    return new GraphiQLExportError(
      typeof code === "string" ? code : codeFromStatus(response.status),
      typeof first?.message === "string" ? first.message : response.statusText,
      response.status,
      first?.extensions ?? {},
    );
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
    return new GraphiQLExportError(
      codeFromStatus(response.status),
      response.statusText,
      response.status,
    );
  }
}

/**
 * Sends the export to the server — which runs the operation again with the user's rights and
 * streams the rows — and saves the file. Returns the file's name; throws GraphiQLExportError.
 */
export async function downloadExport(
  body: GraphiQLExportBody,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl("/export", {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "content-type": "application/json",
        accept:
          "text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json",
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new GraphiQLExportError("SERVICE_UNAVAILABLE", "The server could not be reached", 0);
  }
  if (!response.ok) throw await errorFromResponse(response);
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    // The server aborts the stream when a later page fails: the file would be incomplete.
    throw new GraphiQLExportError(
      "INCOMPLETE",
      "The export stopped before the end",
      response.status,
    );
  }
  const filename =
    filenameFromDisposition(response.headers.get("content-disposition")) ??
    `${body.filename}.${body.format}`;
  downloadBlob(blob, filename);
  return filename;
}
