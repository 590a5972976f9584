import { describe, expect, it } from "vitest";
import {
  conferenceAttendance,
  coveragePercent,
  DOCUMENT_KINDS,
  documentKindOf,
  documentNumberQuery,
  effectiveDueOn,
  formatDocumentNumber,
  implementationStatus,
  normaliseIssuer,
  parseDocumentNumber,
  requiredForPlan,
  type DocumentNumberProblem,
} from "./documents.ts";
import { DocumentKind } from "./enums.ts";

function parsed(input: string) {
  const result = parseDocumentNumber(input);
  if (!result.ok) throw new Error(`${input}: ${result.message}`);
  return result.value;
}

function problem(input: string): DocumentNumberProblem {
  const result = parseDocumentNumber(input);
  if (result.ok) throw new Error(`${input} parsed as ${result.value.number}`);
  return result.problem;
}

describe("parseDocumentNumber: the numbers of the reports", () => {
  it.each([
    ["21-NQ/TW", 21, "NQ", "TW", "21-NQ/TW"],
    ["28-CT/TW", 28, "CT", "TW", "28-CT/TW"],
    ["368-QĐ/TU", 368, "QD", "TU", "368-QĐ/TU"],
    ["01-KL/TW", 1, "KL", "TW", "01-KL/TW"],
    ["138-QĐ/TW", 138, "QD", "TW", "138-QĐ/TW"],
    ["21-KL/TW", 21, "KL", "TW", "21-KL/TW"],
    ["05-CT/TW", 5, "CT", "TW", "05-CT/TW"],
    ["23-CT/TW", 23, "CT", "TW", "23-CT/TW"],
    ["01-HD/TW", 1, "HD", "TW", "01-HD/TW"],
    ["12-KH/ĐU", 12, "KH", "ĐU", "12-KH/ĐU"],
    ["7-TB/HU", 7, "TB", "HU", "07-TB/HU"],
    ["9999-NQ/BCSĐ", 9999, "NQ", "BCSĐ", "9999-NQ/BCSĐ"],
    ["15-NQ/ĐU-KCQ", 15, "NQ", "ĐU-KCQ", "15-NQ/ĐU-KCQ"],
    ["3-HD/BTCTW", 3, "HD", "BTCTW", "03-HD/BTCTW"],
  ])("%s", (input, seq, kind, issuer, number) => {
    expect(parsed(input)).toEqual({ seq, kind, issuer, number });
  });
});

describe("parseDocumentNumber: tolerated spellings normalise to one form", () => {
  it("accepts QD and lower case for QĐ, and HĐ for HD", () => {
    for (const input of ["368-QD/TU", "368-qđ/tu", "368-qd/tu", "368-Qđ/Tu", "368-QĐ/TU"])
      expect(parsed(input).number).toBe("368-QĐ/TU");
    expect(parsed("01-HĐ/TW").number).toBe("01-HD/TW");
    expect(parsed("01-hđ/tw").kind).toBe("HD");
  });

  it("reads đ in the issuer as Đ, and the look-alike Ð as Đ", () => {
    expect(parsed("12-nq/đu").issuer).toBe("ĐU");
    expect(parsed("12-NQ/\u00d0U").issuer).toBe("ĐU");
    expect(parsed("12-NQ/bcsđ").number).toBe("12-NQ/BCSĐ");
  });

  it("refuses accented letters other than Đ in the issuer, also when typed decomposed", () => {
    expect(problem("12-NQ/TÙ")).toBe("BAD_ISSUER");
    expect(problem("12-NQ/TU\u0300")).toBe("BAD_ISSUER"); // U + combining grave: NFC makes it Ù
    expect(parsed("12-NQ/T\u0055").issuer).toBe("TU");
  });

  it("treats leading zeros as insignificant and writes numbers below 10 with one zero", () => {
    expect(parsed("5-CT/TW").number).toBe("05-CT/TW");
    expect(parsed("05-CT/TW").number).toBe("05-CT/TW");
    expect(parsed("005-CT/TW")).toEqual(parsed("5-CT/TW"));
    expect(parsed("0021-NQ/TW").number).toBe("21-NQ/TW");
    expect(parsed("10-NQ/TW").number).toBe("10-NQ/TW");
    expect(parsed("0000009999-NQ/TW").seq).toBe(9999);
  });

  it("tolerates spaces around the separators and typographic dashes", () => {
    expect(parsed("  21 - NQ / TW ").number).toBe("21-NQ/TW");
    expect(parsed("21–NQ/TW").number).toBe("21-NQ/TW"); // en dash
    expect(parsed("21—NQ/TW").number).toBe("21-NQ/TW"); // em dash
    expect(parsed("21\u2011NQ/TW").number).toBe("21-NQ/TW"); // non-breaking hyphen
    expect(parsed("21-NQ\uff0fTW").number).toBe("21-NQ/TW"); // full-width slash
  });
});

