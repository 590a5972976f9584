import { Prisma, type Conference } from "@dangbo/db";
import {
  conferenceAttendance,
  ConferenceKind,
  dateFromIso,
  isoFromDate,
  type Audience,
  type ConferenceFormat,
  type IsoDate,
  type OrgUnitKind,
} from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { badInput, forbidden, notFound } from "../../graphql/errors.ts";
import { parseId, parseOptionalId } from "../../graphql/ids.ts";
import { encodeCursor, pageRequest, type PageArgs } from "../../graphql/pagination.ts";
import { mutate, type Tx } from "../audit/audit.service.ts";
import { and } from "../committee/committee.access.ts";
import { assertUnitVisible, getUnit } from "../committee/committee.service.ts";
import { periodInfo } from "../dashboard/dashboard.service.ts";
import type { DashboardPeriod } from "../dashboard/dashboard.period.ts";
import { conferenceScopeOf, documentScope, isWritableUnit, scopeOf } from "./document.access.ts";
import { blank, getDocument } from "./document.service.ts";
import type { RecordConferenceInput, UpdateConferenceInput } from "./document.input.ts";
import type {
  ConferenceKindTotal,
  DisseminationRow,
  DisseminationSummary,
} from "./document.type.ts";

const CONFERENCE_KINDS = Object.values(ConferenceKind);

export function conferenceScope(ctx: Context): Prisma.ConferenceWhereInput {
  return conferenceScopeOf(scopeOf(ctx));
}

/** A conference the caller may see, or NOT_FOUND. */
export async function getConference(ctx: Context, id: number): Promise<Conference> {
  const conference = await ctx.prisma.conference.findFirst({
    where: and<Prisma.ConferenceWhereInput>({ id }, conferenceScope(ctx)),
  });
  if (!conference) throw notFound("Conference", id);
  return conference;
}

export interface ListConferencesArgs extends PageArgs {
  unitId?: string | null;
  includeSubtree?: boolean | null;
  kind?: ConferenceKind | null;
  documentId?: string | null;
  from?: IsoDate | null;
  to?: IsoDate | null;
}

/**
 * Conferences of a unit, newest first. With the subtree, a conference belongs to the units its
 * organiser was under on the day it was held (as in the panel), so a unit moved elsewhere
 * later does not take its past conferences along. The scope of the caller is part of the SQL.
 */
