import { applyMemberCountDelta } from "@dangbo/db";
import type { Context } from "../graphql/context.ts";
import type { Tx } from "../modules/audit/audit.service.ts";
import { rawOf } from "./raw.ts";

/** Keeps today's member counts of a cell and everything above it in step with a change, in its transaction. */
export function changeMemberCounts(
  ctx: Context,
  tx: Tx,
  cellId: number,
  official: number,
  probationary: number,
): Promise<void> {
  return applyMemberCountDelta(rawOf(tx), cellId, official, probationary, ctx.today);
}

/** Whether a member is official today (recognised on or before today). */
export function officialToday(ctx: Context, officialOn: Date | null): boolean {
  return officialOn !== null && officialOn.toISOString().slice(0, 10) <= ctx.today;
}
