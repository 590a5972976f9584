import {
  Prisma,
  type Conference,
  type Document,
  type DocumentReview,
  type ImplementationPlan,
  type ImplementationRequirement,
  type Meeting,
  type Member,
  type OrgUnit,
  type PrismaClient,
  type StudyTheme,
} from "@dangbo/db";
import DataLoader from "dataloader";
import { groupBy } from "../../lib/loaders.ts";
import {
  conferenceScopeOf,
  documentScopeOf,
  planScopeOf,
  requirementScopeOf,
  reviewScopeOf,
  unitsIn,
} from "./document.access.ts";

/** How many of a document's conferences, plans, reviews and meetings its page lists. */
export const LATEST_LIMIT = 10;
export const LATEST_MEETINGS_LIMIT = 5;

/** A loader key: a record id seen by a caller whose scope is the subtree of `scope`. */
export interface ScopedKey {
  id: number;
  scope: number | null;
}

/**
 * A DataLoader over (id, caller's unit) keys: what a record shows depends on who looks, so the
 * scope is part of the key. One query per distinct scope in a batch (one per request).
 */
function scopedLoader<V>(
  batch: (ids: number[], scope: number | null) => Promise<Map<number, V>>,
  missing: () => V,
): DataLoader<ScopedKey, V, string> {
  const keyOf = (k: ScopedKey) => `${k.scope ?? "-"}|${k.id}`;
  return new DataLoader<ScopedKey, V, string>(
    async (keys) => {
      const byScope = new Map<number | null, number[]>();
      for (const k of keys) byScope.set(k.scope, [...(byScope.get(k.scope) ?? []), k.id]);
      const results = new Map<string, V>();
      await Promise.all(
        [...byScope].map(async ([scope, ids]) => {
          const values = await batch([...new Set(ids)], scope);
          for (const id of ids) results.set(keyOf({ id, scope }), values.get(id) ?? missing());
        }),
      );
      return keys.map((k) => results.get(keyOf(k)) ?? missing());
    },
    { cacheKeyFn: keyOf },
  );
}

export interface DocumentStats {
  conferences: number;
  attendees: number;
  plans: number;
  reviews: number;
  meetings: number;
}

const NO_STATS: DocumentStats = { conferences: 0, attendees: 0, plans: 0, reviews: 0, meetings: 0 };

/** Ids of each document's newest rows (by `order`), at most `limit` per document, in order. */
async function latestIds(
  prisma: PrismaClient,
  sql: Prisma.Sql,
  limit: number,
): Promise<Map<number, number[]>> {
  const rows = await prisma.$queryRaw<{ document_id: number; id: number }[]>`
    SELECT document_id, id FROM (
      SELECT x.document_id, x.id, ROW_NUMBER() OVER (PARTITION BY x.document_id ORDER BY x.on_date DESC, x.id DESC) AS n
      FROM (${sql}) x
    ) ranked
    WHERE n <= ${limit}
    ORDER BY document_id, n`;
  const grouped = groupBy(rows, (r) => r.document_id);
  return new Map([...grouped].map(([doc, list]) => [doc, list.map((r) => r.id)]));
}

/** Rows fetched by id, in the order of each document's id list. */
function inOrder<T extends { id: number }>(
  ids: Map<number, number[]>,
  rows: T[],
): Map<number, T[]> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return new Map(
    [...ids].map(([doc, list]) => [
      doc,
      list.map((id) => byId.get(id)).filter((r) => r !== undefined),
    ]),
  );
}

/** SQL: units that are or were in the subtree of `scope`. */
const inScope = (column: Prisma.Sql, scope: number | null) =>
  scope === null
    ? Prisma.sql`FALSE`
    : Prisma.sql`EXISTS (SELECT 1 FROM org_unit_closure s WHERE s.descendant_id = ${column} AND s.ancestor_id = ${scope})`;

