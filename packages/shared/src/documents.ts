import { addDaysIso, daysBetween, type IsoDate } from "./dates.ts";
import { DocumentKind } from "./enums.ts";

/**
 * Party documents are numbered `<n>-<KIND>/<ISSUER>`: `21-NQ/TW` is resolution no. 21 of the
 * Central Committee, `368-QĐ/TU` regulation no. 368 of the provincial committee.
 *
 * The rules this module applies (and the API stores):
 * - **Sequence**: 1–9999. Leading zeros are accepted and carry no meaning (`5`, `05` and `005`
 *   are the same number); the canonical form writes numbers below 10 with one leading zero, as
 *   the party's own documents do (`05-CT/TW`, `01-KL/TW`), and larger ones without (`21`, `138`).
 *   `document.seq` stores the integer, `document.number` the canonical form — so `5-CT/TW` and
 *   `05-CT/TW` are one number and collide on the unique index.
 * - **Kind**: NQ (resolution), CT (directive), KL (conclusion), QĐ (regulation or decision),
 *   HD (guidance), KH (plan), TB (notice). Case is ignored; `QD` is accepted for `QĐ` and `HĐ`
 *   for `HD`. The canonical form is `QĐ` (with Đ, as printed) and `HD` (as printed).
 * - **Issuer**: upper-case letters A–Z and Đ, 2–10 of them (`TW`, `TU`, `HU`, `ĐU`, `BCSĐ`,
 *   `BTCTW`), optionally followed by one hyphenated segment of 1–10 letters (`ĐU-KCQ`). Case is
 *   ignored; other Vietnamese letters, digits and spaces are refused.
 * - Spaces around `-` and `/` are tolerated, as are the dashes word processors substitute for a
 *   hyphen (– — ‐ ‑ −) and the look-alike Ð (U+00D0) for Đ; the canonical form has none of them.
 */

export interface DocumentKindInfo {
  kind: DocumentKind;
  /** How the kind is printed in a document number. */
  code: string;
  /** Vietnamese name, e.g. "Nghị quyết". */
  nameVi: string;
  nameEn: string;
}

export const DOCUMENT_KINDS: Readonly<Record<DocumentKind, DocumentKindInfo>> = {
  NQ: { kind: DocumentKind.NQ, code: "NQ", nameVi: "Nghị quyết", nameEn: "Resolution" },
  CT: { kind: DocumentKind.CT, code: "CT", nameVi: "Chỉ thị", nameEn: "Directive" },
  KL: { kind: DocumentKind.KL, code: "KL", nameVi: "Kết luận", nameEn: "Conclusion" },
  QD: {
    kind: DocumentKind.QD,
    code: "QĐ",
    nameVi: "Quy định / Quyết định",
    nameEn: "Regulation or decision",
  },
  HD: { kind: DocumentKind.HD, code: "HD", nameVi: "Hướng dẫn", nameEn: "Guidance" },
  KH: { kind: DocumentKind.KH, code: "KH", nameVi: "Kế hoạch", nameEn: "Plan" },
  TB: { kind: DocumentKind.TB, code: "TB", nameVi: "Thông báo", nameEn: "Notice" },
};

/** Every spelling accepted for a kind (upper case), mapped to the kind. */
const KIND_ALIASES: ReadonlyMap<string, DocumentKind> = new Map([
  ["NQ", DocumentKind.NQ],
  ["CT", DocumentKind.CT],
  ["KL", DocumentKind.KL],
  ["QĐ", DocumentKind.QD],
  ["QD", DocumentKind.QD],
  ["HD", DocumentKind.HD],
  ["HĐ", DocumentKind.HD],
  ["KH", DocumentKind.KH],
  ["TB", DocumentKind.TB],
]);

export const DOCUMENT_SEQ_MAX = 9999;
/** Longest input looked at; a document number is never near this long. */
export const DOCUMENT_NUMBER_MAX_LENGTH = 40;
/** The issuer code of the Central Committee: its documents apply to every unit. */
export const CENTRAL_ISSUER = "TW";

export interface DocumentNumber {
  seq: number;
  kind: DocumentKind;
  issuer: string;
  /** The canonical display form, e.g. `05-CT/TW`, `368-QĐ/TU`. */
  number: string;
}

export type DocumentNumberProblem =
  | "EMPTY"
  | "TOO_LONG"
  | "NO_ISSUER"
  | "TOO_MANY_SLASHES"
  | "NO_SEQUENCE"
  | "SEQUENCE_ZERO"
  | "SEQUENCE_TOO_LARGE"
  | "NO_HYPHEN"
  | "NO_KIND"
  | "UNKNOWN_KIND"
  | "BAD_ISSUER";

export type DocumentNumberResult =
  | { ok: true; value: DocumentNumber }
  | { ok: false; problem: DocumentNumberProblem; message: string };

const EXAMPLE = "e.g. 21-NQ/TW or 368-QĐ/TU";
const ISSUER = /^[A-ZĐ]{2,10}(?:-[A-ZĐ]{1,10})?$/;

