import { Prisma, type Document } from "@dangbo/db";
import {
  CENTRAL_ISSUER,
  dateFromIso,
  documentNumberQuery,
  foldVietnamese,
  isoFromDate,
  normaliseIssuer,
  OrgUnitKind,
  parseDocumentNumber,
  type DocumentKind,
  type DocumentNumber,
  type IsoDate,
} from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { badInput, forbidden, notFound } from "../../graphql/errors.ts";
import { parseId, parseOptionalId } from "../../graphql/ids.ts";
import { paginate, pageRequest, type PageArgs } from "../../graphql/pagination.ts";
import { mutate, type Tx } from "../audit/audit.service.ts";
import { and } from "../committee/committee.access.ts";
import {
  documentScope,
  isProvincialWriter,
  isWritableUnit,
  PROVINCIAL_ISSUER,
} from "./document.access.ts";
import type { CreateDocumentInput, UpdateDocumentInput } from "./document.input.ts";

export const blank = (s: string | null | undefined): boolean => !s || s.trim().length === 0;

/** A document the caller may read, or NOT_FOUND (unknown ids and documents of other subtrees alike). */
export async function getDocument(
  ctx: Context,
  id: number,
  db: Tx | Context["prisma"] = ctx.prisma,
): Promise<Document> {
  const document = await db.document.findFirst({
    where: and<Prisma.DocumentWhereInput>({ id }, documentScope(ctx)),
  });
  if (!document) throw notFound("Document", id);
  return document;
}

/** The search box: a number (or part of one), a fragment of a number, or words of the title. */
function searchWhere(search: string | null | undefined): Prisma.DocumentWhereInput | null {
  if (blank(search)) return null;
  const text = search!.trim();
  const alternatives: Prisma.DocumentWhereInput[] = [];
  const number = documentNumberQuery(text);
  if (number) {
    alternatives.push({
      seq: number.seq,
      ...(number.kind && { kind: number.kind }),
      ...(number.issuerPrefix && { issuer: { startsWith: number.issuerPrefix } }),
    });
  }
  // A fragment of a number such as "NQ/TW" or "QD/TU", compared with the canonical form.
  if (/^[\p{L}\d/-]+$/u.test(text) && /[/-]/.test(text)) {
    const fragment = text
      .toUpperCase()
      .replace(/QD/g, "QĐ")
      .replace(/HĐ/g, "HD")
      .replace(/[\u00d0\u0189]/g, "Đ");
    alternatives.push({ number: { contains: fragment } });
  }
  const words = foldVietnamese(text).split(" ").filter(Boolean).slice(0, 10);
  if (words.length > 0)
    alternatives.push({ AND: words.map((word) => ({ titleSearch: { contains: word } })) });
  return { OR: alternatives };
}

export interface ListDocumentsArgs extends PageArgs {
  search?: string | null;
  kind?: DocumentKind | null;
  issuer?: string | null;
  from?: IsoDate | null;
  to?: IsoDate | null;
}

export async function listDocuments(ctx: Context, args: ListDocumentsArgs) {
  const page = pageRequest(args);
  let issuer: string | null = null;
  if (!blank(args.issuer)) {
    issuer = normaliseIssuer(args.issuer!);
    if (!issuer) throw badInput("issuer", "issuer must be an issuer code such as TW, TU or HU");
  }
  const where = and<Prisma.DocumentWhereInput>(
    documentScope(ctx),
    searchWhere(args.search),
    args.kind && { kind: args.kind },
    issuer && { issuer },
    args.from && { issuedOn: { gte: dateFromIso(args.from) } },
    args.to && { issuedOn: { lte: dateFromIso(args.to) } },
  );
  return paginate(
    page,
    (p) =>
      ctx.prisma.document.findMany({
        where,
        orderBy: [{ issuedOn: "desc" }, { id: "desc" }],
        ...p,
      }),
    () => ctx.prisma.document.count({ where }),
  );
}

function parseNumber(text: string): DocumentNumber {
  const result = parseDocumentNumber(text);
  if (!result.ok) throw badInput("number", result.message, { problem: result.problem });
  return result.value;
}

interface DocumentDraft {
  number: DocumentNumber;
  issuedOn: IsoDate;
  title: string;
  summary: string | null;
  issuerUnitId: number | null;
  replacesIds: number[];
}

/**
 * Who may register or change a document: a committee's own documents, the committee's staff
 * (the issuing unit is theirs or below); documents of the centre, the provincial committee's.
 */
