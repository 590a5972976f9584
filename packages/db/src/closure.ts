import type { RawSql } from "./client.ts";

/**
 * Recomputes the effective-dated closure of the tree from each unit's lifetime and its parent
 * periods. A row (A, D, depth, from, to) says A is D's ancestor at `depth` during [from, to);
 * intervals are intersected along the path, so a move mid-year splits the rows at the move.
 * Full recomputation is cheap at provincial scale (~10k rows) and keeps the invariant simple.
 */
export async function rebuildClosure(sql: RawSql): Promise<void> {
  // One statement per call: inside a Prisma transaction statements are prepared one by one.
  await sql.exec(`DELETE FROM org_unit_closure`);
  await sql.exec(`
    INSERT INTO org_unit_closure (ancestor_id, descendant_id, depth, valid_from, valid_to)
    WITH RECURSIVE walk (ancestor_id, descendant_id, depth, valid_from, valid_to) AS (
      SELECT u.id, u.id, 0, u.valid_from, u.valid_to FROM org_unit u
      UNION ALL
      SELECT p.parent_id, w.descendant_id, w.depth + 1,
             GREATEST(w.valid_from, p.valid_from),
             CASE WHEN w.valid_to IS NULL THEN p.valid_to
                  WHEN p.valid_to IS NULL THEN w.valid_to
                  ELSE LEAST(w.valid_to, p.valid_to) END
      FROM walk w
      JOIN org_unit_period p ON p.unit_id = w.ancestor_id
       AND p.parent_id IS NOT NULL
       AND p.valid_from < COALESCE(w.valid_to, 'infinity'::date)
       AND COALESCE(p.valid_to, 'infinity'::date) > w.valid_from
    )
    SELECT ancestor_id, descendant_id, depth, valid_from, valid_to FROM walk
    WHERE valid_to IS NULL OR valid_to > valid_from
  `);
}
