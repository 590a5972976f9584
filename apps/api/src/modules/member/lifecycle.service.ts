import type { Member, Prisma } from "@dangbo/db";
import {
  dateFromIso,
  datedChangeProblem,
  extensionMonthsOf,
  extensionProblem,
  isIsoDate,
  isoFromDate,
  MemberStatus,
  probationEnd,
  recognitionProblem,
  type IsoDate,
} from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { badInput, forbidden } from "../../graphql/errors.ts";
import { parseId } from "../../graphql/ids.ts";
import { mutate, type Tx } from "../audit/audit.service.ts";
import { personData, writableCellOn } from "../candidate/candidate.service.ts";
import { and } from "../committee/committee.access.ts";
import { memberScope } from "./member.access.ts";
import { changeMemberCounts, officialToday } from "../../lib/counts.ts";
import type {
  ExtendProbationInput,
  MoveMemberInput,
  RecogniseOfficialInput,
  RecordExitInput,
  TemporaryActivityInput,
  TransferInInput,
} from "./lifecycle.input.ts";

function checkOn(on: IsoDate, today: IsoDate, field = "on"): Date {
  if (!isIsoDate(on)) throw badInput(field, `${field} must be a date`);
  if (on > today) throw badInput(field, `${field} cannot be in the future`);
  return dateFromIso(on);
}

/** The members of a batch, each in the caller's subtree (else FORBIDDEN for the whole batch). */
async function batchMembers(ctx: Context, tx: Tx, ids: string[]): Promise<Member[]> {
  const parsed = ids.map((id, i) => parseId(id, `memberIds.${i}`));
  if (new Set(parsed).size !== parsed.length) throw badInput("memberIds", "A member appears twice");
  const members = await tx.member.findMany({
    where: and<Prisma.MemberWhereInput>({ id: { in: parsed } }, memberScope(ctx)),
  });
  if (members.length !== parsed.length)
    throw forbidden("You may act only on members of your own unit");
  const byId = new Map(members.map((m) => [m.id, m]));
  return parsed.map((id) => byId.get(id)!);
}

/** The member's last dated change: later changes may not be dated before it. */
async function lastChangeOn(tx: Tx, memberId: number): Promise<IsoDate> {
  const [event, assignment] = await Promise.all([
    tx.memberEvent.findFirst({ where: { memberId }, orderBy: { effectiveOn: "desc" } }),
    tx.memberAssignment.findFirst({ where: { memberId }, orderBy: { validFrom: "desc" } }),
  ]);
  const dates = [event?.effectiveOn, assignment?.validFrom]
    .filter((d): d is Date => Boolean(d))
    .map(isoFromDate);
  return dates.sort().at(-1) ?? "1900-01-01";
}

function failAt(index: number, message: string, reason: string): never {
  throw badInput(`memberIds.${index}`, message, { reason });
}

export async function recogniseOfficial(
  ctx: Context,
  input: RecogniseOfficialInput,
): Promise<Member[]> {
  const today = ctx.today;
  const on = checkOn(input.on, today);
  return mutate(ctx, async (tx, audit) => {
    const members = await batchMembers(ctx, tx, input.memberIds);
    const result: Member[] = [];
    for (const [i, m] of members.entries()) {
      const extension = m.probationEndsOn
        ? extensionMonthsOf(isoFromDate(m.admittedOn), isoFromDate(m.probationEndsOn))
        : 0;
      const problem = recognitionProblem(
        m.status as MemberStatus,
        isoFromDate(m.admittedOn),
        extension,
        input.on,
        today,
      );
      if (problem === "NOT_PROBATIONARY")
        failAt(i, `${m.fullName} is not a probationary member`, problem);
      if (problem === "TOO_EARLY")
        failAt(
          i,
          `${m.fullName}'s probation ends on ${probationEnd(isoFromDate(m.admittedOn), extension)}`,
          problem,
        );
      const updated = await tx.member.update({
        where: { id: m.id },
        data: { status: MemberStatus.OFFICIAL, officialOn: on },
      });
      const cellToday = await tx.memberAssignment.findFirst({
        where: { memberId: m.id, validTo: null, temporary: false },
      });
      if (cellToday) await changeMemberCounts(ctx, tx, cellToday.unitId, 1, -1);
      await tx.memberEvent.create({
        data: {
          memberId: m.id,
          kind: "RECOGNISED_OFFICIAL",
          effectiveOn: on,
          statusAfter: "OFFICIAL",
          unitId: m.unitId,
          decisionNo: input.decisionNo.trim(),
          recordedById: ctx.viewer!.userId,
        },
      });
      audit({
        operation: "recogniseOfficial",
        entity: "Member",
        entityId: m.id,
        unitId: m.unitId,
        before: { status: m.status, officialOn: m.officialOn },
        after: {
          status: updated.status,
          officialOn: updated.officialOn,
          decisionNo: input.decisionNo,
        },
      });
      result.push(updated);
    }
    return result;
  });
}