export async function listConferences(ctx: Context, args: ListConferencesArgs) {
  const page = pageRequest(args);
  const unitId = parseOptionalId(args.unitId, "unitId") ?? ctx.viewer!.unitId;
  await assertUnitVisible(ctx, unitId);
  const documentId = parseOptionalId(args.documentId, "documentId");
  if (documentId !== null) await getDocument(ctx, documentId);
  const viewerUnit = ctx.viewer!.unitId;
  const conditions: Prisma.Sql[] = [
    Prisma.sql`EXISTS (SELECT 1 FROM org_unit_closure v WHERE v.descendant_id = f.organiser_unit_id AND v.ancestor_id = ${viewerUnit})`,
    args.includeSubtree === false
      ? Prisma.sql`f.organiser_unit_id = ${unitId}`
      : Prisma.sql`EXISTS (SELECT 1 FROM org_unit_closure c WHERE c.descendant_id = f.organiser_unit_id AND c.ancestor_id = ${unitId}
          AND c.valid_from <= f.held_on AND (c.valid_to IS NULL OR c.valid_to > f.held_on))`,
  ];
  if (args.kind) conditions.push(Prisma.sql`f.kind::text = ${args.kind}`);
  if (documentId !== null)
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM conference_document cd WHERE cd.conference_id = f.id AND cd.document_id = ${documentId})`,
    );
  if (args.from) conditions.push(Prisma.sql`f.held_on >= ${args.from}::date`);
  if (args.to) conditions.push(Prisma.sql`f.held_on <= ${args.to}::date`);
  const where = Prisma.join(conditions, " AND ");
  const after =
    page.afterId === null
      ? Prisma.sql`TRUE`
      : Prisma.sql`(f.held_on, f.id) < (SELECT a.held_on, a.id FROM conference a WHERE a.id = ${page.afterId})`;
  const [ids, [count]] = await Promise.all([
    page.take === 0
      ? Promise.resolve([] as { id: number }[])
      : ctx.prisma.$queryRaw<{ id: number }[]>`
          SELECT f.id FROM conference f WHERE ${where} AND ${after}
          ORDER BY f.held_on DESC, f.id DESC LIMIT ${page.take + 1}`,
    ctx.prisma.$queryRaw<
      { n: number }[]
    >`SELECT COUNT(*)::int AS n FROM conference f WHERE ${where}`,
  ]);
  const hasNextPage = ids.length > page.take;
  const pageIds = ids.slice(0, page.take).map((r) => r.id);
  const rows = await ctx.prisma.conference.findMany({ where: { id: { in: pageIds } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const edges = pageIds.map((id) => ({ cursor: encodeCursor(id), node: byId.get(id)! }));
  return {
    totalCount: count!.n,
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1]!.cursor : null },
  };
}

interface ConferenceDraft {
  kind: ConferenceKind;
  title: string;
  organiserUnitId: number;
  heldOn: IsoDate;
  format: ConferenceFormat;
  audience: Audience;
  attendeeCount: number | null;
  documentIds: number[];
  memberIds: number[] | null;
}

function parseIds(values: readonly string[] | null | undefined, field: string): number[] | null {
  return values === undefined || values === null
    ? null
    : values.map((v, i) => parseId(v, `${field}.${i}`));
}

function assertDistinct(ids: number[], field: string, what: string): void {
  const seen = new Set<number>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw badInput(`${field}.${i}`, `${what} is listed twice`);
    seen.add(id);
  });
}

/** Checks a conference against the rules; returns the attendee count to store. */
async function validateConference(ctx: Context, tx: Tx, c: ConferenceDraft): Promise<number> {
  if (!(await isWritableUnit(ctx, tx, c.organiserUnitId)))
    throw forbidden("You may record conferences only of your own unit or units below it");
  if (blank(c.title)) throw badInput("title", "A conference needs a title");
  if (c.heldOn > ctx.today)
    throw badInput("heldOn", "A conference cannot be recorded before it is held");
  const organiser = await tx.orgUnit.findUniqueOrThrow({ where: { id: c.organiserUnitId } });
  const day = dateFromIso(c.heldOn);
  if (organiser.validFrom > day || (organiser.validTo !== null && organiser.validTo <= day))
    throw badInput("heldOn", "The organising unit did not exist on that date");

  assertDistinct(c.documentIds, "documentIds", "A document");
  if (c.kind === ConferenceKind.DISSEMINATION && c.documentIds.length === 0)
    throw badInput("documentIds", "A dissemination conference covers at least one document");
  if (c.documentIds.length > 0) {
    const documents = await tx.document.findMany({
      where: and<Prisma.DocumentWhereInput>({ id: { in: c.documentIds } }, documentScope(ctx)),
      select: { id: true, number: true, issuedOn: true },
    });
    const byId = new Map(documents.map((d) => [d.id, d]));
    c.documentIds.forEach((id, i) => {
      const document = byId.get(id);
      if (!document) throw badInput(`documentIds.${i}`, `Document ${id} not found`);
      if (isoFromDate(document.issuedOn) > c.heldOn)
        throw badInput(
          `documentIds.${i}`,
          `${document.number} was issued after the conference: it cannot have been covered`,
        );
    });
  }

  if (c.memberIds && c.memberIds.length > 0) {
    assertDistinct(c.memberIds, "memberIds", "A member");
    const members = await tx.$queryRaw<{ member_id: number }[]>`
      SELECT DISTINCT a.member_id
      FROM member_assignment a
      JOIN org_unit_closure c ON c.descendant_id = a.unit_id AND c.ancestor_id = ${c.organiserUnitId}
        AND c.valid_from <= ${c.heldOn}::date AND (c.valid_to IS NULL OR c.valid_to > ${c.heldOn}::date)
      WHERE a.member_id = ANY(${c.memberIds}::int[])
        AND a.valid_from <= ${c.heldOn}::date AND (a.valid_to IS NULL OR a.valid_to > ${c.heldOn}::date)`;
    const inside = new Set(members.map((m) => m.member_id));
    const stranger = c.memberIds.findIndex((id) => !inside.has(id));
    if (stranger >= 0)
      throw badInput(
        `memberIds.${stranger}`,
        "This person was not a member of the organising unit's subtree on the conference's date",
      );
  }
  const attendance = conferenceAttendance(c.attendeeCount, c.memberIds?.length ?? null);
  if (!attendance.ok) throw badInput("attendeeCount", attendance.message);
  return attendance.count;
}

async function conferenceSnapshot(tx: Tx, id: number) {
  const conference = await tx.conference.findUniqueOrThrow({
    where: { id },
    include: {
      documents: { select: { documentId: true }, orderBy: { documentId: "asc" } },
      attendees: { select: { memberId: true }, orderBy: { memberId: "asc" } },
    },
  });
  const { documents, attendees, ...rest } = conference;
  return {
    ...rest,
    documentIds: documents.map((d) => d.documentId),
    memberIds: attendees.map((a) => a.memberId),
  };
}

export async function recordConference(
  ctx: Context,
  input: RecordConferenceInput,
): Promise<Conference> {
  const draft: ConferenceDraft = {
    kind: input.kind,
    title: input.title?.trim() ?? "",
    organiserUnitId: parseId(input.organiserUnitId, "organiserUnitId"),
    heldOn: input.heldOn,
    format: input.format,
    audience: input.audience,
    attendeeCount: input.attendeeCount ?? null,
    documentIds: parseIds(input.documentIds, "documentIds") ?? [],
    memberIds: parseIds(input.memberIds, "memberIds"),
  };
  return mutate(ctx, async (tx, audit) => {
    const attendeeCount = await validateConference(ctx, tx, draft);
    const conference = await tx.conference.create({
      data: {
        kind: draft.kind,
        title: draft.title,
        organiserUnitId: draft.organiserUnitId,
        heldOn: dateFromIso(draft.heldOn),
        format: draft.format,
        audience: draft.audience,
        attendeeCount,
        documents: {
          createMany: { data: draft.documentIds.map((documentId) => ({ documentId })) },
        },
        attendees: {
          createMany: { data: (draft.memberIds ?? []).map((memberId) => ({ memberId })) },
        },
      },
    });
    audit({
      operation: "recordConference",
      entity: "Conference",
      entityId: conference.id,
      unitId: draft.organiserUnitId,
      after: await conferenceSnapshot(tx, conference.id),
    });
    return conference;
  });
}

export async function updateConference(
  ctx: Context,
  id: number,
  input: UpdateConferenceInput,
): Promise<Conference> {
  const organiserUnitId = parseOptionalId(input.organiserUnitId, "organiserUnitId");
  const documentIds = parseIds(input.documentIds, "documentIds");
  const memberIds = parseIds(input.memberIds, "memberIds");
  return mutate(ctx, async (tx, audit) => {
    const current = await tx.conference.findFirst({
      where: and<Prisma.ConferenceWhereInput>({ id }, conferenceScope(ctx)),
    });
    if (!current || !(await isWritableUnit(ctx, tx, current.organiserUnitId)))
      throw forbidden("You may change only conferences of your own unit or units below it");
    const before = await conferenceSnapshot(tx, id);
    // A count that was the length of the old list follows a new list; a typed count stays.
    const derived =
      before.memberIds.length > 0 && current.attendeeCount === before.memberIds.length;
    const draft: ConferenceDraft = {
      kind: input.kind ?? (current.kind as ConferenceKind),
      title: input.title === undefined || input.title === null ? current.title : input.title.trim(),
      organiserUnitId: organiserUnitId ?? current.organiserUnitId,
      heldOn: input.heldOn ?? isoFromDate(current.heldOn),
      format: input.format ?? (current.format as ConferenceFormat),
      audience: input.audience ?? (current.audience as Audience),
      attendeeCount:
        input.attendeeCount !== undefined && input.attendeeCount !== null
          ? input.attendeeCount
          : memberIds !== null && derived
            ? null
            : current.attendeeCount,
      documentIds: documentIds ?? before.documentIds,
      memberIds: memberIds ?? before.memberIds,
    };
    const attendeeCount = await validateConference(ctx, tx, draft);
    if (documentIds !== null) {
      await tx.conferenceDocument.deleteMany({ where: { conferenceId: id } });
      await tx.conferenceDocument.createMany({
        data: documentIds.map((documentId) => ({ conferenceId: id, documentId })),
      });
    }
    if (memberIds !== null) {
      await tx.conferenceAttendee.deleteMany({ where: { conferenceId: id } });
      await tx.conferenceAttendee.createMany({
        data: memberIds.map((memberId) => ({ conferenceId: id, memberId })),
      });
    }
    const updated = await tx.conference.update({
      where: { id },
      data: {
        kind: draft.kind,
        title: draft.title,
        organiserUnitId: draft.organiserUnitId,
        heldOn: dateFromIso(draft.heldOn),
        format: draft.format,
        audience: draft.audience,
        attendeeCount,
      },
    });
    audit({
      operation: "updateConference",
      entity: "Conference",
      entityId: id,
      unitId: draft.organiserUnitId,
      before,
      after: await conferenceSnapshot(tx, id),
    });
    return updated;
  });
}

// ───────────────────────────── the dissemination panel ─────────────────────────────

interface SummarySqlRow {
  id: number;
  ord: number;
  name: string;
  unit_kind: OrgUnitKind;
  current: boolean;
  kinds: [ConferenceKind, number, number][];
}

/**
 * The panel in one statement: conferences of the subtree in the period, by kind, split by the
 * direct subordinate the organiser was under on the day it was held (closure depth − 1 from
 * the organiser), plus those organised by the unit itself.
 */
export function disseminationSql(unitId: number, p: DashboardPeriod): Prisma.Sql {
  const tree = Prisma.sql`${p.treeDate}::date`;
  return Prisma.sql`
    WITH subs AS (
      SELECT c.descendant_id AS id,
             bool_or(c.valid_from <= ${tree} AND (c.valid_to IS NULL OR c.valid_to > ${tree})) AS current
      FROM org_unit_closure c
      WHERE c.ancestor_id = ${unitId} AND c.depth = 1
        AND c.valid_from < ${p.to}::date AND (c.valid_to IS NULL OR c.valid_to > ${p.from}::date)
      GROUP BY c.descendant_id
    ), conf AS (
      -- The group: the organiser's ancestor one level below the unit on the day (the unit itself
      -- when it organised the conference).
      SELECT f.kind::text AS kind, f.attendee_count, COALESCE(x.ancestor_id, ${unitId}::int) AS group_id
      FROM conference f
      JOIN org_unit_closure c ON c.descendant_id = f.organiser_unit_id AND c.ancestor_id = ${unitId}
        AND c.valid_from <= f.held_on AND (c.valid_to IS NULL OR c.valid_to > f.held_on)
      LEFT JOIN org_unit_closure x ON x.descendant_id = f.organiser_unit_id AND x.depth = c.depth - 1
        AND x.valid_from <= f.held_on AND (x.valid_to IS NULL OR x.valid_to > f.held_on)
      WHERE f.held_on >= ${p.from}::date AND f.held_on < ${p.to}::date
    ), agg AS (
      SELECT group_id, json_agg(json_build_array(kind, n, attendees)) AS kinds
      FROM (
        SELECT group_id, kind, COUNT(*)::int AS n, COALESCE(SUM(attendee_count), 0)::int AS attendees
        FROM conf GROUP BY 1, 2
      ) k
      GROUP BY group_id
    ), ids AS (
      SELECT ${unitId}::int AS id, TRUE AS current, 0 AS ord
      UNION ALL SELECT id, current, 1 FROM subs
    )
    SELECT ids.id, ids.ord, u.name, u.kind::text AS unit_kind, ids.current,
           COALESCE(agg.kinds, '[]'::json) AS kinds
    FROM ids JOIN org_unit u ON u.id = ids.id
    LEFT JOIN agg ON agg.group_id = ids.id
    ORDER BY ids.ord, u.name_search, u.id`;
}

function disseminationRow(
  base: Pick<DisseminationRow, "unitId" | "name" | "kind" | "current">,
  kinds: [ConferenceKind, number, number][],
): DisseminationRow {
  const byKind: ConferenceKindTotal[] = CONFERENCE_KINDS.map((kind) => {
    const found = kinds.find((k) => k[0] === kind);
    return { kind, conferences: found?.[1] ?? 0, attendees: found?.[2] ?? 0 };
  });
  return {
    ...base,
    byKind,
    conferences: byKind.reduce((s, k) => s + k.conferences, 0),
    attendees: byKind.reduce((s, k) => s + k.attendees, 0),
  };
}

export async function disseminationSummary(
  ctx: Context,
  unitId: number,
  p: DashboardPeriod,
): Promise<DisseminationSummary> {
  const unit = await getUnit(ctx, unitId, p.treeDate);
  const result = await ctx.prisma.$queryRaw<SummarySqlRow[]>(disseminationSql(unitId, p));
  const [ownRow, ...subRows] = result;
  const base = { unitId: unit.id, name: unit.name, kind: unit.kind as OrgUnitKind, current: true };
  const own = disseminationRow(base, ownRow?.kinds ?? []);
  const rows = subRows.map((r) =>
    disseminationRow(
      { unitId: r.id, name: r.name, kind: r.unit_kind, current: r.current },
      r.kinds,
    ),
  );
  const totals = new Map<ConferenceKind, [number, number]>();
  for (const row of [own, ...rows])
    for (const k of row.byKind) {
      const [n, a] = totals.get(k.kind) ?? [0, 0];
      totals.set(k.kind, [n + k.conferences, a + k.attendees]);
    }
  return {
    period: periodInfo(p),
    unit: disseminationRow(
      base,
      [...totals].map(([kind, [n, a]]) => [kind, n, a]),
    ),
    own,
    rows,
  };
}