/** Tolerated variants: dashes for the hyphen, Ð/ð look-alikes for Đ/đ, the full-width slash. */
function normalise(input: string): string {
  return input
    .normalize("NFC")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u00d0\u0189]/g, "Đ")
    .replace(/\u00f0/g, "đ")
    .replace(/\uff0f/g, "/")
    .trim();
}

function fail(problem: DocumentNumberProblem, message: string): DocumentNumberResult {
  return { ok: false, problem, message };
}

/** The kind named by a code in any accepted spelling (`qd`, `QĐ`, `hđ`), or null. */
export function documentKindOf(code: string): DocumentKind | null {
  return KIND_ALIASES.get(code.trim().toUpperCase()) ?? null;
}

/** Why an issuer code is not acceptable, or null (expects the upper-cased code). */
function issuerProblem(issuer: string): string | null {
  if (ISSUER.test(issuer)) return null;
  if (/\s/.test(issuer)) return `The issuer "${issuer}" contains a space`;
  if (/\d/.test(issuer)) return `The issuer "${issuer}" contains a digit; use letters only`;
  const main = issuer.split("-")[0]!;
  if (/[^A-ZĐ-]/.test(issuer))
    return `The issuer "${issuer}" may contain only the letters A–Z and Đ (and one hyphen)`;
  if (issuer.split("-").length > 2) return `The issuer "${issuer}" has more than one hyphen`;
  if (main.length < 2) return `The issuer "${issuer}" is too short: at least 2 letters`;
  if (main.length > 10) return `The issuer "${issuer}" is too long: at most 10 letters`;
  return `The issuer "${issuer}" is not a valid issuer code (e.g. TW, TU, HU, ĐU, BCSĐ)`;
}

/**
 * Parses a document number typed by a person. Never throws: a malformed number gives the
 * problem and a message naming what is wrong.
 */
export function parseDocumentNumber(input: string): DocumentNumberResult {
  const text = normalise(input ?? "");
  if (text.length === 0) return fail("EMPTY", `Enter the document's number, ${EXAMPLE}`);
  if (text.length > DOCUMENT_NUMBER_MAX_LENGTH)
    return fail(
      "TOO_LONG",
      `A document number is at most ${DOCUMENT_NUMBER_MAX_LENGTH} characters, ${EXAMPLE}`,
    );
  const parts = text.split("/");
  if (parts.length === 1)
    return fail("NO_ISSUER", `The number must end with "/" and the issuer, ${EXAMPLE}`);
  if (parts.length > 2)
    return fail("TOO_MANY_SLASHES", `A document number has exactly one "/", ${EXAMPLE}`);
  const head = parts[0]!.trim();
  const issuer = parts[1]!.trim().toUpperCase();

  const m = /^(\d*)\s*(-?)\s*(.*)$/.exec(head)!;
  const digits = m[1]!;
  if (digits.length === 0)
    return fail(
      "NO_SEQUENCE",
      `The number must start with the document's sequence number (1–${DOCUMENT_SEQ_MAX}), ${EXAMPLE}`,
    );
  const significant = digits.replace(/^0+/, "");
  if (significant.length === 0)
    return fail("SEQUENCE_ZERO", `The sequence number must be at least 1, ${EXAMPLE}`);
  if (significant.length > 4)
    return fail("SEQUENCE_TOO_LARGE", `The sequence number must be at most ${DOCUMENT_SEQ_MAX}`);
  const seq = Number(significant);
  if (m[2] !== "-")
    return fail("NO_HYPHEN", `Put a hyphen between the sequence number and the kind, ${EXAMPLE}`);
  const kindText = m[3]!.trim();
  if (kindText.length === 0)
    return fail("NO_KIND", `The kind (NQ, CT, KL, QĐ, HD, KH, TB) is missing, ${EXAMPLE}`);
  const kind = documentKindOf(kindText);
  if (!kind)
    return fail(
      "UNKNOWN_KIND",
      `"${kindText}" is not a document kind: use NQ, CT, KL, QĐ, HD, KH or TB`,
    );
  if (issuer.length === 0) return fail("NO_ISSUER", `The issuer after "/" is missing, ${EXAMPLE}`);
  const problem = issuerProblem(issuer);
  if (problem) return fail("BAD_ISSUER", problem);
  return {
    ok: true,
    value: { seq, kind, issuer, number: formatDocumentNumber(seq, kind, issuer) },
  };
}

/** The canonical number of a document (`formatDocumentNumber(5, "CT", "TW")` is `05-CT/TW`). */
export function formatDocumentNumber(seq: number, kind: DocumentKind, issuer: string): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > DOCUMENT_SEQ_MAX)
    throw new RangeError(`Document sequence out of range: ${seq}`);
  const info = DOCUMENT_KINDS[kind];
  if (!info) throw new RangeError(`Unknown document kind: ${kind}`);
  const code = normalise(issuer).toUpperCase();
  if (issuerProblem(code)) throw new RangeError(`Invalid issuer: ${issuer}`);
  return `${String(seq).padStart(2, "0")}-${info.code}/${code}`;
}

/** A normalised issuer code for filtering (`tu` → `TU`), or null when it cannot be one. */
export function normaliseIssuer(input: string): string | null {
  const code = normalise(input).toUpperCase();
  return issuerProblem(code) ? null : code;
}

