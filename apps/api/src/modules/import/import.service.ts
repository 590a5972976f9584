import { rebuildAdmissionRollup, rebuildMemberCounts, type Prisma } from "@dangbo/db";
import {
  CELL_KINDS,
  dateFromIso,
  foldVietnamese,
  isoFromDate,
  probationEnd,
  type Gender,
  type IsoDate,
  type Occupation,
} from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { badInput, forbidden } from "../../graphql/errors.ts";
import { parseId } from "../../graphql/ids.ts";
import { rawOf } from "../../lib/raw.ts";
import { mutate, type Tx } from "../audit/audit.service.ts";
import { and, unitScope } from "../committee/committee.access.ts";
import {
  mapHeader,
  parseDateCell,
  parseGender,
  parseOccupation,
  readTable,
  text,
  type ImportKind,
} from "./import.parse.ts";

export const IMPORT_MAX_BYTES = 8 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 50_000;

export interface ImportIssue {
  line: number;
  field: string;
  message: string;
}

export interface ImportRow {
  line: number;
  fullName: string;
  gender: Gender;
  birthDate: IsoDate;
  ethnicity: string;
  occupation: Occupation;
  cellId: number;
  cellCode: string;
  admittedOn: IsoDate | null;
  officialOn: IsoDate | null;
  registeredOn: IsoDate | null;
  phone: string | null;
  nationalId: string | null;
  address: string | null;
}

export interface Checked {
  total: number;
  valid: ImportRow[];
  issues: ImportIssue[];
  invalidLines: number;
}

const REQUIRED = {
  MEMBERS: ["fullName", "gender", "birthDate", "ethnicity", "occupation", "cellCode", "admittedOn"],
  CANDIDATES: ["fullName", "gender", "birthDate", "ethnicity", "occupation", "cellCode"],
} as const;

/**
 * Reads and checks every row: required fields, formats, the cell (a cell of `unitId`'s subtree
 * that existed on the relevant date), dates in order, and likely duplicates (same name, birth
 * date and cell — in the file, or already recorded). Nothing is written.
 */