export async function extendProbation(
  ctx: Context,
  input: ExtendProbationInput,
): Promise<Member[]> {
  const today = ctx.today;
  const on = checkOn(input.on, today);
  return mutate(ctx, async (tx, audit) => {
    const members = await batchMembers(ctx, tx, input.memberIds);
    const result: Member[] = [];
    for (const [i, m] of members.entries()) {
      const admitted = isoFromDate(m.admittedOn);
      const current = m.probationEndsOn
        ? extensionMonthsOf(admitted, isoFromDate(m.probationEndsOn))
        : 0;
      const problem = extensionProblem(m.status as MemberStatus, current, input.months);
      if (problem === "NOT_PROBATIONARY")
        failAt(i, `${m.fullName} is not a probationary member`, problem);
      if (problem === "TOO_LONG")
        failAt(
          i,
          `Probation can be extended by at most 12 months in total (${m.fullName}: ${current} already)`,
          problem,
        );
      const ends = probationEnd(admitted, current + input.months);
      const updated = await tx.member.update({
        where: { id: m.id },
        data: { probationEndsOn: dateFromIso(ends) },
      });
      await tx.memberEvent.create({
        data: {
          memberId: m.id,
          kind: "PROBATION_EXTENDED",
          effectiveOn: on,
          statusAfter: "PROBATIONARY",
          unitId: m.unitId,
          decisionNo: input.decisionNo.trim(),
          reason: input.reason.trim(),
          recordedById: ctx.viewer!.userId,
        },
      });
      audit({
        operation: "extendProbation",
        entity: "Member",
        entityId: m.id,
        unitId: m.unitId,
        before: { probationEndsOn: m.probationEndsOn },
        after: { probationEndsOn: ends, months: input.months },
      });
      result.push(updated);
    }
    return result;
  });
}

const EXIT_EVENT = {
  REMOVED: "REMOVED",
  RESIGNED: "RESIGNED",
  TRANSFERRED_OUT: "TRANSFERRED_OUT",
  DECEASED: "DECEASED",
} as const;

