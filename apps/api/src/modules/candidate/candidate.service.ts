import { applyAdmissionToRollup, type Candidate, type Prisma } from "@dangbo/db";
import {
  CandidateStage,
  CELL_KINDS,
  dateFromIso,
  foldVietnamese,
  isIsoDate,
  isoFromDate,
  probationEnd,
  Role,
  stageProblem,
  TrainingKind,
  type IsoDate,
} from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { badInput, forbidden, notFound } from "../../graphql/errors.ts";
import { parseId, parseOptionalId } from "../../graphql/ids.ts";
import { paginate, pageRequest, type PageArgs } from "../../graphql/pagination.ts";
import { mutate, type Tx } from "../audit/audit.service.ts";
import { rawOf } from "../../lib/raw.ts";
import { changeMemberCounts } from "../../lib/counts.ts";
import { and, unitScope } from "../committee/committee.access.ts";
import { assertUnitVisible } from "../committee/committee.service.ts";
import { canReadPii } from "../member/member.access.ts";
import type {
  AdvanceCandidateInput,
  PersonInput,
  RegisterCandidateInput,
} from "./candidate.input.ts";

export function candidateScope(ctx: Context): Prisma.CandidateWhereInput {
  return { unit: unitScope(ctx) };
}

const PII = ["birthDate", "phone", "nationalId", "address"] as const;
export function maskCandidate<T extends Candidate>(ctx: Context, c: T): T {
  if (canReadPii(ctx)) return c;
  const masked = { ...c } as Record<string, unknown>;
  for (const k of PII) masked[k] = null;
  return masked as T;
}

export async function getCandidate(ctx: Context, id: number): Promise<Candidate> {
  const c = await ctx.prisma.candidate.findFirst({
    where: and<Prisma.CandidateWhereInput>({ id }, candidateScope(ctx)),
  });
  if (!c) throw notFound("Candidate", id);
  return maskCandidate(ctx, c);
}

export interface ListCandidatesArgs extends PageArgs {
  unitId: number | null;
  includeSubtree: boolean;
  stages?: CandidateStage[] | null;
  search?: string | null;
  registeredFrom?: IsoDate | null;
  registeredTo?: IsoDate | null;
}

export function candidatesWhere(
  ctx: Context,
  args: ListCandidatesArgs,
): Prisma.CandidateWhereInput {
  const folded = args.search ? foldVietnamese(args.search) : "";
  return and<Prisma.CandidateWhereInput>(
    candidateScope(ctx),
    args.unitId !== null &&
      (args.includeSubtree
        ? { unit: { ancestorLinks: { some: { ancestorId: args.unitId } } } }
        : { unitId: args.unitId }),
    args.stages && args.stages.length > 0 && { stage: { in: args.stages } },
    folded && { nameSearch: { contains: folded } },
    args.registeredFrom && { registeredOn: { gte: dateFromIso(args.registeredFrom) } },
    args.registeredTo && { registeredOn: { lte: dateFromIso(args.registeredTo) } },
  );
}

export async function listCandidates(ctx: Context, args: ListCandidatesArgs) {
  const page = pageRequest(args);
  if (args.unitId !== null) await assertUnitVisible(ctx, args.unitId);
  const where = candidatesWhere(ctx, args);
  const result = await paginate(
    page,
    (p) =>
      ctx.prisma.candidate.findMany({
        where,
        orderBy: [{ stageOn: "desc" }, { id: "desc" }],
        ...p,
      }),
    () => ctx.prisma.candidate.count({ where }),
  );
  return {
    ...result,
    edges: result.edges.map((e) => ({ ...e, node: maskCandidate(ctx, e.node) })),
  };
}

/** Candidates per stage in a unit's subtree (the board view's column heads). */
export async function stageCounts(ctx: Context, unitId: number) {
  await assertUnitVisible(ctx, unitId);
  const rows = await ctx.prisma.candidate.groupBy({
    by: ["stage"],
    where: candidatesWhere(ctx, { unitId, includeSubtree: true }),
    _count: { _all: true },
  });
  const counts = new Map(rows.map((r) => [r.stage, r._count._all]));
  return Object.values(CandidateStage).map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
}

