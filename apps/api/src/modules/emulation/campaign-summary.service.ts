import { Prisma } from "@dangbo/db";
import {
  addDaysIso,
  dateFromIso,
  isoFromDate,
  percentOf,
  yearPeriod,
  type IsoDate,
  type OrgUnitKind,
} from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { badInput } from "../../graphql/errors.ts";
import { and } from "../committee/committee.access.ts";
import { getUnit } from "../committee/committee.service.ts";
import { getCampaign } from "./campaign.service.ts";
import type { CampaignSummary, CampaignSummaryRow, UnitNotRegistered } from "./campaign.type.ts";
import { campaignScope, campaignsOf } from "./emulation.access.ts";
import { validAt } from "./emulation.sql.ts";

export interface CampaignSummaryRequest {
  unitId: number;
  year: number | null;
  campaignId: number | null;
  asOf: IsoDate;
  notRegisteredLimit: number;
}

interface Campaign {
  id: number;
  title: string;
  startsOn: Date;
}

/** The kinds of grassroots party organisations (TCCS), the units the reports count. */
export const GRASSROOTS_SQL = Prisma.sql`('GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL')`;

/** Aggregate rows: `grp` 0 = by subordinate (id null = the unit itself), 1 = by campaign, 2 = total. */
interface AggRow {
  grp: number;
  id: number | null;
  registrations: number;
  units: number;
  completed: number;
  progress: number | null;
}

interface PairRow {
  grp: number;
  id: number | null;
  eligible: number;
  registered: number;
}

/**
 * Campaign registrations in a unit's subtree, for every campaign running in a year (that concerns
 * the unit and that the caller may see) or for one campaign. Set-based over the effective-dated
 * closure; a registering unit counts under the subordinate it was in on the tree date (or on its
 * last day, if it ceased before). "Units that have not registered" are grassroots organisations
 * (the units the reports count) of the tree date that the campaign is open to and that have no
 * registration of their own or of a unit below them.
 */