export async function recordExit(ctx: Context, input: RecordExitInput): Promise<Member[]> {
  const today = ctx.today;
  const on = checkOn(input.on, today);
  const status = input.status as keyof typeof EXIT_EVENT;
  if (!(status in EXIT_EVENT))
    throw badInput("status", "status must be REMOVED, RESIGNED, TRANSFERRED_OUT or DECEASED");
  if (
    (status === "REMOVED" || status === "RESIGNED" || status === "TRANSFERRED_OUT") &&
    !input.reason?.trim()
  )
    throw badInput("reason", "Give the reason");
  return mutate(ctx, async (tx, audit) => {
    const members = await batchMembers(ctx, tx, input.memberIds);
    const result: Member[] = [];
    for (const [i, m] of members.entries()) {
      const problem = datedChangeProblem(
        m.status as MemberStatus,
        await lastChangeOn(tx, m.id),
        input.on,
        today,
      );
      if (problem === "NOT_ACTIVE") failAt(i, `${m.fullName} is no longer a member`, problem);
      if (problem === "BEFORE_LAST_CHANGE")
        failAt(i, `The date is before ${m.fullName}'s last recorded change`, problem);
      // Every open assignment ends that day: the member leaves the counts from it.
      const active = await tx.memberAssignment.findFirst({
        where: { memberId: m.id, validTo: null, temporary: false },
      });
      if (active)
        await changeMemberCounts(
          ctx,
          tx,
          active.unitId,
          officialToday(ctx, m.officialOn) ? -1 : 0,
          officialToday(ctx, m.officialOn) ? 0 : -1,
        );
      await tx.memberAssignment.updateMany({
        where: { memberId: m.id, validTo: null },
        data: { validTo: on },
      });
      const updated = await tx.member.update({
        where: { id: m.id },
        data: { status, exitedOn: on },
      });
      await tx.memberEvent.create({
        data: {
          memberId: m.id,
          kind: EXIT_EVENT[status],
          effectiveOn: on,
          statusAfter: status,
          unitId: m.unitId,
          reason: input.reason?.trim() || null,
          decisionNo: input.decisionNo?.trim() || null,
          recordedById: ctx.viewer!.userId,
        },
      });
      audit({
        operation: "recordExit",
        entity: "Member",
        entityId: m.id,
        unitId: m.unitId,
        before: { status: m.status },
        after: { status, exitedOn: input.on, reason: input.reason ?? null },
      });
      result.push(updated);
    }
    return result;
  });
}

export async function moveMember(ctx: Context, input: MoveMemberInput): Promise<Member> {
  const today = ctx.today;
  const on = checkOn(input.on, today);
  const toCellId = parseId(input.toCellId, "toCellId");
  return mutate(ctx, async (tx, audit) => {
    const [m] = await batchMembers(ctx, tx, [input.memberId]);
    const member = m!;
    const target = await writableCellOn(ctx, tx, toCellId, input.on, "toCellId");
    if (target.id === member.unitId)
      throw badInput("toCellId", "The member is already in this cell");
    const problem = datedChangeProblem(
      member.status as MemberStatus,
      await lastChangeOn(tx, member.id),
      input.on,
      today,
    );
    if (problem === "NOT_ACTIVE") throw badInput("memberId", "This person is no longer a member");
    if (problem === "BEFORE_LAST_CHANGE")
      throw badInput("on", "The date is before the member's last recorded change");
    const official = officialToday(ctx, member.officialOn) ? 1 : 0;
    await changeMemberCounts(ctx, tx, member.unitId, -official, official - 1);
    await changeMemberCounts(ctx, tx, target.id, official, 1 - official);
    await tx.memberAssignment.updateMany({
      where: { memberId: member.id, validTo: null, temporary: false },
      data: { validTo: on },
    });
    await tx.memberAssignment.create({
      data: { memberId: member.id, unitId: target.id, validFrom: on },
    });
    const updated = await tx.member.update({
      where: { id: member.id },
      data: { unitId: target.id },
    });
    await tx.memberEvent.create({
      data: {
        memberId: member.id,
        kind: "MOVED_CELL",
        effectiveOn: on,
        statusAfter: member.status,
        unitId: target.id,
        recordedById: ctx.viewer!.userId,
      },
    });
    audit({
      operation: "moveMember",
      entity: "Member",
      entityId: member.id,
      unitId: target.id,
      before: { unitId: member.unitId },
      after: { unitId: target.id, on: input.on },
    });
    return updated;
  });
}