function checkDate(field: string, value: IsoDate, today: IsoDate): Date {
  if (!isIsoDate(value)) throw badInput(field, `${field} must be a date`);
  if (value > today) throw badInput(field, `${field} cannot be in the future`);
  return dateFromIso(value);
}

export function personData(input: PersonInput, today: IsoDate) {
  const name = input.fullName.trim().replace(/\s+/g, " ");
  if (name.length < 2) throw badInput("fullName", "fullName is required");
  const birth = checkDate("birthDate", input.birthDate, today);
  if (input.birthDate < "1900-01-01") throw badInput("birthDate", "birthDate is not plausible");
  return {
    fullName: name,
    nameSearch: foldVietnamese(name),
    gender: input.gender,
    birthDate: birth,
    ethnicity: input.ethnicity.trim(),
    occupation: input.occupation,
    phone: input.phone?.trim() || null,
    nationalId: input.nationalId?.trim() || null,
    address: input.address?.trim() || null,
  };
}

/** A cell of the caller's subtree that exists on `on` (writes outside the subtree: FORBIDDEN). */
export async function writableCellOn(
  ctx: Context,
  tx: Tx,
  cellId: number,
  on: IsoDate,
  field = "cellId",
) {
  const cell = await tx.orgUnit.findFirst({
    where: and<Prisma.OrgUnitWhereInput>({ id: cellId }, unitScope(ctx)),
  });
  if (!cell) throw forbidden("You may act only on cells of your own unit");
  if (!CELL_KINDS.includes(cell.kind)) throw badInput(field, "This unit is not a cell");
  if (isoFromDate(cell.validFrom) > on || (cell.validTo && isoFromDate(cell.validTo) <= on))
    throw badInput(field, "The cell did not exist on that date");
  return cell;
}

export async function registerCandidate(
  ctx: Context,
  input: RegisterCandidateInput,
): Promise<Candidate> {
  const today = ctx.today;
  const person = personData(input, today);
  const registeredOn = checkDate("registeredOn", input.registeredOn, today);
  const cellId = parseId(input.cellId, "cellId");
  return mutate(ctx, async (tx, audit) => {
    await writableCellOn(ctx, tx, cellId, input.registeredOn);
    const candidate = await tx.candidate.create({
      data: {
        ...person,
        unitId: cellId,
        stage: CandidateStage.REGISTERED,
        stageOn: registeredOn,
        registeredOn,
        events: {
          create: {
            stage: CandidateStage.REGISTERED,
            occurredOn: registeredOn,
            recordedById: ctx.viewer!.userId,
          },
        },
      },
    });
    audit({
      operation: "registerCandidate",
      entity: "Candidate",
      entityId: candidate.id,
      unitId: cellId,
      after: candidate,
    });
    return candidate;
  });
}

/** Who may record which step: the committee's board decides classes, verification and admission. */
const BOARD_STAGES: readonly CandidateStage[] = [
  CandidateStage.AWARENESS_CLASS,
  CandidateStage.VERIFICATION,
  CandidateStage.VERIFIED,
  CandidateStage.ADMITTED,
];

const PROBLEM_MESSAGES = {
  CLOSED: "This candidate's development has ended",
  SKIPPED: "A stage cannot be skipped",
  BACKWARDS: "A candidate cannot go back to an earlier stage",
  BEFORE_PREVIOUS: "The date is before the previous stage",
  FUTURE: "The date is in the future",
} as const;

/**
 * Moves a candidate to the next stage (or ends the development). ADMITTED creates the member as
 * probationary from the decision date, with the admission counted for every ancestor unit.
 */
