import { parseDocumentNumber, type DocumentKind, type DocumentNumberProblem } from "@dangbo/shared";
import type { TFunction } from "i18next";

export type NumberCheck =
  | { ok: true; number: string; kind: DocumentKind; issuer: string }
  | { ok: false; problem: DocumentNumberProblem; message: string };

/**
 * A typed document number checked with the API's own parser (packages/shared), so the hint
 * under the field says what the server would say — in the user's language.
 */
export function checkDocumentNumber(t: TFunction, text: string): NumberCheck {
  const result = parseDocumentNumber(text);
  if (result.ok) {
    const { number, kind, issuer } = result.value;
    return { ok: true, number, kind, issuer };
  }
  return {
    ok: false,
    problem: result.problem,
    message: numberProblemText(t, result.problem, text),
  };
}

export function numberProblemText(
  t: TFunction,
  problem: DocumentNumberProblem | "DUPLICATE",
  text: string,
): string {
  const kind = /-\s*([^/]*)/.exec(text)?.[1]?.trim() ?? "";
  const parsed = parseDocumentNumber(text);
  return t(`documents.number.problems.${problem}`, {
    kind,
    number: parsed.ok ? parsed.value.number : text.trim(),
  });
}

/** "Chỉ thị của TU" — the kind as printed in the user's language. */
export function describeNumber(t: TFunction, check: Extract<NumberCheck, { ok: true }>): string {
  return t("documents.number.parsed", {
    number: check.number,
    kind: t(`documents.kinds.${check.kind}`),
    issuer: check.issuer === "TW" ? t("documents.central") : check.issuer,
  });
}

/** Issuer codes whose documents have no issuing unit in the province. */
export const CENTRAL_ISSUER = "TW";
/** Documents numbered …/TU are the provincial committee's. */
export const PROVINCIAL_ISSUER = "TU";
