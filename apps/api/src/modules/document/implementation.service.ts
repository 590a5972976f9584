import {
  Prisma,
  type DocumentReview,
  type ImplementationPlan,
  type ImplementationRequirement,
  type PrismaClient,
} from "@dangbo/db";
import {
  coveragePercent,
  dateFromIso,
  daysBetween,
  implementationStatus,
  isoFromDate,
  type ImplementationStatus,
  type IsoDate,
  type OrgUnitKind,
  type PlanKind,
  type ReviewKind,
} from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { badInput, forbidden } from "../../graphql/errors.ts";
import { decodeCursor, encodeCursor } from "../../graphql/pagination.ts";
import { mutate, type Tx } from "../audit/audit.service.ts";
import { getUnit } from "../committee/committee.service.ts";
import { isWritableUnit } from "./document.access.ts";
import { blank, getDocument } from "./document.service.ts";
import type { CoverageRow, ImplementationCoverage, RequiredUnit } from "./document.type.ts";

/**
 * Requirements, plans and reviews have no unique key per (document, unit) in the schema
 * (except plans): their upserts serialise on a transaction-scoped advisory lock per document,
 * so two concurrent "set" calls cannot create two rows.
 */
async function lockDocument(tx: Tx, documentId: number, what: number): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(${what}::int, ${documentId}::int)) l`;
}
const LOCK_REQUIREMENT = 80_801;
const LOCK_REVIEW = 80_802;

async function writableUnit(ctx: Context, tx: Tx, unitId: number, what: string) {
  if (!(await isWritableUnit(ctx, tx, unitId)))
    throw forbidden(`You may record ${what} only for your own unit or units below it`);
  return tx.orgUnit.findUniqueOrThrow({ where: { id: unitId } });
}

function existedOn(unit: { validFrom: Date; validTo: Date | null }, day: IsoDate): boolean {
  const date = dateFromIso(day);
  return unit.validFrom <= date && (unit.validTo === null || unit.validTo > date);
}

// ───────────────────────────── requirements ─────────────────────────────

export async function setImplementationRequirement(
  ctx: Context,
  args: { documentId: number; scopeUnitId: number; unitKinds: OrgUnitKind[]; dueOn: IsoDate },
): Promise<ImplementationRequirement> {
  return mutate(ctx, async (tx, audit) => {
    await writableUnit(ctx, tx, args.scopeUnitId, "implementation requirements");
    const document = await getDocument(ctx, args.documentId, tx);
    const kinds = [...new Set(args.unitKinds)];
    if (kinds.length !== args.unitKinds.length)
      throw badInput("unitKinds", "A kind of unit is listed twice");
    if (args.dueOn < isoFromDate(document.issuedOn))
      throw badInput("dueOn", `The due date is before ${document.number} was issued`);
    await lockDocument(tx, document.id, LOCK_REQUIREMENT);
    const existing = await tx.implementationRequirement.findFirst({
      where: { documentId: document.id, scopeUnitId: args.scopeUnitId },
      orderBy: { id: "asc" },
    });
    const data = { unitKinds: kinds, dueOn: dateFromIso(args.dueOn) };
    const requirement = existing
      ? await tx.implementationRequirement.update({ where: { id: existing.id }, data })
      : await tx.implementationRequirement.create({
          data: { ...data, documentId: document.id, scopeUnitId: args.scopeUnitId },
        });
    audit({
      operation: "setImplementationRequirement",
      entity: "ImplementationRequirement",
      entityId: requirement.id,
      unitId: args.scopeUnitId,
      before: existing ?? undefined,
      after: requirement,
    });
    return requirement;
  });
}

// ───────────────────────────── the matrix ─────────────────────────────

interface RequiredSqlRow {
  id: number;
  name: string;
  kind: OrgUnitKind;
  valid_to: Date | null;
  due_on: Date;
  group_id: number;
  group_name: string;
  plan_kind: PlanKind | null;
  plan_issued_on: Date | null;
  plan_reference: string | null;
  disseminated_on: Date | null;
  mid_term_on: Date | null;
  final_on: Date | null;
}

/**
 * Every unit that must implement a document in the subtree of `unitId`, seen on `asOf`, with
 * its plan, its own dissemination and its reviews — one statement, no query per unit.
 *
 * A unit is required when it is of a required kind and under a requirement's scope (strictly
 * below it) on its reference date, and (see `requiredForPlan` in @dangbo/shared) it existed on
 * the due date, or was created after it and by `asOf`; a unit dissolved on or before the due
 * date is not. The reference date is `asOf`, or the unit's last day if it ceased before — so a
 * unit counts under the committee it belonged to then. Several requirements reaching one unit
 * give one row with the earliest due date. Plans, conferences and reviews dated after `asOf`
 * are ignored.
 */
export function requiredUnitsSql(
  documentId: number,
  documentIssuedOn: IsoDate,
  unitId: number,
  asOf: IsoDate,
): Prisma.Sql {
  const a = Prisma.sql`${asOf}::date`;
  return Prisma.sql`
    WITH req AS (
      SELECT r.scope_unit_id, r.unit_kinds::text[] AS kinds, r.due_on
      FROM implementation_requirement r WHERE r.document_id = ${documentId}
    ), sub AS (
      SELECT DISTINCT u.id, u.name, u.name_search, u.kind::text AS kind, u.valid_from, u.valid_to,
             LEAST(${a}, COALESCE(u.valid_to - 1, ${a})) AS ref
      FROM org_unit_closure c JOIN org_unit u ON u.id = c.descendant_id
      WHERE c.ancestor_id = ${unitId} AND u.valid_from <= ${a}
        AND u.kind::text IN (SELECT unnest(req.kinds) FROM req)
    ), inside AS (
      SELECT sub.*, c.depth
      FROM sub JOIN org_unit_closure c ON c.descendant_id = sub.id AND c.ancestor_id = ${unitId}
        AND c.valid_from <= sub.ref AND (c.valid_to IS NULL OR c.valid_to > sub.ref)
    ), required AS (
      SELECT i.id,
             MIN(CASE WHEN i.valid_from <= r.due_on THEN r.due_on
                      ELSE i.valid_from + GREATEST(0, r.due_on - ${documentIssuedOn}::date) END) AS due_on
      FROM inside i JOIN req r ON i.kind = ANY(r.kinds)
        AND (i.valid_to IS NULL OR i.valid_to > LEAST(r.due_on, ${a}))
        AND EXISTS (
          SELECT 1 FROM org_unit_closure s
          WHERE s.ancestor_id = r.scope_unit_id AND s.descendant_id = i.id AND s.depth >= 1
            AND s.valid_from <= i.ref AND (s.valid_to IS NULL OR s.valid_to > i.ref))
      GROUP BY i.id
    )
    SELECT i.id, i.name, i.kind, i.valid_to, q.due_on,
           COALESCE(g.id, ${unitId}::int) AS group_id, COALESCE(g.name, top.name) AS group_name,
           p.kind::text AS plan_kind, p.issued_on AS plan_issued_on, p.reference AS plan_reference,
           d.first_on AS disseminated_on, v.mid_term_on, v.final_on
    FROM required q
    JOIN inside i ON i.id = q.id
    JOIN org_unit top ON top.id = ${unitId}
    LEFT JOIN LATERAL (
      SELECT gu.id, gu.name, gu.name_search
      FROM org_unit_closure x JOIN org_unit gu ON gu.id = x.ancestor_id
      WHERE x.descendant_id = i.id AND x.depth = i.depth - 1
        AND x.valid_from <= i.ref AND (x.valid_to IS NULL OR x.valid_to > i.ref)
      LIMIT 1
    ) g ON TRUE
    LEFT JOIN implementation_plan p ON p.document_id = ${documentId} AND p.unit_id = i.id AND p.issued_on <= ${a}
    LEFT JOIN (
      SELECT f.organiser_unit_id AS unit_id, MIN(f.held_on) AS first_on
      FROM conference f JOIN conference_document cd ON cd.conference_id = f.id
      WHERE cd.document_id = ${documentId} AND f.held_on <= ${a}
      GROUP BY 1
    ) d ON d.unit_id = i.id
    LEFT JOIN (
      SELECT r.unit_id,
             MAX(r.held_on) FILTER (WHERE r.kind = 'MID_TERM') AS mid_term_on,
             MAX(r.held_on) FILTER (WHERE r.kind = 'FINAL') AS final_on
      FROM document_review r WHERE r.document_id = ${documentId} AND r.held_on <= ${a}
      GROUP BY 1
    ) v ON v.unit_id = i.id
    ORDER BY COALESCE(g.name_search, top.name_search), COALESCE(g.id, ${unitId}::int), i.name_search, i.id`;
}

const iso = (d: Date | null): IsoDate | null => (d ? isoFromDate(d) : null);

function toRequiredUnit(r: RequiredSqlRow, asOf: IsoDate): RequiredUnit {
  const dueOn = isoFromDate(r.due_on);
  const planIssuedOn = iso(r.plan_issued_on);
  const status = implementationStatus(dueOn, planIssuedOn, asOf);
  return {
    unitId: r.id,
    name: r.name,
    kind: r.kind,
    groupId: r.group_id,
    groupName: r.group_name,
    dueOn,
    status,
    planKind: r.plan_kind,
    planIssuedOn,
    planReference: r.plan_reference,
    daysLate: status === "LATE" ? daysBetween(dueOn, planIssuedOn!) : null,
    disseminatedOn: iso(r.disseminated_on),
    midTermReviewOn: iso(r.mid_term_on),
    finalReviewOn: iso(r.final_on),
    dissolvedOn: iso(r.valid_to),
  };
}

export async function requiredUnits(
  db: Tx | PrismaClient,
  document: { id: number; issuedOn: Date },
  unitId: number,
  asOf: IsoDate,
): Promise<RequiredUnit[]> {
  const rows = await db.$queryRaw<RequiredSqlRow[]>(
    requiredUnitsSql(document.id, isoFromDate(document.issuedOn), unitId, asOf),
  );
  return rows.map((r) => toRequiredUnit(r, asOf));
}

function summarise(unitId: number, name: string, units: RequiredUnit[]): CoverageRow {
  const count = (status: ImplementationStatus) => units.filter((u) => u.status === status).length;
  const onTime = count("ON_TIME");
  const late = count("LATE");
  const disseminated = units.filter((u) => u.disseminatedOn !== null).length;
  return {
    unitId,
    name,
    required: units.length,
    issued: onTime + late,
    onTime,
    late,
    overdue: count("OVERDUE"),
    pending: count("PENDING"),
    disseminated,
    midTermReviewed: units.filter((u) => u.midTermReviewOn !== null).length,
    finalReviewed: units.filter((u) => u.finalReviewOn !== null).length,
    percent: coveragePercent(onTime + late, units.length),
    onTimePercent: coveragePercent(onTime, units.length),
    disseminatedPercent: coveragePercent(disseminated, units.length),
  };
}

const NOT_ISSUED: ImplementationStatus[] = ["OVERDUE", "PENDING"];

export async function implementationCoverage(
  ctx: Context,
  args: {
    documentId: number;
    unitId: number;
    asOf: IsoDate;
    status?: string[] | null;
    first?: number | null;
    after?: string | null;
  },
): Promise<ImplementationCoverage> {
  const first = args.first ?? 100;
  const offset = args.after ? decodeCursor(args.after) : 0;
  const unit = await getUnit(ctx, args.unitId, args.asOf);
  const document = await getDocument(ctx, args.documentId);
  const units = await requiredUnits(ctx.prisma, document, unit.id, args.asOf);

  const groups = new Map<number, { name: string; units: RequiredUnit[] }>();
  for (const u of units) {
    const group = groups.get(u.groupId) ?? { name: u.groupName, units: [] };
    group.units.push(u);
    groups.set(u.groupId, group);
  }
  const wanted = new Set(args.status && args.status.length > 0 ? args.status : NOT_ISSUED);
  const listed = units.filter((u) => wanted.has(u.status));
  const page = listed.slice(offset, offset + first);
  const edges = page.map((node, i) => ({ cursor: encodeCursor(offset + i + 1), node }));
  return {
    documentId: document.id,
    unitId: unit.id,
    asOf: args.asOf,
    total: summarise(unit.id, unit.name, units),
    rows: [...groups].map(([id, g]) => summarise(id, g.name, g.units)),
    units: {
      totalCount: listed.length,
      edges,
      pageInfo: {
        hasNextPage: offset + first < listed.length,
        endCursor: edges.length ? edges[edges.length - 1]!.cursor : null,
      },
    },
  };
}

// ───────────────────────────── plans and reviews ─────────────────────────────

export async function recordImplementationPlan(
  ctx: Context,
  args: {
    documentId: number;
    unitId: number;
    kind: PlanKind;
    issuedOn: IsoDate;
    reference: string;
  },
): Promise<ImplementationPlan> {
  if (blank(args.reference)) throw badInput("reference", "Give the plan's number, e.g. 15-KH/ĐU");
  return mutate(ctx, async (tx, audit) => {
    const unit = await writableUnit(ctx, tx, args.unitId, "implementation plans");
    const document = await getDocument(ctx, args.documentId, tx);
    if (args.issuedOn < isoFromDate(document.issuedOn))
      throw badInput("issuedOn", `A plan cannot be issued before ${document.number}`);
    if (args.issuedOn > ctx.today)
      throw badInput("issuedOn", "A plan cannot be recorded before it is issued");
    if (!existedOn(unit, args.issuedOn))
      throw badInput("issuedOn", "The unit did not exist on that date");
    const required = await requiredUnits(tx, document, unit.id, ctx.today);
    if (!required.some((r) => r.unitId === unit.id))
      throw badInput(
        "unitId",
        `${unit.name} is not required to issue a programme or plan for ${document.number}`,
      );
    const existing = await tx.implementationPlan.findUnique({
      where: { documentId_unitId: { documentId: document.id, unitId: unit.id } },
    });
    const data = {
      kind: args.kind,
      issuedOn: dateFromIso(args.issuedOn),
      reference: args.reference.trim(),
    };
    const plan = await tx.implementationPlan.upsert({
      where: { documentId_unitId: { documentId: document.id, unitId: unit.id } },
      create: { ...data, documentId: document.id, unitId: unit.id },
      update: data,
    });
    audit({
      operation: "recordImplementationPlan",
      entity: "ImplementationPlan",
      entityId: plan.id,
      unitId: unit.id,
      before: existing ?? undefined,
      after: plan,
    });
    return plan;
  });
}

/** Records a unit's mid-term or final review of a document; one of each kind per unit (again: corrects it). */
export async function recordDocumentReview(
  ctx: Context,
  args: {
    documentId: number;
    unitId: number;
    kind: ReviewKind;
    heldOn: IsoDate;
    summary?: string | null;
  },
): Promise<DocumentReview> {
  return mutate(ctx, async (tx, audit) => {
    const unit = await writableUnit(ctx, tx, args.unitId, "reviews");
    const document = await getDocument(ctx, args.documentId, tx);
    if (args.heldOn < isoFromDate(document.issuedOn))
      throw badInput("heldOn", `A review cannot be held before ${document.number} was issued`);
    if (args.heldOn > ctx.today)
      throw badInput("heldOn", "A review cannot be recorded before it is held");
    if (!existedOn(unit, args.heldOn))
      throw badInput("heldOn", "The unit did not exist on that date");
    await lockDocument(tx, document.id, LOCK_REVIEW);
    const existing = await tx.documentReview.findFirst({
      where: { documentId: document.id, unitId: unit.id, kind: args.kind },
      orderBy: { id: "asc" },
    });
    const data = {
      heldOn: dateFromIso(args.heldOn),
      summary: blank(args.summary) ? null : args.summary!.trim(),
    };
    const review = existing
      ? await tx.documentReview.update({ where: { id: existing.id }, data })
      : await tx.documentReview.create({
          data: { ...data, documentId: document.id, unitId: unit.id, kind: args.kind },
        });
    audit({
      operation: "recordDocumentReview",
      entity: "DocumentReview",
      entityId: review.id,
      unitId: unit.id,
      before: existing ?? undefined,
      after: review,
    });
    return review;
  });
}
