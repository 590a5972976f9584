import { Kind, parse, type OperationDefinitionNode } from "graphql";

/** A list in a GraphQL result that POST /export can write as rows. */
export interface ListPath {
  /** Dot path into `data`, as POST /export takes it: `stats.rows`, `members.edges.node`. */
  path: string;
  /** Rows in the result (of the page shown, for a connection). */
  rows: number;
  /** A Relay connection (`edges` of nodes): the export can follow its cursors. */
  connection: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Every list of objects in `data`, in the order of the result (which is the order of the
 * query), for the export's "which rows?" choice. A connection's `edges` is offered as
 * `….edges.node`, so that the rows are the nodes. Lists inside lists are not offered: the
 * export maps a path over one list, it does not flatten lists of lists. Lists of scalars
 * (`keys`, `monthly`) stay columns of their rows.
 */
export function listPaths(data: unknown): ListPath[] {
  const found: ListPath[] = [];
  const walk = (value: Record<string, unknown>, prefix: string) => {
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith("__")) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      if (Array.isArray(child)) {
        const objects = child.filter(isRecord);
        if (child.length > 0 && objects.length === 0) continue;
        const edges =
          key === "edges" && objects.length > 0 && objects.every((edge) => "node" in edge);
        found.push({
          path: edges ? `${path}.node` : path,
          rows: child.length,
          connection: edges,
        });
      } else if (isRecord(child)) {
        walk(child, path);
      }
    }
  };
  if (isRecord(data)) walk(data, "");
  return found;
}

/**
 * The list an analyst most likely wants: the first connection (a list query), else the first
 * list that has rows, else the first list.
 */
export function preferredPath(paths: readonly ListPath[]): string | undefined {
  return (
    paths.find((p) => p.connection && p.rows > 0)?.path ??
    paths.find((p) => p.rows > 0)?.path ??
    paths[0]?.path
  );
}

/** The same syntax POST /export checks (apps/api/src/export/export.ts). */
export function isValidPath(path: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(path);
}

/**
 * The operation that runs: the one named `operationName`, or the only one. Undefined when the
 * document does not parse or the choice is ambiguous.
 */
export function selectedOperation(
  query: string,
  operationName?: string | null,
): OperationDefinitionNode | undefined {
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(query).definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
  } catch {
    return undefined;
  }
  if (operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/** Whether the operation declares `$name` (the export pages through `$after`). */
export function declaresVariable(
  query: string,
  operationName: string | null | undefined,
  name: string,
): boolean {
  const operation = selectedOperation(query, operationName);
  return Boolean(operation?.variableDefinitions?.some((v) => v.variable.name.value === name));
}

/** Names of the document's operations, in order (GraphiQL asks which one to run when several). */
export function operationNames(query: string): string[] {
  try {
    return parse(query)
      .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
      .flatMap((o) => (o.name ? [o.name.value] : []));
  } catch {
    return [];
  }
}