describe("parseDocumentNumber: malformed numbers say what is wrong", () => {
  it.each<[string, DocumentNumberProblem]>([
    ["", "EMPTY"],
    ["   ", "EMPTY"],
    ["21-NQ", "NO_ISSUER"],
    ["21-NQ/", "NO_ISSUER"],
    ["21-NQ/TW/TU", "TOO_MANY_SLASHES"],
    ["NQ/TW", "NO_SEQUENCE"],
    ["-NQ/TW", "NO_SEQUENCE"],
    ["số 21-NQ/TW", "NO_SEQUENCE"],
    ["0-NQ/TW", "SEQUENCE_ZERO"],
    ["00-NQ/TW", "SEQUENCE_ZERO"],
    ["10000-NQ/TW", "SEQUENCE_TOO_LARGE"],
    ["123456-NQ/TW", "SEQUENCE_TOO_LARGE"],
    ["21NQ/TW", "NO_HYPHEN"],
    ["21 NQ/TW", "NO_HYPHEN"],
    ["21-/TW", "NO_KIND"],
    ["21-XX/TW", "UNKNOWN_KIND"],
    ["21-N Q/TW", "UNKNOWN_KIND"],
    ["21-QĐi/TW", "UNKNOWN_KIND"],
    ["21-NQ/T", "BAD_ISSUER"],
    ["21-NQ/T1", "BAD_ISSUER"],
    ["21-NQ/T W", "BAD_ISSUER"],
    ["21-NQ/ABCDEFGHIJK", "BAD_ISSUER"],
    ["21-NQ/TỈNH", "BAD_ISSUER"],
    ["21-NQ/ĐU-", "BAD_ISSUER"],
    ["21-NQ/ĐU-A-B", "BAD_ISSUER"],
    ["21-NQ/-TW", "BAD_ISSUER"],
    ["21-NQ/ĐU_KCQ", "BAD_ISSUER"],
    ["x".repeat(41), "TOO_LONG"],
  ])("%j → %s", (input, expected) => {
    expect(problem(input)).toBe(expected);
  });

  it("names the offending part in the message", () => {
    const messageOf = (input: string) => {
      const r = parseDocumentNumber(input);
      return r.ok ? "" : r.message;
    };
    expect(messageOf("21-XX/TW")).toMatch(/"XX" is not a document kind/);
    expect(messageOf("21-NQ/T1")).toMatch(/issuer "T1" contains a digit/);
    expect(messageOf("21-NQ/T")).toMatch(/too short/);
    expect(messageOf("21-NQ/ABCDEFGHIJK")).toMatch(/too long/);
    expect(messageOf("21-NQ/TỈNH")).toMatch(/only the letters A–Z and Đ/);
    expect(messageOf("21-NQ")).toMatch(/issuer/);
    expect(messageOf("10000-NQ/TW")).toMatch(/at most 9999/);
    expect(messageOf("NQ/TW")).toMatch(/sequence number/);
  });

  it("never throws, whatever it is given", () => {
    for (const input of ["/", "//", "-", "-/", "1-/", "1/", "💥-NQ/TW", "21-NQ/💥", "\u0000"])
      expect(parseDocumentNumber(input).ok).toBe(false);
    expect(parseDocumentNumber(undefined as unknown as string).ok).toBe(false);
  });
});

