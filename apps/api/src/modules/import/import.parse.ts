import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { foldVietnamese, Gender, isIsoDate, Occupation, type IsoDate } from "@dangbo/shared";

export type ImportKind = "MEMBERS" | "CANDIDATES";

/** Column names accepted in the header row (compared without diacritics, case or punctuation). */
const ALIASES: Record<string, string[]> = {
  fullName: ["ho va ten", "ho ten", "full name", "fullname", "name"],
  gender: ["gioi tinh", "gender", "sex"],
  birthDate: ["ngay sinh", "birth date", "birthdate", "date of birth"],
  ethnicity: ["dan toc", "ethnicity"],
  occupation: ["nghe nghiep", "occupation"],
  cellCode: ["ma chi bo", "cell code", "cell", "ma don vi"],
  admittedOn: ["ngay vao dang", "ngay ket nap", "admitted on", "admission date"],
  officialOn: ["ngay chinh thuc", "official on"],
  registeredOn: ["ngay dang ky", "registered on"],
  phone: ["dien thoai", "so dien thoai", "phone"],
  nationalId: ["cccd", "so cccd", "can cuoc", "national id", "nationalid"],
  address: ["dia chi", "noi o", "address"],
};

const OCCUPATIONS: Record<string, Occupation> = {
  "cong nhan": "WORKER",
  "nong dan": "FARMER",
  "hoc sinh": "STUDENT",
  "sinh vien": "STUDENT",
  "hoc sinh, sinh vien": "STUDENT",
  "can bo": "CIVIL_SERVANT",
  "cong chuc": "CIVIL_SERVANT",
  "can bo, cong chuc": "CIVIL_SERVANT",
  "vien chuc": "CIVIL_SERVANT",
  "giao vien": "TEACHER",
  "y te": "HEALTH_WORKER",
  "nhan vien y te": "HEALTH_WORKER",
  "nhan vien doanh nghiep": "ENTERPRISE_EMPLOYEE",
  "doanh nghiep": "ENTERPRISE_EMPLOYEE",
  "luc luong vu trang": "ARMED_FORCES",
  "quan doi": "ARMED_FORCES",
  "cong an": "ARMED_FORCES",
  "huu tri": "RETIRED",
  khac: "OTHER",
};

const norm = (s: string) =>
  foldVietnamese(s)
    .replace(/[_\-.:()/]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

export interface RawTable {
  header: string[];
  rows: { line: number; cells: unknown[] }[];
}

/** Reads the first sheet of an XLSX file or a CSV (comma or semicolon, UTF-8 with or without BOM). */
export async function readTable(filename: string, bytes: Buffer): Promise<RawTable> {
  if (/\.xlsx$/i.test(filename)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) return { header: [], rows: [] };
    const all: { line: number; cells: unknown[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const values = (row.values as unknown[])
        .slice(1)
        .map((v) =>
          v && typeof v === "object" && "text" in (v as object) ? (v as { text: string }).text : v,
        );
      all.push({ line, cells: values });
    });
    const [head, ...rest] = all;
    return { header: (head?.cells ?? []).map((c) => String(c ?? "")), rows: rest };
  }
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const records = parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    bom: true,
  }) as string[][];
  const [head, ...rest] = records;
  return { header: head ?? [], rows: rest.map((cells, i) => ({ line: i + 2, cells })) };
}

/** Maps header cells to field names; unknown columns are ignored. */
export function mapHeader(header: string[]): Map<string, number> {
  const map = new Map<string, number>();
  header.forEach((cell, index) => {
    const key = norm(String(cell));
    for (const [field, aliases] of Object.entries(ALIASES))
      if (aliases.includes(key) && !map.has(field)) map.set(field, index);
  });
  return map;
}

export function parseDateCell(value: unknown): IsoDate | null {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return value.toISOString().slice(0, 10);
  const s = String(value).trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}` : s;
  return isIsoDate(iso) ? iso : null;
}

export function parseGender(value: unknown): Gender | null {
  const s = norm(String(value ?? ""));
  if (["nam", "male", "m"].includes(s)) return "MALE";
  if (["nu", "female", "f"].includes(s)) return "FEMALE";
  return null;
}

export function parseOccupation(value: unknown): Occupation | null {
  const raw = String(value ?? "").trim();
  if ((Object.values(Occupation) as string[]).includes(raw.toUpperCase()))
    return raw.toUpperCase() as Occupation;
  return OCCUPATIONS[norm(raw)] ?? null;
}

export function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).trim();
}
