import type { Writable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import { badInput } from "../graphql/errors.ts";

/** What a client asks to export: a GraphQL operation, where its rows are, and how to label them. */
export interface ExportRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  /** Dot path to the list in `data`, e.g. `admissionProgress.rows` or `members.edges.node`. */
  path: string;
  columns?: { key: string; header: string }[];
  format: "csv" | "xlsx";
  filename?: string;
  title?: string;
  /** Follow `pageInfo.endCursor` through every page of a connection (the query must take `$after`). */
  paginate?: boolean;
}

export interface ExportStamp {
  title: string;
  query: string;
  variables: Record<string, unknown>;
  user: string;
  scope: string;
  asOf: string;
  generatedAt: string;
}

export const EXPORT_ROW_LIMIT = 200_000;

/** Checks the shape of an export request; bad input gets a clear BAD_USER_INPUT. */
export function parseExportRequest(body: unknown): ExportRequest {
  if (!body || typeof body !== "object") throw badInput("body", "Send a JSON object");
  const b = body as Record<string, unknown>;
  if (typeof b.query !== "string" || b.query.length === 0 || b.query.length > 20_000)
    throw badInput("query", "query must be a GraphQL document");
  if (
    b.variables !== undefined &&
    (typeof b.variables !== "object" || b.variables === null || Array.isArray(b.variables))
  )
    throw badInput("variables", "variables must be an object");
  if (
    typeof b.path !== "string" ||
    !/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(b.path)
  )
    throw badInput("path", "path must be a dot path such as members.edges.node");
  if (b.format !== "csv" && b.format !== "xlsx")
    throw badInput("format", "format must be csv or xlsx");
  let columns: ExportRequest["columns"];
  if (b.columns !== undefined) {
    if (!Array.isArray(b.columns) || b.columns.length === 0 || b.columns.length > 200)
      throw badInput("columns", "columns must be a list of { key, header }");
    columns = b.columns.map((c, i) => {
      const col = c as Record<string, unknown>;
      if (
        typeof col?.key !== "string" ||
        typeof col?.header !== "string" ||
        col.header.length > 200
      )
        throw badInput(`columns.${i}`, "each column needs a key and a header");
      return { key: col.key, header: col.header };
    });
  }
  const filename = typeof b.filename === "string" ? b.filename : "dangbo-export";
  return {
    query: b.query,
    variables: (b.variables as Record<string, unknown> | undefined) ?? {},
    operationName: typeof b.operationName === "string" ? b.operationName : undefined,
    path: b.path,
    columns,
    format: b.format,
    filename: filename.replace(/[^\p{L}\p{N}._ -]+/gu, "-").slice(0, 100) || "dangbo-export",
    title: typeof b.title === "string" ? b.title.slice(0, 200) : undefined,
    paginate: b.paginate === true,
  };
}

/** The rows at `path`; `edges.node` style paths map over list elements. */
export function rowsAt(
  data: unknown,
  path: string,
): { rows: Record<string, unknown>[]; connection: Record<string, unknown> | null } {
  const parts = path.split(".");
  let current: unknown = data;
  let connection: Record<string, unknown> | null = null;
  for (const [i, part] of parts.entries()) {
    if (Array.isArray(current)) {
      current = current.map((item) => (item as Record<string, unknown> | null)?.[part]);
      continue;
    }
    if (current === null || typeof current !== "object")
      throw badInput("path", `Nothing at ${parts.slice(0, i + 1).join(".")}`);
    if (part === "edges" && "pageInfo" in (current as object))
      connection = current as Record<string, unknown>;
    current = (current as Record<string, unknown>)[part];
  }
  if (!Array.isArray(current)) throw badInput("path", `${path} is not a list`);
  return {
    rows: current.map((row) =>
      row && typeof row === "object" ? (row as Record<string, unknown>) : { value: row },
    ),
    connection,
  };
}

/** Flattens nested objects to dot keys (`unit.name`); lists become `a; b; c`. */
export function flatten(
  row: Record<string, unknown>,
  prefix = "",
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  for (const [key, value] of Object.entries(row)) {
    if (key === "__typename") continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value))
      out[name] = value
        .map((v) => (v && typeof v === "object" ? JSON.stringify(v) : String(v)))
        .join("; ");
    else if (value && typeof value === "object" && !(value instanceof Date))
      flatten(value as Record<string, unknown>, name, out);
    else out[name] = value;
  }
  return out;
}

export function stampLines(stamp: ExportStamp): [string, string][] {
  return [
    ["Dangbo", stamp.title],
    ["Truy vấn / Query", stamp.query.replace(/\s+/g, " ").trim()],
    ["Biến / Variables", JSON.stringify(stamp.variables)],
    ["Người xuất / Exported by", stamp.user],
    ["Phạm vi / Scope", stamp.scope],
    ["Tính đến ngày / As of", stamp.asOf],
    ["Thời điểm xuất / Generated at", stamp.generatedAt],
  ];
}

export interface RowSink {
  write(rows: Record<string, unknown>[]): Promise<void>;
  end(): Promise<void>;
}

function cell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * A streaming writer: the stamp, then the header row (from `columns`, or the keys of the first
 * rows), then rows as they come. CSV starts with a UTF-8 BOM so that Excel shows Vietnamese.
 */
export function createSink(
  format: "csv" | "xlsx",
  out: Writable,
  stamp: ExportStamp,
  requested?: ExportRequest["columns"],
): RowSink {
  let columns = requested ?? null;
  if (format === "csv") {
    out.write("\uFEFF");
    const csv = stringify({ quoted_match: /[",\n;]/ });
    csv.pipe(out);
    for (const [k, v] of stampLines(stamp)) csv.write([k, v]);
    csv.write([]);
    let headerWritten = false;
    const writeHeader = () => {
      if (headerWritten || !columns) return;
      csv.write(columns.map((c) => c.header));
      headerWritten = true;
    };
    writeHeader();
    return {
      async write(rows) {
        for (const raw of rows) {
          const row = flatten(raw);
          columns ??= Object.keys(row).map((key) => ({ key, header: key }));
          writeHeader();
          if (!csv.write(columns.map((c) => cell(row[c.key]) ?? "")))
            await new Promise((r) => csv.once("drain", r));
        }
      },
      async end() {
        await new Promise<void>((resolve) => {
          out.once("finish", () => resolve());
          csv.end();
        });
      },
    };
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "Dangbo";
  const sheet = workbook.addWorksheet("Dữ liệu");
  let headerWritten = false;
  const writeHeader = () => {
    if (headerWritten || !columns) return;
    sheet.columns = columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: Math.min(60, Math.max(10, c.header.length + 2)),
    }));
    sheet.getRow(1).font = { bold: true };
    headerWritten = true;
  };
  writeHeader();
  return {
    async write(rows) {
      for (const raw of rows) {
        const row = flatten(raw);
        if (!columns) columns = Object.keys(row).map((key) => ({ key, header: key }));
        writeHeader();
        sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, cell(row[c.key])]))).commit();
      }
    },
    async end() {
      sheet.commit();
      const about = workbook.addWorksheet("Thông tin");
      for (const line of stampLines(stamp)) about.addRow(line).commit();
      about.getColumn(1).width = 30;
      about.getColumn(2).width = 100;
      about.commit();
      await workbook.commit();
    },
  };
}