async function assertMayWrite(ctx: Context, tx: Tx, issuerUnitId: number | null): Promise<void> {
  if (issuerUnitId === null) {
    if (!(await isProvincialWriter(ctx, tx)))
      throw forbidden("Only the provincial committee registers documents of the centre");
  } else if (!(await isWritableUnit(ctx, tx, issuerUnitId))) {
    throw forbidden("You may register documents only of your own unit or units below it");
  }
}

async function validateDocument(
  ctx: Context,
  tx: Tx,
  id: number | null,
  d: DocumentDraft,
): Promise<void> {
  if (d.issuedOn > ctx.today)
    throw badInput("issuedOn", "A document cannot be registered before it is issued");
  if (blank(d.title)) throw badInput("title", "A document needs a title");

  if (d.number.issuer === CENTRAL_ISSUER && d.issuerUnitId !== null)
    throw badInput(
      "issuerUnitId",
      `Documents of the centre (…/${CENTRAL_ISSUER}) have no issuing unit in the province`,
    );
  if (d.issuerUnitId !== null) {
    const unit = await tx.orgUnit.findUniqueOrThrow({ where: { id: d.issuerUnitId } });
    if (d.number.issuer === PROVINCIAL_ISSUER && unit.kind !== OrgUnitKind.PROVINCIAL_COMMITTEE)
      throw badInput(
        "issuerUnitId",
        `Documents numbered …/${PROVINCIAL_ISSUER} are the provincial committee's: give the province as the issuing unit`,
      );
    const day = dateFromIso(d.issuedOn);
    if (unit.validFrom > day || (unit.validTo !== null && unit.validTo <= day))
      throw badInput("issuedOn", "The issuing committee did not exist on that date");
  } else if (d.number.issuer === PROVINCIAL_ISSUER) {
    throw badInput(
      "issuerUnitId",
      `Documents numbered …/${PROVINCIAL_ISSUER} are the provincial committee's: give the province as the issuing unit`,
    );
  }

  // Numbers are unique per issuing unit (each committee numbers its own documents).
  const taken = await tx.document.findFirst({
    where: { number: d.number.number, issuerUnitId: d.issuerUnitId },
    select: { id: true },
  });
  if (taken && taken.id !== id)
    throw badInput("number", `A document numbered ${d.number.number} is already registered`, {
      problem: "DUPLICATE",
    });

  const seen = new Set<number>();
  for (const [i, replacedId] of d.replacesIds.entries()) {
    const field = `replacesIds.${i}`;
    if (replacedId === id) throw badInput(field, "A document cannot replace itself");
    if (seen.has(replacedId)) throw badInput(field, "A document is listed twice");
    seen.add(replacedId);
    const replaced = await tx.document.findFirst({
      where: and<Prisma.DocumentWhereInput>({ id: replacedId }, documentScope(ctx)),
      select: { issuedOn: true, number: true },
    });
    if (!replaced) throw badInput(field, `Document ${replacedId} not found`);
    if (isoFromDate(replaced.issuedOn) > d.issuedOn)
      throw badInput(
        field,
        `${replaced.number} was issued after this document: it cannot be replaced by it`,
      );
  }
  if (id !== null && d.replacesIds.length > 0) {
    // No cycles: none of the replaced documents may (through others) replace this one.
    const [cycle] = await tx.$queryRaw<{ n: number }[]>`
      WITH RECURSIVE chain(id) AS (
        SELECT unnest(${d.replacesIds}::int[])
        UNION
        SELECT r.replaces_id FROM document_replacement r JOIN chain ON r.document_id = chain.id
      )
      SELECT COUNT(*)::int AS n FROM chain WHERE id = ${id}`;
    if (cycle!.n > 0)
      throw badInput("replacesIds", "A document cannot replace one that (indirectly) replaces it");
  }
}

async function documentSnapshot(tx: Tx, id: number) {
  const document = await tx.document.findUniqueOrThrow({
    where: { id },
    include: { replaces: { select: { replacesId: true }, orderBy: { replacesId: "asc" } } },
  });
  const { replaces, titleSearch: _titleSearch, ...rest } = document;
  return { ...rest, replacesIds: replaces.map((r) => r.replacesId) };
}