describe("formatDocumentNumber", () => {
  it("writes the canonical form, and round-trips through the parser", () => {
    expect(formatDocumentNumber(5, DocumentKind.CT, "TW")).toBe("05-CT/TW");
    expect(formatDocumentNumber(368, DocumentKind.QD, "tu")).toBe("368-QĐ/TU");
    for (const kind of Object.values(DocumentKind)) {
      const number = formatDocumentNumber(42, kind, "ĐU");
      expect(parsed(number)).toEqual({ seq: 42, kind, issuer: "ĐU", number });
    }
  });

  it("refuses values the parser would refuse", () => {
    expect(() => formatDocumentNumber(0, DocumentKind.NQ, "TW")).toThrow(RangeError);
    expect(() => formatDocumentNumber(10_000, DocumentKind.NQ, "TW")).toThrow(RangeError);
    expect(() => formatDocumentNumber(1.5, DocumentKind.NQ, "TW")).toThrow(RangeError);
    expect(() => formatDocumentNumber(1, "XX" as DocumentKind, "TW")).toThrow(RangeError);
    expect(() => formatDocumentNumber(1, DocumentKind.NQ, "T")).toThrow(RangeError);
  });

  it("has a code and names for every kind", () => {
    for (const kind of Object.values(DocumentKind)) {
      expect(DOCUMENT_KINDS[kind].kind).toBe(kind);
      expect(documentKindOf(DOCUMENT_KINDS[kind].code)).toBe(kind);
      expect(DOCUMENT_KINDS[kind].nameVi.length).toBeGreaterThan(0);
    }
    expect(documentKindOf("qđ")).toBe("QD");
    expect(documentKindOf("zz")).toBeNull();
  });

  it("normalises issuer filters", () => {
    expect(normaliseIssuer("tu")).toBe("TU");
    expect(normaliseIssuer(" đu ")).toBe("ĐU");
    expect(normaliseIssuer("t")).toBeNull();
  });
});

describe("documentNumberQuery: a search box read as a number", () => {
  it.each([
    ["21", { seq: 21, kind: null, issuerPrefix: null }],
    ["021", { seq: 21, kind: null, issuerPrefix: null }],
    ["21 NQ", { seq: 21, kind: "NQ", issuerPrefix: null }],
    ["21nq", { seq: 21, kind: "NQ", issuerPrefix: null }],
    ["21-nq", { seq: 21, kind: "NQ", issuerPrefix: null }],
    ["21-nq/tw", { seq: 21, kind: "NQ", issuerPrefix: "TW" }],
    ["21-NQ/T", { seq: 21, kind: "NQ", issuerPrefix: "T" }],
    ["368-qd/tu", { seq: 368, kind: "QD", issuerPrefix: "TU" }],
    ["368 QĐ", { seq: 368, kind: "QD", issuerPrefix: null }],
    ["5-ct/tw", { seq: 5, kind: "CT", issuerPrefix: "TW" }],
    ["21/TW", { seq: 21, kind: null, issuerPrefix: "TW" }],
  ])("%s", (input, expected) => {
    expect(documentNumberQuery(input)).toEqual(expected);
  });

  it("gives null for words", () => {
    for (const input of ["", "xây dựng Đảng", "nghi quyet 21", "21 xx", "0", "12345", "NQ/TW"])
      expect(documentNumberQuery(input)).toBeNull();
  });
});