export async function advanceCandidate(
  ctx: Context,
  input: AdvanceCandidateInput,
): Promise<Candidate> {
  const id = parseId(input.candidateId, "candidateId");
  if (!isIsoDate(input.on)) throw badInput("on", "on must be a date");
  if (BOARD_STAGES.includes(input.stage) && ctx.viewer!.role === Role.SECRETARY) {
    throw forbidden(
      "Classes, verification and admission are recorded by the committee's organisation board",
    );
  }
  const today = ctx.today;
  return mutate(ctx, async (tx, audit) => {
    const candidate = await tx.candidate.findFirst({
      where: and<Prisma.CandidateWhereInput>({ id }, candidateScope(ctx)),
    });
    if (!candidate) throw forbidden("You may act only on candidates of your own unit");
    const problem = stageProblem(
      candidate.stage as CandidateStage,
      isoFromDate(candidate.stageOn),
      input.stage,
      input.on,
      today,
    );
    if (problem)
      throw badInput(
        problem === "FUTURE" || problem === "BEFORE_PREVIOUS" ? "on" : "stage",
        PROBLEM_MESSAGES[problem],
        { reason: problem },
      );

    const on = dateFromIso(input.on);
    let trainingClassId: number | null = null;
    if (input.stage === CandidateStage.AWARENESS_CLASS) {
      trainingClassId = parseOptionalId(input.trainingClassId, "trainingClassId");
      if (trainingClassId === null)
        throw badInput("trainingClassId", "Say which party-awareness class the candidate attended");
      const cls = await tx.trainingClass.findFirst({
        where: { id: trainingClassId, kind: TrainingKind.AWARENESS_CLASS },
      });
      if (!cls) throw badInput("trainingClassId", "No such party-awareness class");
      if (isoFromDate(cls.startsOn) > input.on)
        throw badInput("on", "The class had not started on that date");
      await tx.trainingEnrolment.create({
        data: { classId: cls.id, candidateId: id, completed: true, completedOn: on },
      });
    }
    if (input.stage === CandidateStage.VERIFIED && !input.result?.trim())
      throw badInput("result", "Record the verification's result");
    if (
      (input.stage === CandidateStage.REJECTED || input.stage === CandidateStage.WITHDRAWN) &&
      !input.note?.trim()
    ) {
      throw badInput("note", "Give the reason");
    }
    let memberId: number | null = null;
    if (input.stage === CandidateStage.ADMITTED) {
      if (!input.decisionNo?.trim())
        throw badInput("decisionNo", "Record the admission decision's number");
      const cell = await writableCellOn(ctx, tx, candidate.unitId, input.on, "on");
      const member = await tx.member.create({
        data: {
          code: `KN${input.on.slice(0, 4)}.${String(candidate.id).padStart(6, "0")}`,
          fullName: candidate.fullName,
          nameSearch: candidate.nameSearch,
          gender: candidate.gender,
          birthDate: candidate.birthDate,
          ethnicity: candidate.ethnicity,
          occupation: candidate.occupation,
          phone: candidate.phone,
          nationalId: candidate.nationalId,
          address: candidate.address,
          status: "PROBATIONARY",
          unitId: cell.id,
          admittedOn: on,
          probationEndsOn: dateFromIso(probationEnd(input.on)),
          assignments: { create: { unitId: cell.id, validFrom: on } },
          events: {
            create: {
              kind: "ADMITTED",
              effectiveOn: on,
              statusAfter: "PROBATIONARY",
              unitId: cell.id,
              decisionNo: input.decisionNo.trim(),
              recordedById: ctx.viewer!.userId,
            },
          },
        },
      });
      await applyAdmissionToRollup(rawOf(tx), cell.id, input.on, 1);
      await changeMemberCounts(ctx, tx, cell.id, 0, 1);
      memberId = member.id;
      audit({
        operation: "advanceCandidate",
        entity: "Member",
        entityId: member.id,
        unitId: cell.id,
        after: member,
      });
    }
    await tx.candidateStageEvent.create({
      data: {
        candidateId: id,
        stage: input.stage,
        occurredOn: on,
        trainingClassId,
        decisionNo: input.decisionNo?.trim() || null,
        result: input.result?.trim() || null,
        note: input.note?.trim() || null,
        recordedById: ctx.viewer!.userId,
      },
    });
    const updated = await tx.candidate.update({
      where: { id },
      data: {
        stage: input.stage,
        stageOn: on,
        memberId: memberId ?? undefined,
        closedReason:
          input.stage === CandidateStage.REJECTED || input.stage === CandidateStage.WITHDRAWN
            ? input.note!.trim()
            : undefined,
      },
    });
    audit({
      operation: "advanceCandidate",
      entity: "Candidate",
      entityId: id,
      unitId: candidate.unitId,
      before: { stage: candidate.stage, stageOn: candidate.stageOn },
      after: { stage: updated.stage, stageOn: updated.stageOn, memberId },
    });
    return updated;
  });
}