function isDuplicateNumber(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function duplicateNumber(number: string) {
  return badInput("number", `A document numbered ${number} is already registered`, {
    problem: "DUPLICATE",
  });
}

function parseIds(values: readonly string[] | null | undefined, field: string): number[] {
  return (values ?? []).map((v, i) => parseId(v, `${field}.${i}`));
}

export async function createDocument(ctx: Context, input: CreateDocumentInput): Promise<Document> {
  const draft: DocumentDraft = {
    number: parseNumber(input.number),
    issuedOn: input.issuedOn,
    title: input.title?.trim() ?? "",
    summary: blank(input.summary) ? null : input.summary!.trim(),
    issuerUnitId: parseOptionalId(input.issuerUnitId, "issuerUnitId"),
    replacesIds: parseIds(input.replacesIds, "replacesIds"),
  };
  try {
    return await mutate(ctx, async (tx, audit) => {
      await assertMayWrite(ctx, tx, draft.issuerUnitId);
      await validateDocument(ctx, tx, null, draft);
      const document = await tx.document.create({
        data: {
          number: draft.number.number,
          seq: draft.number.seq,
          kind: draft.number.kind,
          issuer: draft.number.issuer,
          issuedOn: dateFromIso(draft.issuedOn),
          title: draft.title,
          titleSearch: foldVietnamese(draft.title),
          summary: draft.summary,
          issuerUnitId: draft.issuerUnitId,
          replaces: {
            createMany: { data: draft.replacesIds.map((replacesId) => ({ replacesId })) },
          },
        },
      });
      audit({
        operation: "createDocument",
        entity: "Document",
        entityId: document.id,
        unitId: draft.issuerUnitId ?? ctx.viewer!.unitId,
        after: await documentSnapshot(tx, document.id),
      });
      return document;
    });
  } catch (error) {
    // Two registrations of one number racing: the loser is told as if it had come second.
    if (isDuplicateNumber(error)) throw duplicateNumber(draft.number.number);
    throw error;
  }
}

export async function updateDocument(
  ctx: Context,
  id: number,
  input: UpdateDocumentInput,
): Promise<Document> {
  const number =
    input.number === undefined || input.number === null ? null : parseNumber(input.number);
  const issuerUnitId =
    input.issuerUnitId === undefined
      ? undefined
      : parseOptionalId(input.issuerUnitId, "issuerUnitId");
  const replacesIds =
    input.replacesIds === undefined || input.replacesIds === null
      ? undefined
      : parseIds(input.replacesIds, "replacesIds");
  try {
    return await mutate(ctx, async (tx, audit) => {
      const current = await tx.document.findFirst({
        where: and<Prisma.DocumentWhereInput>({ id }, documentScope(ctx)),
      });
      if (!current)
        throw forbidden("You may change only documents of your own unit or units below it");
      await assertMayWrite(ctx, tx, current.issuerUnitId);
      const before = await documentSnapshot(tx, id);
      const draft: DocumentDraft = {
        number: number ?? {
          seq: current.seq,
          kind: current.kind as DocumentKind,
          issuer: current.issuer,
          number: current.number,
        },
        issuedOn: input.issuedOn ?? isoFromDate(current.issuedOn),
        title:
          input.title === undefined || input.title === null ? current.title : input.title.trim(),
        summary:
          input.summary === undefined || input.summary === null
            ? current.summary
            : blank(input.summary)
              ? null
              : input.summary.trim(),
        issuerUnitId: issuerUnitId === undefined ? current.issuerUnitId : issuerUnitId,
        replacesIds: replacesIds ?? before.replacesIds,
      };
      if (draft.issuerUnitId !== current.issuerUnitId)
        await assertMayWrite(ctx, tx, draft.issuerUnitId);
      await validateDocument(ctx, tx, id, draft);
      if (replacesIds !== undefined) {
        await tx.documentReplacement.deleteMany({ where: { documentId: id } });
        await tx.documentReplacement.createMany({
          data: replacesIds.map((replacesId) => ({ documentId: id, replacesId })),
        });
      }
      const updated = await tx.document.update({
        where: { id },
        data: {
          number: draft.number.number,
          seq: draft.number.seq,
          kind: draft.number.kind,
          issuer: draft.number.issuer,
          issuedOn: dateFromIso(draft.issuedOn),
          title: draft.title,
          titleSearch: foldVietnamese(draft.title),
          summary: draft.summary,
          issuerUnitId: draft.issuerUnitId,
        },
      });
      audit({
        operation: "updateDocument",
        entity: "Document",
        entityId: id,
        unitId: draft.issuerUnitId ?? ctx.viewer!.unitId,
        before,
        after: await documentSnapshot(tx, id),
      });
      return updated;
    });
  } catch (error) {
    if (isDuplicateNumber(error) && number) throw duplicateNumber(number.number);
    throw error;
  }
}