export interface DocumentNumberQuery {
  seq: number;
  kind: DocumentKind | null;
  /** Upper-cased start of the issuer code as typed (`T` matches TW and TU). */
  issuerPrefix: string | null;
}

/**
 * Reads a search box as (part of) a document number: `21`, `21 NQ`, `21-nq`, `21-NQ/TW`,
 * `21-nq/t`, `05-CT/TW`. Null when the text does not look like one (then it is searched as words
 * of the title only).
 */
export function documentNumberQuery(search: string): DocumentNumberQuery | null {
  const text = normalise(search ?? "");
  const m = /^0*(\d{1,4})(?:\s*-?\s*([A-Za-zĐđ]{2}))?(?:\s*\/\s*([A-Za-zĐđ-]{0,21}))?$/.exec(text);
  if (!m) return null;
  const seq = Number(m[1]);
  if (seq < 1) return null;
  const kind = m[2] ? documentKindOf(m[2]) : null;
  if (m[2] && !kind) return null;
  const issuer = m[3] ? m[3].toUpperCase() : "";
  return { seq, kind, issuerPrefix: issuer.length > 0 ? issuer : null };
}

// ───────────────────────────── implementation of a document ─────────────────────────────

export const PlanKind = { PROGRAMME: "PROGRAMME", PLAN: "PLAN" } as const;
export type PlanKind = (typeof PlanKind)[keyof typeof PlanKind];

export const ReviewKind = { MID_TERM: "MID_TERM", FINAL: "FINAL" } as const;
export type ReviewKind = (typeof ReviewKind)[keyof typeof ReviewKind];

export interface UnitLifetime {
  validFrom: IsoDate;
  /** First day the unit no longer exists (half-open), or null. */
  validTo: IsoDate | null;
}

/**
 * Whether a unit (of a required kind, under the requirement's scope) must issue a programme or
 * plan, seen on `asOf`:
 * - a unit that existed on the due date is required, also if it was dissolved afterwards (the
 *   record of who owed a plan stays true after a reorganisation);
 * - a unit dissolved on or before the due date is not required (it was gone when the plan fell
 *   due); before the due date, a unit already dissolved on `asOf` is not required either;
 * - a unit created after the due date is required once it exists (by `asOf`), with its own due
 *   date (see `effectiveDueOn`);
 * - a unit created after `asOf` is not (yet) required.
 */
export function requiredForPlan(unit: UnitLifetime, dueOn: IsoDate, asOf: IsoDate): boolean {
  if (unit.validFrom > asOf) return false;
  const lastCheck = dueOn < asOf ? dueOn : asOf;
  return unit.validTo === null || unit.validTo > lastCheck;
}

/**
 * The date a unit's plan is due: the requirement's date for units that existed by then; a unit
 * created later owes its plan within as many days as the requirement gave everyone (from the
 * document's date to the due date), counted from the day it was created.
 */
export function effectiveDueOn(
  unit: Pick<UnitLifetime, "validFrom">,
  dueOn: IsoDate,
  documentIssuedOn: IsoDate,
): IsoDate {
  if (unit.validFrom <= dueOn) return dueOn;
  return addDaysIso(unit.validFrom, Math.max(0, daysBetween(documentIssuedOn, dueOn)));
}

export type ImplementationStatus = "ON_TIME" | "LATE" | "OVERDUE" | "PENDING";

/**
 * A required unit's plan on `asOf`: ON_TIME (issued by the due date), LATE (issued after it),
 * OVERDUE (not issued and the due date has passed), PENDING (not issued, not yet due). A plan
 * dated after `asOf` does not exist yet on `asOf`.
 */
export function implementationStatus(
  dueOn: IsoDate,
  planIssuedOn: IsoDate | null,
  asOf: IsoDate,
): ImplementationStatus {
  if (planIssuedOn !== null && planIssuedOn <= asOf)
    return planIssuedOn <= dueOn ? "ON_TIME" : "LATE";
  return asOf > dueOn ? "OVERDUE" : "PENDING";
}

/** part / whole × 100 with one decimal; null when there is nothing to cover. */
export function coveragePercent(part: number, whole: number): number | null {
  if (!Number.isFinite(whole) || whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/**
 * A conference's attendance: the count typed, or the size of the member list when only the
 * list is given. The list may be partial (named attendees of a larger audience), so a count
 * smaller than the list is the only contradiction. Returns the count, or a problem.
 */
export function conferenceAttendance(
  count: number | null | undefined,
  listed: number | null | undefined,
): { ok: true; count: number } | { ok: false; message: string } {
  if (count === null || count === undefined) {
    if (listed === null || listed === undefined)
      return { ok: false, message: "Give the number of attendees or the list of members" };
    return { ok: true, count: listed };
  }
  if (!Number.isInteger(count) || count < 0)
    return { ok: false, message: "The number of attendees must be a whole number, 0 or more" };
  if (listed !== null && listed !== undefined && count < listed)
    return {
      ok: false,
      message: `The number of attendees (${count}) is smaller than the list of members (${listed})`,
    };
  return { ok: true, count };
}