export async function checkImport(
  ctx: Context,
  tx: Tx | Context["prisma"],
  unitId: number,
  kind: ImportKind,
  filename: string,
  base64: string,
): Promise<Checked> {
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length === 0) throw badInput("contentBase64", "The file is empty");
  if (bytes.length > IMPORT_MAX_BYTES)
    throw badInput("contentBase64", `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
  if (!/\.(csv|xlsx)$/i.test(filename)) throw badInput("filename", "Send a .csv or .xlsx file");
  let table;
  try {
    table = await readTable(filename, bytes);
  } catch {
    throw badInput("contentBase64", "The file could not be read as CSV or XLSX");
  }
  if (table.rows.length > IMPORT_MAX_ROWS)
    throw badInput("contentBase64", `At most ${IMPORT_MAX_ROWS} rows per file`);
  const columns = mapHeader(table.header);
  const missing = REQUIRED[kind].filter((f) => !columns.has(f));
  if (missing.length)
    throw badInput("contentBase64", `Missing columns: ${missing.join(", ")}`, { missing });

  const cells = await tx.orgUnit.findMany({
    where: and<Prisma.OrgUnitWhereInput>(
      unitScope(ctx),
      { kind: { in: [...CELL_KINDS] } },
      { ancestorLinks: { some: { ancestorId: unitId } } },
    ),
    select: { id: true, code: true, validFrom: true, validTo: true },
  });
  const cellByCode = new Map(cells.map((c) => [c.code.toUpperCase(), c]));
  const today = ctx.today;
  const issues: ImportIssue[] = [];
  const valid: ImportRow[] = [];
  const bad = new Set<number>();
  const seen = new Map<string, number>();
  const get = (cells: unknown[], field: string) =>
    columns.has(field) ? cells[columns.get(field)!] : undefined;

  for (const { line, cells: row } of table.rows) {
    const problems: ImportIssue[] = [];
    const fail = (field: string, message: string) => problems.push({ line, field, message });
    const fullName = text(get(row, "fullName")).replace(/\s+/g, " ");
    if (fullName.length < 2) fail("fullName", "Họ và tên is required");
    const gender = parseGender(get(row, "gender"));
    if (!gender) fail("gender", "Gender must be Nam or Nữ");
    const birthDate = parseDateCell(get(row, "birthDate"));
    if (!birthDate) fail("birthDate", "Birth date must be dd/mm/yyyy");
    else if (birthDate > today || birthDate < "1900-01-01")
      fail("birthDate", "Birth date is not plausible");
    const ethnicity = text(get(row, "ethnicity"));
    if (!ethnicity) fail("ethnicity", "Ethnicity is required");
    const occupation = parseOccupation(get(row, "occupation"));
    if (!occupation) fail("occupation", "Unknown occupation");
    const cellCode = text(get(row, "cellCode")).toUpperCase();
    const cell = cellByCode.get(cellCode);
    if (!cell)
      fail(
        "cellCode",
        cellCode ? `No cell ${cellCode} in this unit` : "The cell's code is required",
      );
    const admittedOn = parseDateCell(get(row, "admittedOn"));
    const officialOn = parseDateCell(get(row, "officialOn"));
    const registeredOn =
      kind === "CANDIDATES" ? (parseDateCell(get(row, "registeredOn")) ?? today) : null;
    if (kind === "MEMBERS") {
      if (!admittedOn) fail("admittedOn", "Admission date must be dd/mm/yyyy");
      else if (admittedOn > today) fail("admittedOn", "Admission date is in the future");
      else if (birthDate && admittedOn < birthDate)
        fail("admittedOn", "Admission date is before the birth date");
      if (text(get(row, "officialOn")) && !officialOn)
        fail("officialOn", "Official date must be dd/mm/yyyy");
      if (officialOn && admittedOn && officialOn < probationEnd(admittedOn))
        fail("officialOn", "Recognised as official before the end of probation");
      if (officialOn && officialOn > today) fail("officialOn", "Official date is in the future");
    } else if (registeredOn && registeredOn > today)
      fail("registeredOn", "Registration date is in the future");
    const since = kind === "MEMBERS" ? admittedOn : registeredOn;
    if (cell && since) {
      // Members arrive in the cell on the import day at the latest: the cell must exist today.
      if (cell.validTo && isoFromDate(cell.validTo) <= today)
        fail("cellCode", `Cell ${cellCode} no longer exists`);
    }
    const phone = text(get(row, "phone")) || null;
    if (phone && !/^[0-9+ .-]{8,20}$/.test(phone)) fail("phone", "Phone must be 8–20 digits");
    const nationalId = text(get(row, "nationalId")) || null;
    if (nationalId && !/^\d{12}$/.test(nationalId))
      fail("nationalId", "Citizen ID must be 12 digits");
    if (fullName && birthDate && cell) {
      const key = `${foldVietnamese(fullName)}|${birthDate}|${cell.id}`;
      const first = seen.get(key);
      if (first)
        fail("fullName", `Likely duplicate of line ${first} (same name, birth date and cell)`);
      else seen.set(key, line);
    }
    if (problems.length) {
      bad.add(line);
      issues.push(...problems);
      continue;
    }
    valid.push({
      line,
      fullName,
      gender: gender!,
      birthDate: birthDate!,
      ethnicity,
      occupation: occupation!,
      cellId: cell!.id,
      cellCode,
      admittedOn,
      officialOn,
      registeredOn,
      phone,
      nationalId,
      address: text(get(row, "address")) || null,
    });
  }

  // Likely duplicates of people already recorded in the same cell.
  if (valid.length) {
    const names = [...new Set(valid.map((r) => foldVietnamese(r.fullName)))];
    const where = {
      nameSearch: { in: names },
      unitId: { in: [...new Set(valid.map((r) => r.cellId))] },
    };
    const existing =
      kind === "MEMBERS"
        ? await tx.member.findMany({
            where,
            select: { nameSearch: true, birthDate: true, unitId: true },
          })
        : await tx.candidate.findMany({
            where,
            select: { nameSearch: true, birthDate: true, unitId: true },
          });
    const known = new Set(
      existing.map((e) => `${e.nameSearch}|${isoFromDate(e.birthDate)}|${e.unitId}`),
    );
    for (const r of [...valid]) {
      if (known.has(`${foldVietnamese(r.fullName)}|${r.birthDate}|${r.cellId}`)) {
        issues.push({
          line: r.line,
          field: "fullName",
          message: "Likely duplicate: already recorded in this cell with the same birth date",
        });
        bad.add(r.line);
      }
    }
  }
  return {
    total: table.rows.length,
    valid: valid.filter((r) => !bad.has(r.line)),
    issues: issues.sort((a, b) => a.line - b.line),
    invalidLines: bad.size,
  };
}

async function importUnit(
  ctx: Context,
  tx: Tx | Context["prisma"],
  unitIdText: string,
): Promise<number> {
  const unitId = parseId(unitIdText, "unitId");
  const unit = await tx.orgUnit.findFirst({
    where: and<Prisma.OrgUnitWhereInput>({ id: unitId }, unitScope(ctx)),
  });
  if (!unit) throw forbidden("You may import only into your own unit");
  return unitId;
}

export async function previewImport(
  ctx: Context,
  input: { unitId: string; kind: ImportKind; filename: string; contentBase64: string },
) {
  const unitId = await importUnit(ctx, ctx.prisma, input.unitId);
  const checked = await checkImport(
    ctx,
    ctx.prisma,
    unitId,
    input.kind,
    input.filename,
    input.contentBase64,
  );
  return {
    totalRows: checked.total,
    validRows: checked.valid.length,
    invalidRows: checked.invalidLines,
    issues: checked.issues.slice(0, 1000),
    sample: checked.valid.slice(0, 20).map((r) => ({
      line: r.line,
      fullName: r.fullName,
      birthDate: r.birthDate,
      cellCode: r.cellCode,
    })),
  };
}

/** Imports the valid rows in one transaction (the invalid ones are reported, not written). */
export async function commitImport(
  ctx: Context,
  input: { unitId: string; kind: ImportKind; filename: string; contentBase64: string },
) {
  return mutate(ctx, async (tx, audit) => {
    const unitId = await importUnit(ctx, tx, input.unitId);
    const checked = await checkImport(
      ctx,
      tx,
      unitId,
      input.kind,
      input.filename,
      input.contentBase64,
    );
    const rows = checked.valid;
    const userId = ctx.viewer!.userId;
    const today = ctx.today;
    const person = (r: ImportRow) => ({
      fullName: r.fullName,
      nameSearch: foldVietnamese(r.fullName),
      gender: r.gender,
      birthDate: dateFromIso(r.birthDate),
      ethnicity: r.ethnicity,
      occupation: r.occupation,
      phone: r.phone,
      nationalId: r.nationalId,
      address: r.address,
      unitId: r.cellId,
    });
    if (input.kind === "MEMBERS" && rows.length) {
      const stamp = Date.now().toString(36).toUpperCase();
      const created = await tx.member.createManyAndReturn({
        data: rows.map((r, i) => ({
          ...person(r),
          code: `NK${stamp}.${String(i + 1).padStart(5, "0")}`,
          status: r.officialOn ? "OFFICIAL" : "PROBATIONARY",
          admittedOn: dateFromIso(r.admittedOn!),
          probationEndsOn: dateFromIso(probationEnd(r.admittedOn!)),
          officialOn: r.officialOn ? dateFromIso(r.officialOn) : null,
        })),
        select: { id: true, unitId: true, admittedOn: true, officialOn: true, fullName: true },
      });
      // Imported members are in their cell from the day of import (earlier history is not known).
      await tx.memberAssignment.createMany({
        data: created.map((m) => ({
          memberId: m.id,
          unitId: m.unitId,
          validFrom: dateFromIso(today),
        })),
      });
      await tx.memberEvent.createMany({
        data: created.flatMap((m) => [
          {
            memberId: m.id,
            kind: "ADMITTED" as const,
            effectiveOn: m.admittedOn,
            statusAfter: "PROBATIONARY" as const,
            unitId: m.unitId,
            reason: "Nhập từ tệp",
            recordedById: userId,
          },
          ...(m.officialOn
            ? [
                {
                  memberId: m.id,
                  kind: "RECOGNISED_OFFICIAL" as const,
                  effectiveOn: m.officialOn,
                  statusAfter: "OFFICIAL" as const,
                  unitId: m.unitId,
                  recordedById: userId,
                },
              ]
            : []),
        ]),
      });
      await rebuildAdmissionRollup(rawOf(tx));
      await rebuildMemberCounts(rawOf(tx), ctx.today);
      for (const m of created)
        audit({
          operation: "commitImport",
          entity: "Member",
          entityId: m.id,
          unitId: m.unitId,
          after: m,
        });
    }
    if (input.kind === "CANDIDATES" && rows.length) {
      const created = await tx.candidate.createManyAndReturn({
        data: rows.map((r) => ({
          ...person(r),
          stage: "REGISTERED",
          stageOn: dateFromIso(r.registeredOn!),
          registeredOn: dateFromIso(r.registeredOn!),
        })),
        select: { id: true, unitId: true, registeredOn: true, fullName: true },
      });
      await tx.candidateStageEvent.createMany({
        data: created.map((c) => ({
          candidateId: c.id,
          stage: "REGISTERED" as const,
          occurredOn: c.registeredOn,
          recordedById: userId,
        })),
      });
      for (const c of created)
        audit({
          operation: "commitImport",
          entity: "Candidate",
          entityId: c.id,
          unitId: c.unitId,
          after: c,
        });
    }
    audit({
      operation: "commitImport",
      entity: "Import",
      entityId: input.filename.slice(0, 100),
      unitId,
      after: { kind: input.kind, imported: rows.length, skipped: checked.invalidLines },
    });
    return {
      imported: rows.length,
      skipped: checked.invalidLines,
      issues: checked.issues.slice(0, 1000),
    };
  });
}
