import type { RawSql } from "./client.ts";

/**
 * The channel on which every committed write names the tables it changed: a statement trigger
 * on every table (migration 20261123220000_change_notifications) sends the table's name.
 */
export const CHANGE_CHANNEL = "dangbo_change";

/** The payload that means "anything may have changed" (a bulk load with triggers off). */
export const EVERYTHING_CHANGED = "*";

/** Tells the listeners that anything may have changed, when this transaction commits. */
export async function notifyEverythingChanged(sql: RawSql): Promise<void> {
  await sql.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, EVERYTHING_CHANGED]);
}
