import type { ImportKind } from "../../gql/graphql.ts";

/** A column of the import file: the field the API maps it to, its header in each language. */
export interface ImportColumn {
  field: string;
  vi: string;
  en: string;
  required: boolean;
}

/**
 * The headers the API recognises (apps/api/src/modules/import/import.parse.ts: compared without
 * diacritics or case; Vietnamese and English both work).
 */
const COMMON_START: ImportColumn[] = [
  { field: "fullName", vi: "Họ và tên", en: "Full name", required: true },
  { field: "gender", vi: "Giới tính", en: "Gender", required: true },
  { field: "birthDate", vi: "Ngày sinh", en: "Birth date", required: true },
  { field: "ethnicity", vi: "Dân tộc", en: "Ethnicity", required: true },
  { field: "occupation", vi: "Nghề nghiệp", en: "Occupation", required: true },
  { field: "cellCode", vi: "Mã chi bộ", en: "Cell code", required: true },
];
const COMMON_END: ImportColumn[] = [
  { field: "phone", vi: "Điện thoại", en: "Phone", required: false },
  { field: "nationalId", vi: "Số CCCD", en: "National ID", required: false },
  { field: "address", vi: "Địa chỉ", en: "Address", required: false },
];

export const IMPORT_COLUMNS: Record<ImportKind, ImportColumn[]> = {
  MEMBERS: [
    ...COMMON_START,
    { field: "admittedOn", vi: "Ngày vào Đảng", en: "Admitted on", required: true },
    { field: "officialOn", vi: "Ngày chính thức", en: "Official on", required: false },
    ...COMMON_END,
  ],
  CANDIDATES: [
    ...COMMON_START,
    { field: "registeredOn", vi: "Ngày đăng ký", en: "Registered on", required: false },
    ...COMMON_END,
  ],
};

/** Largest file the API accepts (decoded). */
export const IMPORT_MAX_BYTES = 8 * 1024 * 1024;

function csvCell(value: string): string {
  return /[",;\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The header row of the file to fill in, as CSV with a BOM (so Excel reads UTF-8). */
export function templateCsv(kind: ImportKind, language: "vi" | "en"): string {
  const header = IMPORT_COLUMNS[kind].map((column) => csvCell(column[language])).join(",");
  return `\uFEFF${header}\r\n`;
}
