import type { ApolloServer } from "@apollo/server";
import type { Request, Response } from "express";
import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import type { Context } from "../graphql/context.ts";
import { ErrorCode } from "../graphql/errors.ts";
import {
  createSink,
  EXPORT_ROW_LIMIT,
  parseExportRequest,
  rowsAt,
  type ExportStamp,
} from "./export.ts";

const MIME = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

function sendErrors(res: Response, status: number, errors: readonly GraphQLFormattedError[]): void {
  res.status(status).json({ errors });
}

/**
 * POST /export: runs a GraphQL operation as the signed-in user — same authorization, scope and
 * personal-data masking as /graphql — and streams the list at `path` as CSV or XLSX, stamped
 * with the query, the user's scope, the as-of date and the time. With `paginate`, it follows the
 * connection's cursors through every page.
 */
export async function handleExport(
  apollo: ApolloServer<Context>,
  contextFor: (req: Request, res: Response) => Promise<Context>,
  req: Request,
  res: Response,
): Promise<void> {
  let request;
  try {
    request = parseExportRequest(req.body);
  } catch (error) {
    const e = error as GraphQLError;
    return sendErrors(res, 400, [{ message: e.message, extensions: e.extensions }]);
  }
  const ctx = await contextFor(req, res);
  if (!ctx.viewer)
    return sendErrors(res, 401, [
      { message: "Sign in to continue", extensions: { code: ErrorCode.UNAUTHENTICATED } },
    ]);

  const run = async (variables: Record<string, unknown>) => {
    const response = await apollo.executeOperation(
      { query: request.query, variables, operationName: request.operationName },
      { contextValue: ctx },
    );
    if (response.body.kind !== "single")
      throw new GraphQLError("Incremental responses cannot be exported");
    return response.body.singleResult;
  };

  let variables = { ...request.variables };
  let result = await run(variables);
  if (result.errors?.length) return sendErrors(res, 400, result.errors);
  let page;
  try {
    page = rowsAt(result.data, request.path);
  } catch (error) {
    const e = error as GraphQLError;
    return sendErrors(res, 400, [{ message: e.message, extensions: e.extensions }]);
  }

  const unit = await ctx.loaders.committee.unitById.load(ctx.viewer.unitId);
  const stamp: ExportStamp = {
    title: request.title ?? request.operationName ?? request.path,
    query: request.query,
    variables: request.variables ?? {},
    user: `${ctx.viewer.displayName} (${ctx.viewer.username}, ${ctx.viewer.role})`,
    scope: unit ? `${unit.name} (${unit.code})` : String(ctx.viewer.unitId),
    asOf: typeof request.variables?.asOf === "string" ? request.variables.asOf : ctx.today,
    generatedAt: ctx.now.toISOString(),
  };
  const filename = `${request.filename}.${request.format}`;
  res.status(200);
  res.setHeader("content-type", MIME[request.format]);
  res.setHeader(
    "content-disposition",
    `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  );
  res.setHeader("cache-control", "no-store");
  const sink = createSink(request.format, res, stamp, request.columns);

  let written = 0;
  for (;;) {
    const rows = page.rows.slice(0, EXPORT_ROW_LIMIT - written);
    await sink.write(rows);
    written += rows.length;
    const info = page.connection?.pageInfo as
      { hasNextPage?: boolean; endCursor?: string } | undefined;
    if (!request.paginate || !info?.hasNextPage || !info.endCursor || written >= EXPORT_ROW_LIMIT)
      break;
    variables = { ...variables, after: info.endCursor };
    result = await run(variables);
    if (result.errors?.length) {
      // Headers are gone: abort so the client sees a failed download, not a truncated file.
      res.destroy(new Error(String(result.errors[0]!.message)));
      return;
    }
    page = rowsAt(result.data, request.path);
  }
  await sink.end();
  if (!res.writableEnded) res.end();
}