describe("who must issue an implementation plan", () => {
  const due = "2022-09-30";
  it("requires units that existed on the due date, also when dissolved later", () => {
    expect(requiredForPlan({ validFrom: "2015-01-01", validTo: null }, due, "2023-01-01")).toBe(
      true,
    );
    expect(
      requiredForPlan({ validFrom: "2015-01-01", validTo: "2022-10-01" }, due, "2023-01-01"),
    ).toBe(true);
    expect(
      requiredForPlan({ validFrom: "2015-01-01", validTo: "2022-10-01" }, due, "2025-01-01"),
    ).toBe(true);
  });

  it("does not require units dissolved on or before the due date", () => {
    expect(
      requiredForPlan({ validFrom: "2015-01-01", validTo: "2022-09-30" }, due, "2023-01-01"),
    ).toBe(false);
    expect(
      requiredForPlan({ validFrom: "2015-01-01", validTo: "2022-08-01" }, due, "2023-01-01"),
    ).toBe(false);
    // Seen before the due date: a unit already gone is not required, one still there is.
    expect(
      requiredForPlan({ validFrom: "2015-01-01", validTo: "2022-08-01" }, due, "2022-08-15"),
    ).toBe(false);
    expect(
      requiredForPlan({ validFrom: "2015-01-01", validTo: "2022-08-01" }, due, "2022-07-15"),
    ).toBe(true);
  });

  it("requires units created after the due date once they exist", () => {
    const late = { validFrom: "2023-03-01", validTo: null };
    expect(requiredForPlan(late, due, "2023-02-28")).toBe(false);
    expect(requiredForPlan(late, due, "2023-03-01")).toBe(true);
    expect(requiredForPlan({ validFrom: "2022-07-01", validTo: null }, due, "2022-06-30")).toBe(
      false,
    );
  });

  it("gives a unit created after the due date the same number of days from its creation", () => {
    // 21-NQ/TW of 16 June 2022, due 30 September 2022: 106 days.
    expect(effectiveDueOn({ validFrom: "2015-01-01" }, due, "2022-06-16")).toBe(due);
    expect(effectiveDueOn({ validFrom: due }, due, "2022-06-16")).toBe(due);
    expect(effectiveDueOn({ validFrom: "2024-01-01" }, due, "2022-06-16")).toBe("2024-04-16");
    expect(effectiveDueOn({ validFrom: "2024-01-01" }, "2022-06-16", "2022-06-16")).toBe(
      "2024-01-01",
    );
  });

  it("classifies plans as on time, late, overdue or pending on a date", () => {
    expect(implementationStatus(due, "2022-09-30", "2023-01-01")).toBe("ON_TIME");
    expect(implementationStatus(due, "2022-10-01", "2023-01-01")).toBe("LATE");
    expect(implementationStatus(due, null, "2022-10-01")).toBe("OVERDUE");
    expect(implementationStatus(due, null, "2022-09-30")).toBe("PENDING");
    // A plan issued after asOf did not exist yet.
    expect(implementationStatus(due, "2022-10-05", "2022-10-01")).toBe("OVERDUE");
    expect(implementationStatus(due, "2022-09-05", "2022-09-01")).toBe("PENDING");
  });

  it("computes coverage percentages", () => {
    expect(coveragePercent(435, 435)).toBe(100);
    expect(coveragePercent(2, 3)).toBe(66.7);
    expect(coveragePercent(0, 0)).toBeNull();
  });
});

describe("conferenceAttendance", () => {
  it("takes the count, or derives it from the member list", () => {
    expect(conferenceAttendance(4500, null)).toEqual({ ok: true, count: 4500 });
    expect(conferenceAttendance(0, undefined)).toEqual({ ok: true, count: 0 });
    expect(conferenceAttendance(undefined, 12)).toEqual({ ok: true, count: 12 });
    expect(conferenceAttendance(300, 12)).toEqual({ ok: true, count: 300 });
  });

  it("refuses a missing, negative or contradicting count", () => {
    expect(conferenceAttendance(null, null).ok).toBe(false);
    expect(conferenceAttendance(-1, null).ok).toBe(false);
    expect(conferenceAttendance(2.5, null).ok).toBe(false);
    expect(conferenceAttendance(3, 5)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/smaller/),
    });
  });
});