export async function transferIn(ctx: Context, input: TransferInInput): Promise<Member> {
  const today = ctx.today;
  const on = checkOn(input.on, today);
  const admittedOn = checkOn(input.admittedOn, today, "admittedOn");
  if (input.admittedOn > input.on)
    throw badInput("admittedOn", "The admission must be before the arrival");
  const officialOn = input.officialOn ? checkOn(input.officialOn, today, "officialOn") : null;
  if (input.officialOn && input.officialOn < probationEnd(input.admittedOn))
    throw badInput("officialOn", "Recognition cannot be before the end of probation");
  const person = personData(input, today);
  const cellId = parseId(input.cellId, "cellId");
  return mutate(ctx, async (tx, audit) => {
    const cell = await writableCellOn(ctx, tx, cellId, input.on);
    const status = officialOn ? MemberStatus.OFFICIAL : MemberStatus.PROBATIONARY;
    const created = await tx.member.create({
      data: {
        ...person,
        code: `CD${input.on.slice(0, 4)}.${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`,
        status,
        unitId: cell.id,
        admittedOn,
        probationEndsOn: dateFromIso(probationEnd(input.admittedOn)),
        officialOn,
        assignments: { create: { unitId: cell.id, validFrom: on } },
        events: {
          create: {
            kind: "TRANSFERRED_IN",
            effectiveOn: on,
            statusAfter: status,
            unitId: cell.id,
            reason: `Chuyển sinh hoạt đảng từ ${input.origin.trim()}`,
            decisionNo: input.decisionNo?.trim() || null,
            recordedById: ctx.viewer!.userId,
          },
        },
      },
    });
    await changeMemberCounts(
      ctx,
      tx,
      cell.id,
      officialToday(ctx, officialOn) ? 1 : 0,
      officialToday(ctx, officialOn) ? 0 : 1,
    );
    audit({
      operation: "transferIn",
      entity: "Member",
      entityId: created.id,
      unitId: cell.id,
      after: created,
    });
    return created;
  });
}

export async function startTemporaryActivity(
  ctx: Context,
  input: TemporaryActivityInput,
): Promise<Member> {
  const today = ctx.today;
  const on = checkOn(input.on, today);
  const cellId = parseId(input.cellId, "cellId");
  return mutate(ctx, async (tx, audit) => {
    const [member] = await batchMembers(ctx, tx, [input.memberId]);
    const m = member!;
    if (m.status !== "OFFICIAL" && m.status !== "PROBATIONARY")
      throw badInput("memberId", "This person is no longer a member");
    const host = await writableCellOn(ctx, tx, cellId, input.on);
    if (host.id === m.unitId) throw badInput("cellId", "The host cell is the member's own cell");
    const open = await tx.memberAssignment.count({
      where: { memberId: m.id, temporary: true, validTo: null },
    });
    if (open > 0)
      throw badInput("memberId", "The member already has a temporary activity; end it first");
    await tx.memberAssignment.create({
      data: { memberId: m.id, unitId: host.id, validFrom: on, temporary: true },
    });
    audit({
      operation: "startTemporaryActivity",
      entity: "Member",
      entityId: m.id,
      unitId: host.id,
      after: { hostCellId: host.id, from: input.on },
    });
    return m;
  });
}

export async function endTemporaryActivity(
  ctx: Context,
  input: TemporaryActivityInput,
): Promise<Member> {
  const today = ctx.today;
  const on = checkOn(input.on, today);
  const cellId = parseId(input.cellId, "cellId");
  return mutate(ctx, async (tx, audit) => {
    const [member] = await batchMembers(ctx, tx, [input.memberId]);
    const m = member!;
    const open = await tx.memberAssignment.findFirst({
      where: { memberId: m.id, unitId: cellId, temporary: true, validTo: null },
    });
    if (!open) throw badInput("cellId", "The member has no temporary activity in this cell");
    if (isoFromDate(open.validFrom) > input.on)
      throw badInput("on", "The date is before the activity began");
    await tx.memberAssignment.update({ where: { id: open.id }, data: { validTo: on } });
    audit({
      operation: "endTemporaryActivity",
      entity: "Member",
      entityId: m.id,
      unitId: cellId,
      after: { hostCellId: cellId, until: input.on },
    });
    return m;
  });
}
