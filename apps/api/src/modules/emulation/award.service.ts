import { Prisma, type Award } from "@dangbo/db";
import {
  addDaysIso,
  AwardKind,
  awardProblem,
  CERTIFICATE_KINDS,
  dateFromIso,
  FLAG_KINDS,
  TITLE_KINDS,
  yearPeriod,
  type AwardProblem,
  type IsoDate,
  type OrgUnitKind,
} from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { badInput, conflict, forbidden, notFound } from "../../graphql/errors.ts";
import { parseOptionalId } from "../../graphql/ids.ts";
import { paginate, pageRequest, type PageArgs } from "../../graphql/pagination.ts";
import { mutate } from "../audit/audit.service.ts";
import { and } from "../committee/committee.access.ts";
import { assertUnitVisible, getUnit } from "../committee/committee.service.ts";
import { memberScope } from "../member/member.access.ts";
import type { RecordAwardInput } from "./award.input.ts";
import type {
  AwardKindCount,
  AwardRecipient,
  AwardSummary,
  AwardSummaryRow,
} from "./award.type.ts";
import { awardScope, campaignScope, everInSubtree } from "./emulation.access.ts";
import { optionalText, requiredText, writableUnit } from "./emulation.common.ts";
import { validAt } from "./emulation.sql.ts";

const AWARD_ORDER = [
  { yearTo: "desc" as const },
  { decidedOn: "desc" as const },
  { id: "desc" as const },
];

export interface ListAwardsArgs extends PageArgs {
  unitId: number | null;
  includeSubtree: boolean;
  memberId: number | null;
  kind?: AwardKind | null;
  recipient?: AwardRecipient | null;
  year?: number | null;
}

/**
 * Awards the caller may see, newest first. With a unit and its subtree: awards of units that are
 * or were in the subtree, and of members whose cell (now, or the last one) is or was in it — like
 * every list, nothing disappears from a committee's list when a unit moves away later.
 */
export async function listAwards(ctx: Context, args: ListAwardsArgs) {
  const page = pageRequest(args);
  if (args.unitId !== null) await assertUnitVisible(ctx, args.unitId);
  if (args.memberId !== null) {
    const visible = await ctx.prisma.member.count({
      where: and<Prisma.MemberWhereInput>({ id: args.memberId }, memberScope(ctx)),
    });
    if (!visible) throw notFound("Member", args.memberId);
  }
  const where = and<Prisma.AwardWhereInput>(
    awardScope(ctx),
    args.unitId !== null &&
      (args.includeSubtree
        ? {
            OR: [
              { unit: everInSubtree(args.unitId) },
              { member: { unit: everInSubtree(args.unitId) } },
            ],
          }
        : { unitId: args.unitId }),
    args.memberId !== null && { memberId: args.memberId },
    args.kind && { kind: args.kind },
    args.recipient === "UNIT" && { unitId: { not: null } },
    args.recipient === "MEMBER" && { memberId: { not: null } },
    args.year != null && { yearFrom: { lte: args.year }, yearTo: { gte: args.year } },
  );
  return paginate(
    page,
    (p) => ctx.prisma.award.findMany({ where, orderBy: AWARD_ORDER, ...p }),
    () => ctx.prisma.award.count({ where }),
  );
}

const AWARD_PROBLEMS: Record<AwardProblem, [string, string]> = {
  YEAR_RANGE: ["yearFrom", "Years must be between 1930 and 2100"],
  YEARS_REVERSED: ["yearTo", "yearTo must not be before yearFrom"],
  SPAN_TOO_LONG: ["yearFrom", "An award covers at most 10 consecutive years"],
  DECIDED_BEFORE_LAST_YEAR: [
    "decidedOn",
    "An award is decided in or after the last year it recognises",
  ],
  DECIDED_IN_FUTURE: ["decidedOn", "decidedOn cannot be in the future"],
  RECIPIENT_COUNT: ["unitId", "An award goes to exactly one recipient: a unit or a member"],
  FLAG_TO_MEMBER: ["memberId", "Emulation flags are awarded to units, not to members"],
};

