/** One field of an audited record, before and after the change. */
export interface DiffRow {
  /** Dotted path of the field: "displayName", "unit.id", "targets[0].target". */
  key: string;
  before: unknown;
  after: unknown;
  /** Present on one side only: added (only after) or removed (only before). */
  status: "changed" | "unchanged" | "added" | "removed";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The leaves of a JSON value by path. Empty objects and arrays are leaves themselves; a value
 * that is not an object (a bare number, say) is one leaf with the empty path.
 */
export function flatten(value: unknown, prefix = ""): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node) && node.length > 0) {
      node.forEach((child, index) => walk(child, `${path}[${index}]`));
    } else if (isPlainObject(node) && Object.keys(node).length > 0) {
      for (const [key, child] of Object.entries(node)) walk(child, path ? `${path}.${key}` : key);
    } else {
      leaves.set(path, node);
    }
  };
  walk(value, prefix);
  return leaves;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A field-by-field comparison of the before and after snapshots of an audit entry, in the
 * order the fields appear (after's first, then fields only before had).
 */
export function diffJson(before: unknown, after: unknown): DiffRow[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  const left = hasBefore ? flatten(before) : new Map<string, unknown>();
  const right = hasAfter ? flatten(after) : new Map<string, unknown>();
  const keys = [...right.keys(), ...[...left.keys()].filter((key) => !right.has(key))];
  return keys.map((key) => {
    const inBefore = left.has(key);
    const inAfter = right.has(key);
    const b = left.get(key);
    const a = right.get(key);
    const status: DiffRow["status"] =
      inBefore && inAfter ? (same(b, a) ? "unchanged" : "changed") : inAfter ? "added" : "removed";
    return { key, before: b, after: a, status };
  });
}