export async function campaignSummary(
  ctx: Context,
  req: CampaignSummaryRequest,
): Promise<CampaignSummary> {
  if ((req.year === null) === (req.campaignId === null))
    throw badInput("year", "Give a year or a campaignId (one of the two)");
  let treeDate: IsoDate;
  let campaigns: Campaign[];
  if (req.campaignId !== null) {
    const campaign = await getCampaign(ctx, req.campaignId);
    const endsOn = isoFromDate(campaign.endsOn);
    treeDate = req.asOf < endsOn ? req.asOf : endsOn;
    campaigns = [campaign];
  } else {
    const year = yearPeriod(req.year!);
    if (req.asOf < year.from) throw badInput("asOf", "asOf is before the year starts");
    const lastDay = addDaysIso(year.to, -1);
    treeDate = req.asOf < lastDay ? req.asOf : lastDay;
    campaigns = [];
  }
  const unit = await getUnit(ctx, req.unitId, treeDate);
  if (req.year !== null) {
    campaigns = await ctx.prisma.emulationCampaign.findMany({
      where: and<Prisma.EmulationCampaignWhereInput>(campaignScope(ctx), campaignsOf(req.unitId), {
        startsOn: { lte: dateFromIso(treeDate) },
        endsOn: { gte: dateFromIso(yearPeriod(req.year).from) },
      }),
      orderBy: [{ startsOn: "desc" }, { id: "desc" }],
    });
  }
  const scope = ctx.viewer!.unitId;
  const ids = campaigns.map((c) => c.id);
  const T = Prisma.sql`${treeDate}::date`;
  const U = req.unitId;

  // Grassroots organisations of the subtree on the tree date, with their subordinate group.
  const grassroots = Prisma.sql`
    SELECT g.descendant_id AS id, CASE WHEN g.depth = 0 THEN NULL ELSE z.ancestor_id END AS group_id
    FROM org_unit_closure g
    JOIN org_unit gu ON gu.id = g.descendant_id AND gu.kind IN ${GRASSROOTS_SQL}
    LEFT JOIN org_unit_closure z ON z.descendant_id = g.descendant_id AND z.depth = g.depth - 1 AND ${validAt("z", T)}
    WHERE g.ancestor_id = ${U} AND ${validAt("g", T)}
      AND EXISTS (SELECT 1 FROM org_unit_closure s WHERE s.descendant_id = g.descendant_id AND s.ancestor_id = ${scope})`;
  // (grassroots organisation, campaign) pairs where the campaign is open to the organisation.
  const pairs = Prisma.sql`
    WITH gr AS MATERIALIZED (${grassroots}),
    registered AS MATERIALIZED (
      -- Every unit with a registration of its own or below it, per campaign: once, not per pair.
      SELECT DISTINCT b.ancestor_id AS unit_id, r.campaign_id
      FROM campaign_registration r
      JOIN org_unit ru ON ru.id = r.unit_id
      JOIN org_unit_closure b ON b.descendant_id = r.unit_id
       AND ${validAt("b", Prisma.sql`LEAST(${T}, COALESCE(ru.valid_to - 1, ${T}))`)}
      WHERE r.campaign_id = ANY(${ids}::int[]) AND r.registered_on <= ${T}
    ),
    pairs AS (
      SELECT gr.id AS unit_id, gr.group_id, c.id AS campaign_id, reg.unit_id IS NOT NULL AS registered
      FROM gr CROSS JOIN unnest(${ids}::int[]) AS c(id)
      LEFT JOIN registered reg ON reg.unit_id = gr.id AND reg.campaign_id = c.id
      WHERE EXISTS (
        SELECT 1 FROM campaign_eligibility e
        JOIN org_unit_closure a ON a.ancestor_id = e.unit_id AND a.descendant_id = gr.id AND ${validAt("a", T)}
        WHERE e.campaign_id = c.id)
    )`;

  const [aggs, pairAggs, missing, subs] = await Promise.all([
    ids.length === 0
      ? Promise.resolve([] as AggRow[])
      : ctx.prisma.$queryRaw<AggRow[]>`
      WITH regs AS (
        SELECT r.id, r.unit_id, r.campaign_id, r.progress,
               (r.completed_on IS NOT NULL AND r.completed_on <= ${T}) AS done,
               LEAST(${T}, COALESCE(u.valid_to - 1, ${T})) AS ref
        FROM campaign_registration r
        JOIN org_unit u ON u.id = r.unit_id
        WHERE r.campaign_id = ANY(${ids}::int[]) AND r.registered_on <= ${T}
          AND EXISTS (SELECT 1 FROM org_unit_closure s WHERE s.descendant_id = r.unit_id AND s.ancestor_id = ${scope})
      ), placed AS (
        SELECT regs.*, CASE WHEN x.depth = 0 THEN NULL ELSE z.ancestor_id END AS group_id
        FROM regs
        JOIN org_unit_closure x ON x.descendant_id = regs.unit_id AND x.ancestor_id = ${U} AND ${validAt("x", Prisma.sql`regs.ref`)}
        LEFT JOIN org_unit_closure z ON z.descendant_id = regs.unit_id AND z.depth = x.depth - 1 AND ${validAt("z", Prisma.sql`regs.ref`)}
      )
      SELECT CASE WHEN GROUPING(group_id) = 0 THEN 0 WHEN GROUPING(campaign_id) = 0 THEN 1 ELSE 2 END AS grp,
             CASE WHEN GROUPING(group_id) = 0 THEN group_id ELSE campaign_id END AS id,
             COUNT(*)::int AS registrations, COUNT(DISTINCT unit_id)::int AS units,
             COUNT(*) FILTER (WHERE done)::int AS completed, AVG(progress)::float8 AS progress
      FROM placed
      GROUP BY GROUPING SETS ((group_id), (campaign_id), ())`,
    ids.length === 0
      ? Promise.resolve([] as PairRow[])
      : ctx.prisma.$queryRaw<PairRow[]>`
      ${pairs}
      SELECT CASE WHEN GROUPING(group_id) = 0 THEN 0 WHEN GROUPING(campaign_id) = 0 THEN 1 ELSE 2 END AS grp,
             CASE WHEN GROUPING(group_id) = 0 THEN group_id ELSE campaign_id END AS id,
             COUNT(*)::int AS eligible, COUNT(*) FILTER (WHERE registered)::int AS registered
      FROM pairs
      GROUP BY GROUPING SETS ((group_id), (campaign_id), ())`,
    ids.length === 0 || req.notRegisteredLimit === 0
      ? Promise.resolve([])
      : ctx.prisma.$queryRaw<
          {
            unit_id: number;
            name: string;
            kind: OrgUnitKind;
            group_id: number | null;
            group_name: string | null;
            campaign_id: number;
          }[]
        >`
      ${pairs}
      SELECT p.unit_id, u.name, u.kind::text AS kind, p.group_id, gu.name AS group_name, p.campaign_id
      FROM pairs p
      JOIN org_unit u ON u.id = p.unit_id
      LEFT JOIN org_unit gu ON gu.id = p.group_id
      WHERE NOT p.registered
      ORDER BY gu.name_search NULLS FIRST, u.name_search, u.id, p.campaign_id DESC
      LIMIT ${req.notRegisteredLimit}`,
    ctx.prisma.$queryRaw<{ id: number; name: string; kind: OrgUnitKind; name_search: string }[]>`
      SELECT u.id, u.name, u.kind::text AS kind, u.name_search
      FROM org_unit_closure c JOIN org_unit u ON u.id = c.descendant_id
      WHERE c.ancestor_id = ${U} AND c.depth = 1 AND ${validAt("c", T)}
        AND EXISTS (SELECT 1 FROM org_unit_closure s WHERE s.descendant_id = u.id AND s.ancestor_id = ${scope})`,
  ]);

  const key = (grp: number, id: number | null) => `${grp}:${id ?? "self"}`;
  const aggOf = new Map(aggs.map((a) => [key(a.grp, a.id), a]));
  const pairOf = new Map(pairAggs.map((p) => [key(p.grp, p.id), p]));
  const row = (
    grp: number,
    id: number | null,
    label: { id: number; name: string; kind: OrgUnitKind | null },
    current = true,
  ): CampaignSummaryRow => {
    const a = aggOf.get(key(grp, id));
    const p = pairOf.get(key(grp, id));
    const registrations = a?.registrations ?? 0;
    const completed = a?.completed ?? 0;
    const eligible = p?.eligible ?? 0;
    const registered = p?.registered ?? 0;
    return {
      id: label.id,
      name: label.name,
      kind: label.kind,
      registrations,
      units: a?.units ?? 0,
      completed,
      completionRate: percentOf(completed, registrations),
      averageProgress:
        a?.progress === null || a?.progress === undefined
          ? null
          : Math.round(Number(a.progress) * 10) / 10,
      eligibleGrassroots: eligible,
      registeredGrassroots: registered,
      notRegisteredGrassroots: eligible - registered,
      current,
    };
  };

  // Subordinates of the tree date, and any former one a ceased unit still counts under.
  const subIds = new Set(subs.map((s) => s.id));
  const formerIds = [
    ...new Set(
      [...aggs, ...pairAggs]
        .filter((a) => a.grp === 0 && a.id !== null && !subIds.has(a.id))
        .map((a) => a.id!),
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
    .map((s) => row(0, s.id, s, s.current));

  const notRegistered: UnitNotRegistered[] = missing.map((m) => ({
    unitId: m.unit_id,
    name: m.name,
    kind: m.kind,
    groupId: m.group_id,
    groupName: m.group_name,
    campaignId: m.campaign_id,
    campaignTitle: campaigns.find((c) => c.id === m.campaign_id)!.title,
  }));
  const total = row(2, null, unit);
  return {
    year: req.year,
    campaignId: req.campaignId,
    treeDate,
    total,
    direct: row(0, null, unit),
    bySubordinate,
    byCampaign: campaigns.map((c) => row(1, c.id, { id: c.id, name: c.title, kind: null })),
    notRegisteredCount: total.notRegisteredGrassroots,
    notRegistered,
  };
}