export async function recordAward(ctx: Context, input: RecordAwardInput): Promise<Award> {
  const unitId = parseOptionalId(input.unitId, "unitId");
  const memberId = parseOptionalId(input.memberId, "memberId");
  const campaignId = parseOptionalId(input.campaignId, "campaignId");
  const yearTo = input.yearTo ?? input.yearFrom;
  const issuer = requiredText("issuer", input.issuer);
  const decisionNo = requiredText("decisionNo", input.decisionNo);
  const problem = awardProblem(
    {
      kind: input.kind,
      yearFrom: input.yearFrom,
      yearTo,
      decidedOn: input.decidedOn,
      unitId,
      memberId,
    },
    ctx.today,
  );
  if (problem) throw badInput(...AWARD_PROBLEMS[problem]);
  const firstDay = dateFromIso(yearPeriod(input.yearFrom).from);
  const lastDay = dateFromIso(addDaysIso(yearPeriod(yearTo).to, -1));
  return mutate(ctx, async (tx, audit) => {
    let auditUnitId: number;
    if (unitId !== null) {
      const unit = await writableUnit(
        ctx,
        tx,
        unitId,
        "You may record awards only for units and members of your subtree",
      );
      if (unit.validFrom > lastDay || (unit.validTo && unit.validTo <= firstDay))
        throw badInput("unitId", "The unit did not exist in the years the award recognises");
      auditUnitId = unit.id;
    } else {
      const member = await tx.member.findFirst({
        where: and<Prisma.MemberWhereInput>({ id: memberId! }, memberScope(ctx)),
      });
      if (!member)
        throw forbidden("You may record awards only for units and members of your subtree");
      if (member.admittedOn > lastDay)
        throw badInput("memberId", "The person was not yet a member in the years recognised");
      auditUnitId = member.unitId;
    }
    if (campaignId !== null) {
      const campaign = await tx.emulationCampaign.count({
        where: and<Prisma.EmulationCampaignWhereInput>({ id: campaignId }, campaignScope(ctx)),
      });
      if (!campaign) throw badInput("campaignId", "campaignId must be a campaign you may see");
    }
    const duplicate = await tx.award.count({
      where: {
        kind: input.kind,
        decisionNo,
        unitId,
        memberId,
        yearFrom: input.yearFrom,
        yearTo,
      },
    });
    if (duplicate)
      throw conflict("This award is already recorded for this recipient", {
        field: "decisionNo",
      });
    const award = await tx.award.create({
      data: {
        kind: input.kind,
        title: optionalText(input.title),
        issuer,
        decisionNo,
        decidedOn: dateFromIso(input.decidedOn),
        yearFrom: input.yearFrom,
        yearTo,
        unitId,
        memberId,
        campaignId,
      },
    });
    audit({
      operation: "recordAward",
      entity: "Award",
      entityId: award.id,
      unitId: auditUnitId,
      after: award,
    });
    return award;
  });
}

interface AwardAgg {
  group_id: number | null;
  kind: AwardKind;
  to_unit: boolean;
  n: number;
  multi: number;
}

/**
 * Awards of a year in a unit's subtree, by kind and by direct subordinate: one aggregate over the
 * effective-dated closure. An award counts in each year it covers once decided (by asOf); its
 * recipient unit (a member's cell on the tree date, else their current cell) is placed on the
 * tree of the year's last day (or asOf), or of its own last day if it ceased before.
 */