export function createDocumentLoaders(prisma: PrismaClient) {
  return {
    /** A unit, if it is or was in the caller's subtree (units above the caller stay hidden). */
    visibleUnitById: scopedLoader<OrgUnit | null>(
      async (ids, scope) => {
        const rows = await prisma.orgUnit.findMany({
          where: { AND: [{ id: { in: ids } }, unitsIn(scope)] },
        });
        return new Map(rows.map((u) => [u.id, u]));
      },
      () => null,
    ),

    /** A document the caller may read, or null. */
    documentById: scopedLoader<Document | null>(
      async (ids, scope) => {
        const rows = await prisma.document.findMany({
          where: { AND: [{ id: { in: ids } }, documentScopeOf(scope)] },
        });
        return new Map(rows.map((d) => [d.id, d]));
      },
      () => null,
    ),

    /** Readable documents a document replaces. */
    replacesOf: scopedLoader<Document[]>(
      async (ids, scope) => {
        const links = await prisma.documentReplacement.findMany({
          where: { documentId: { in: ids }, replaces: documentScopeOf(scope) },
          include: { replaces: true },
          orderBy: [{ replaces: { issuedOn: "desc" } }, { replacesId: "desc" }],
        });
        const grouped = groupBy(links, (l) => l.documentId);
        return new Map([...grouped].map(([id, list]) => [id, list.map((l) => l.replaces)]));
      },
      () => [],
    ),

    /** Readable documents that replace a document. */
    replacedByOf: scopedLoader<Document[]>(
      async (ids, scope) => {
        const links = await prisma.documentReplacement.findMany({
          where: { replacesId: { in: ids }, document: documentScopeOf(scope) },
          include: { document: true },
          orderBy: [{ document: { issuedOn: "desc" } }, { documentId: "desc" }],
        });
        const grouped = groupBy(links, (l) => l.replacesId);
        return new Map([...grouped].map(([id, list]) => [id, list.map((l) => l.document)]));
      },
      () => [],
    ),

    /** What is attached to each document within the caller's subtree, counted in one statement. */
    statsOf: scopedLoader<DocumentStats>(
      async (ids, scope) => {
        const rows = await prisma.$queryRaw<(DocumentStats & { id: number })[]>`
        WITH ids AS (SELECT unnest(${ids}::int[]) AS id),
        conf AS (
          SELECT cd.document_id AS id, COUNT(*)::int AS n, COALESCE(SUM(f.attendee_count), 0)::int AS attendees
          FROM conference_document cd JOIN conference f ON f.id = cd.conference_id
          WHERE cd.document_id = ANY(${ids}::int[]) AND ${inScope(Prisma.sql`f.organiser_unit_id`, scope)}
          GROUP BY 1
        ), plans AS (
          SELECT p.document_id AS id, COUNT(*)::int AS n FROM implementation_plan p
          WHERE p.document_id = ANY(${ids}::int[]) AND ${inScope(Prisma.sql`p.unit_id`, scope)}
          GROUP BY 1
        ), reviews AS (
          SELECT r.document_id AS id, COUNT(*)::int AS n FROM document_review r
          WHERE r.document_id = ANY(${ids}::int[]) AND ${inScope(Prisma.sql`r.unit_id`, scope)}
          GROUP BY 1
        ), meetings AS (
          SELECT m.document_id AS id, COUNT(*)::int AS n FROM meeting m
          WHERE m.document_id = ANY(${ids}::int[]) AND NOT m.draft AND ${inScope(Prisma.sql`m.unit_id`, scope)}
          GROUP BY 1
        )
        SELECT ids.id,
               COALESCE(conf.n, 0)::int AS conferences, COALESCE(conf.attendees, 0)::int AS attendees,
               COALESCE(plans.n, 0)::int AS plans, COALESCE(reviews.n, 0)::int AS reviews,
               COALESCE(meetings.n, 0)::int AS meetings
        FROM ids
        LEFT JOIN conf ON conf.id = ids.id
        LEFT JOIN plans ON plans.id = ids.id
        LEFT JOIN reviews ON reviews.id = ids.id
        LEFT JOIN meetings ON meetings.id = ids.id`;
        return new Map(rows.map(({ id, ...stats }) => [id, stats]));
      },
      () => NO_STATS,
    ),

    latestConferencesOf: scopedLoader<Conference[]>(
      async (ids, scope) => {
        const latest = await latestIds(
          prisma,
          Prisma.sql`SELECT cd.document_id, f.id, f.held_on AS on_date
          FROM conference_document cd JOIN conference f ON f.id = cd.conference_id
          WHERE cd.document_id = ANY(${ids}::int[]) AND ${inScope(Prisma.sql`f.organiser_unit_id`, scope)}`,
          LATEST_LIMIT,
        );
        const rows = await prisma.conference.findMany({
          where: { AND: [{ id: { in: [...latest.values()].flat() } }, conferenceScopeOf(scope)] },
        });
        return inOrder(latest, rows);
      },
      () => [],
    ),

    latestPlansOf: scopedLoader<ImplementationPlan[]>(
      async (ids, scope) => {
        const latest = await latestIds(
          prisma,
          Prisma.sql`SELECT p.document_id, p.id, p.issued_on AS on_date FROM implementation_plan p
          WHERE p.document_id = ANY(${ids}::int[]) AND ${inScope(Prisma.sql`p.unit_id`, scope)}`,
          LATEST_LIMIT,
        );
        const rows = await prisma.implementationPlan.findMany({
          where: { AND: [{ id: { in: [...latest.values()].flat() } }, planScopeOf(scope)] },
        });
        return inOrder(latest, rows);
      },
      () => [],
    ),

    latestReviewsOf: scopedLoader<DocumentReview[]>(
      async (ids, scope) => {
        const latest = await latestIds(
          prisma,
          Prisma.sql`SELECT r.document_id, r.id, r.held_on AS on_date FROM document_review r
          WHERE r.document_id = ANY(${ids}::int[]) AND ${inScope(Prisma.sql`r.unit_id`, scope)}`,
          LATEST_LIMIT,
        );
        const rows = await prisma.documentReview.findMany({
          where: { AND: [{ id: { in: [...latest.values()].flat() } }, reviewScopeOf(scope)] },
        });
        return inOrder(latest, rows);
      },
      () => [],
    ),

    latestMeetingsOf: scopedLoader<Meeting[]>(
      async (ids, scope) => {
        const latest = await latestIds(
          prisma,
          Prisma.sql`SELECT m.document_id, m.id, m.held_at AS on_date FROM meeting m
          WHERE m.document_id = ANY(${ids}::int[]) AND NOT m.draft AND ${inScope(Prisma.sql`m.unit_id`, scope)}`,
          LATEST_MEETINGS_LIMIT,
        );
        const rows = await prisma.meeting.findMany({
          where: { AND: [{ id: { in: [...latest.values()].flat() } }, { unit: unitsIn(scope) }] },
        });
        return inOrder(latest, rows);
      },
      () => [],
    ),

    /** Requirements of each document the caller may see: set in or above the caller's subtree. */
    requirementsOf: scopedLoader<ImplementationRequirement[]>(
      async (ids, scope) => {
        const rows = await prisma.implementationRequirement.findMany({
          where: { AND: [{ documentId: { in: ids } }, requirementScopeOf(scope)] },
          orderBy: [{ dueOn: "asc" }, { id: "asc" }],
        });
        return groupBy(rows, (r) => r.documentId);
      },
      () => [],
    ),

    /** Study themes that follow a document (themes are the province's: visible to all). */
    studyThemesOf: new DataLoader<number, StudyTheme[]>(async (ids) => {
      const rows = await prisma.studyTheme.findMany({
        where: { documentId: { in: [...ids] } },
        orderBy: { year: "desc" },
      });
      const grouped = groupBy(rows, (r) => r.documentId!);
      return ids.map((id) => grouped.get(id) ?? []);
    }),

    /** Documents a conference covers, as far as the caller may read them. */
    documentsOfConference: scopedLoader<Document[]>(
      async (ids, scope) => {
        const links = await prisma.conferenceDocument.findMany({
          where: { conferenceId: { in: ids }, document: documentScopeOf(scope) },
          include: { document: true },
          orderBy: [{ document: { issuedOn: "desc" } }, { documentId: "desc" }],
        });
        const grouped = groupBy(links, (l) => l.conferenceId);
        return new Map([...grouped].map(([id, list]) => [id, list.map((l) => l.document)]));
      },
      () => [],
    ),

    /** Named attendees of each conference, by name. */
    attendeesOf: new DataLoader<number, Member[]>(async (ids) => {
      const rows = await prisma.conferenceAttendee.findMany({
        where: { conferenceId: { in: [...ids] } },
        include: { member: true },
        orderBy: [{ member: { nameSearch: "asc" } }, { memberId: "asc" }],
      });
      const grouped = groupBy(rows, (r) => r.conferenceId);
      return ids.map((id) => (grouped.get(id) ?? []).map((r) => r.member));
    }),
  };
}
