import { useMutation } from "@apollo/client/react";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdmissionTargetsQuery as TargetsData } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { errorCode } from "../../ui/errors.ts";
import { SetAdmissionTargetsMutation } from "./targets.operations.ts";

type TargetRow = TargetsData["admissionTargets"]["rows"][number];

/** The API's bounds for a target (TargetInput.target: 0–100000). */
export const TARGET_MAX = 100_000;

type Status =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "invalid" }
  | { kind: "failed"; message: string };

/** "12" → 12; anything but a whole number from 0 to TARGET_MAX → null. */
export function parseTarget(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= TARGET_MAX ? value : null;
}

/**
 * One subordinate's target, edited in place: saved on Enter or when the field loses focus,
 * shown at once (optimistic) and put back with the server's reason when it is refused.
 */
export function TargetInputCell({
  row,
  year,
  describedBy,
}: {
  row: TargetRow;
  year: number;
  describedBy: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const messageId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const cancelled = useRef(false);
  const [save] = useMutation(SetAdmissionTargetsMutation);

  const shown = draft ?? (row.target === null ? "" : String(row.target));

  async function commit() {
    if (draft === null) return;
    const text = draft;
    const current = row.target === null ? "" : String(row.target);
    if (text.trim() === current) {
      setDraft(null);
      return;
    }
    const value = parseTarget(text);
    if (value === null) {
      setStatus({ kind: "invalid" });
      return;
    }
    setDraft(null);
    setStatus({ kind: "saving" });
    // Written to the cache at once (TargetRow is keyed by unitId + year), removed on failure.
    const optimistic = { ...row, __typename: "TargetRow" as const, target: value };
    try {
      await save({
        variables: { year, targets: [{ unitId: row.unitId, target: value }] },
        optimisticResponse: { setAdmissionTargets: [optimistic] },
      });
      setStatus({ kind: "saved" });
    } catch (error) {
      const code = errorCode(error);
      const serverMessage = CombinedGraphQLErrors.is(error) ? (error.errors[0]?.message ?? "") : "";
      const shownValue = format.number(value);
      const message =
        code === "BAD_USER_INPUT"
          ? t("targets.saveErrors.BAD_USER_INPUT", { value: shownValue, message: serverMessage })
          : code === "FORBIDDEN"
            ? t("targets.saveErrors.FORBIDDEN", { name: row.name })
            : t("targets.saveErrors.other", { value: shownValue, reason: t(`errors.${code}`) });
      setStatus({ kind: "failed", message });
    }
  }

  const invalid = status.kind === "invalid" || status.kind === "failed";
  return (
    <div className="target-edit">
      <input
        type="text"
        inputMode="numeric"
        pattern="[0-9]*"
        autoComplete="off"
        className="target-input"
        aria-label={t("targets.targetOf", { year, name: row.name })}
        aria-describedby={`${describedBy} ${messageId}`}
        aria-invalid={invalid || undefined}
        value={shown}
        onChange={(event) => {
          setDraft(event.target.value);
          if (status.kind !== "saving") setStatus({ kind: "idle" });
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            void commit();
          } else if (event.key === "Escape" && draft !== null) {
            event.preventDefault();
            cancelled.current = true;
            setDraft(null);
            setStatus({ kind: "idle" });
          }
        }}
        onBlur={() => {
          if (cancelled.current) {
            cancelled.current = false;
            return;
          }
          void commit();
        }}
      />
      <span
        id={messageId}
        className={invalid ? "target-message target-message-error" : "target-message"}
        role={invalid ? "alert" : "status"}
      >
        {status.kind === "saving" && t("targets.saving")}
        {status.kind === "saved" && t("targets.saved")}
        {status.kind === "invalid" && t("targets.invalid")}
        {status.kind === "failed" && status.message}
      </span>
    </div>
  );
}