export async function awardSummary(
  ctx: Context,
  unitId: number,
  year: number,
  asOf: IsoDate,
): Promise<AwardSummary> {
  const period = yearPeriod(year);
  if (asOf < period.from) throw badInput("asOf", "asOf is before the year starts");
  const lastDay = addDaysIso(period.to, -1);
  const treeDate = asOf < lastDay ? asOf : lastDay;
  const unit = await getUnit(ctx, unitId, treeDate);
  const scope = ctx.viewer!.unitId;
  const T = Prisma.sql`${treeDate}::date`;
  const [aggs, subs] = await Promise.all([
    ctx.prisma.$queryRaw<AwardAgg[]>`
      WITH a AS (
        SELECT aw.id, aw.kind, aw.unit_id IS NOT NULL AS to_unit, aw.year_to > aw.year_from AS multi,
               COALESCE(aw.unit_id, (
                 SELECT ma.unit_id FROM member_assignment ma
                 WHERE ma.member_id = aw.member_id AND NOT ma.temporary AND ${validAt("ma", T)}
                 ORDER BY ma.valid_from DESC LIMIT 1
               ), m.unit_id) AS rid
        FROM award aw LEFT JOIN member m ON m.id = aw.member_id
        WHERE aw.year_from <= ${year} AND aw.year_to >= ${year} AND aw.decided_on <= ${asOf}::date
      ), placed AS (
        SELECT a.*, LEAST(${T}, COALESCE(u.valid_to - 1, ${T})) AS ref
        FROM a JOIN org_unit u ON u.id = a.rid
        WHERE EXISTS (SELECT 1 FROM org_unit_closure s WHERE s.descendant_id = a.rid AND s.ancestor_id = ${scope})
      )
      SELECT CASE WHEN x.depth = 0 THEN NULL ELSE z.ancestor_id END AS group_id,
             placed.kind::text AS kind, placed.to_unit,
             COUNT(*)::int AS n, COUNT(*) FILTER (WHERE placed.multi)::int AS multi
      FROM placed
      JOIN org_unit_closure x ON x.descendant_id = placed.rid AND x.ancestor_id = ${unitId} AND ${validAt("x", Prisma.sql`placed.ref`)}
      LEFT JOIN org_unit_closure z ON z.descendant_id = placed.rid AND z.depth = x.depth - 1 AND ${validAt("z", Prisma.sql`placed.ref`)}
      GROUP BY 1, 2, 3`,
    ctx.prisma.$queryRaw<{ id: number; name: string; kind: OrgUnitKind; name_search: string }[]>`
      SELECT u.id, u.name, u.kind::text AS kind, u.name_search
      FROM org_unit_closure c JOIN org_unit u ON u.id = c.descendant_id
      WHERE c.ancestor_id = ${unitId} AND c.depth = 1 AND ${validAt("c", T)}
        AND EXISTS (SELECT 1 FROM org_unit_closure s WHERE s.descendant_id = u.id AND s.ancestor_id = ${scope})`,
  ]);

  const rowOf = (
    label: { id: number; name: string; kind: OrgUnitKind },
    rows: AwardAgg[],
    current = true,
  ): AwardSummaryRow => {
    const sum = (pick: (r: AwardAgg) => boolean, value: (r: AwardAgg) => number = (r) => r.n) =>
      rows.filter(pick).reduce((s, r) => s + value(r), 0);
    return {
      unitId: label.id,
      name: label.name,
      kind: label.kind,
      awards: sum(() => true),
      unitAwards: sum((r) => r.to_unit),
      memberAwards: sum((r) => !r.to_unit),
      flags: sum((r) => FLAG_KINDS.includes(r.kind)),
      certificates: sum((r) => CERTIFICATE_KINDS.includes(r.kind)),
      titles: sum((r) => TITLE_KINDS.includes(r.kind)),
      multiYear: sum(
        () => true,
        (r) => r.multi,
      ),
      current,
    };
  };
  const subIds = new Set(subs.map((s) => s.id));
  const formerIds = [
    ...new Set(
      aggs.filter((a) => a.group_id !== null && !subIds.has(a.group_id)).map((a) => a.group_id!),
    ),
  ];
  const former = formerIds.length
    ? await ctx.prisma.orgUnit.findMany({
        where: { id: { in: formerIds } },
        select: { id: true, name: true, kind: true, nameSearch: true },
      })
    : [];
  const bySubordinate = [
    ...subs.map((s) => ({ ...s, current: true })),
    ...former.map((f) => ({ ...f, name_search: f.nameSearch, current: false })),
  ]
    .sort((a, b) => a.name_search.localeCompare(b.name_search) || a.id - b.id)
    .map((s) =>
      rowOf(
        s,
        aggs.filter((a) => a.group_id === s.id),
        s.current,
      ),
    );
  const byKind: AwardKindCount[] = Object.values(AwardKind).map((kind) => {
    const rows = aggs.filter((a) => a.kind === kind);
    return {
      kind,
      awards: rows.reduce((s, r) => s + r.n, 0),
      unitAwards: rows.filter((r) => r.to_unit).reduce((s, r) => s + r.n, 0),
      memberAwards: rows.filter((r) => !r.to_unit).reduce((s, r) => s + r.n, 0),
    };
  });
  return {
    year,
    treeDate,
    asOf,
    total: rowOf(unit, aggs),
    direct: rowOf(
      unit,
      aggs.filter((a) => a.group_id === null),
    ),
    byKind,
    bySubordinate,
  };
}

/** One award the caller may see; NOT_FOUND otherwise (the same as an unknown id). */
export async function getAward(ctx: Context, id: number): Promise<Award> {
  const award = await ctx.prisma.award.findFirst({
    where: and<Prisma.AwardWhereInput>({ id }, awardScope(ctx)),
  });
  if (!award) throw notFound("Award", id);
  return award;
}

/**
 * Removes an award recorded by mistake (a wrong recipient, a duplicate under another decision
 * number). The audit log keeps the award as it was and the reason given.
 */
export async function deleteAward(ctx: Context, id: number, reason: string): Promise<boolean> {
  const why = requiredText("reason", reason);
  if (why.length > 500) throw badInput("reason", "reason must be at most 500 characters");
  return mutate(ctx, async (tx, audit) => {
    const award = await tx.award.findFirst({
      where: and<Prisma.AwardWhereInput>({ id }, awardScope(ctx)),
      include: { member: { select: { unitId: true } } },
    });
    if (!award) throw forbidden("You may remove only awards of your subtree");
    await tx.award.delete({ where: { id } });
    const { member, ...before } = award;
    audit({
      operation: "deleteAward",
      entity: "Award",
      entityId: id,
      unitId: award.unitId ?? member?.unitId ?? null,
      before,
      after: { deleted: true, reason: why },
    });
    return true;
  });
}
