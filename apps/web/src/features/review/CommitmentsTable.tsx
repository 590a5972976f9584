import { useMutation } from "@apollo/client/react";
import type { Classification } from "@dangbo/shared";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ReviewSheetFieldsFragment } from "../../gql/graphql.ts";
import { badInput, describeBadInput, describeFailure, rowIndex } from "../lifecycle/errors.ts";
import { CLASSIFICATIONS, isClassification } from "./classification.ts";
import { SetCommitmentsMutation } from "./review.operations.ts";
import { storeSheet } from "./sheet-cache.ts";

interface Entry {
  content: string;
  keyLeader: boolean;
  outcome: Classification | "";
}

const MAX_CONTENT = 2000;

/** Each member's exemplary commitment for the year, key-leader flag and outcome (setCommitments). */
export function CommitmentsTable({
  cellId,
  year,
  sheet,
  editable,
}: {
  cellId: string;
  year: number;
  sheet: ReviewSheetFieldsFragment;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(
      sheet.rows.map((row) => [
        row.memberId,
        {
          content: row.commitment ?? "",
          keyLeader: row.keyLeader,
          outcome: row.commitmentOutcome ?? "",
        },
      ]),
    ),
  );
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [save, { loading }] = useMutation(SetCommitmentsMutation, {
    update: (cache, { data }) => storeSheet(cache, cellId, year, data?.setCommitments),
  });

  const set = (memberId: string, change: Partial<Entry>) => {
    setEntries((current) => ({
      ...current,
      [memberId]: {
        ...(current[memberId] ?? { content: "", keyLeader: false, outcome: "" }),
        ...change,
      },
    }));
    setSaved(false);
  };

  const committed = sheet.rows.filter((row) => entries[row.memberId]?.content.trim()).length;
  const keyLeaders = sheet.rows.filter(
    (row) => entries[row.memberId]?.content.trim() && entries[row.memberId]?.keyLeader,
  ).length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setFailure(null);
    setRowErrors({});
    setSaved(false);
    // A commitment needs its content: rows left empty are not sent.
    const rows = sheet.rows.filter((row) => entries[row.memberId]?.content.trim());
    const tooLong = rows.filter(
      (row) => (entries[row.memberId]?.content.trim().length ?? 0) > MAX_CONTENT,
    );
    if (tooLong.length > 0) {
      setRowErrors(
        Object.fromEntries(
          tooLong.map((row) => [
            row.memberId,
            t("review.commitments.tooLong", { max: MAX_CONTENT }),
          ]),
        ),
      );
      setFailure(t("review.rowRefused"));
      return;
    }
    try {
      await save({
        variables: {
          cellId,
          year,
          entries: rows.map((row) => {
            const entry = entries[row.memberId]!;
            return {
              memberId: row.memberId,
              content: entry.content.trim(),
              keyLeader: entry.keyLeader,
              outcome: entry.outcome || null,
            };
          }),
        },
      });
      setSaved(true);
    } catch (error) {
      const input = badInput(error);
      const index = input ? rowIndex(input.field, "entries") : null;
      const row = index !== null ? rows[index] : undefined;
      if (input && row) {
        setRowErrors({ [row.memberId]: describeBadInput(t, input) });
        setFailure(t("review.rowRefused"));
      } else setFailure(input ? describeBadInput(t, input) : describeFailure(t, error));
    }
  };

  if (sheet.rows.length === 0) {
    return <p className="state state-empty">{t("review.noMembers", { year })}</p>;
  }

  const columns = {
    name: t("review.columns.name"),
    content: t("review.commitments.content"),
    keyLeader: t("review.commitments.keyLeader"),
    outcome: t("review.commitments.outcome"),
  };

  return (
    <form className="form review-form" noValidate onSubmit={(event) => void submit(event)}>
      {saved && (
        <p className="notice notice-success" role="status">
          {t("review.commitments.saved")}
        </p>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <p className="hint" aria-live="polite">
        {t("review.commitments.tally", {
          committed,
          members: sheet.rows.length,
          keyLeaders,
        })}
      </p>
      {editable && <p className="hint">{t("review.commitments.hint")}</p>}
      <div className="table-container">
        <table
          className="data-table commitments-table"
          aria-label={t("review.commitments.tableLabel", { year })}
        >
          <thead>
            <tr>
              <th scope="col">{columns.name}</th>
              <th scope="col">{columns.content}</th>
              <th scope="col">{columns.keyLeader}</th>
              <th scope="col">{columns.outcome}</th>
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((row) => {
              const entry = entries[row.memberId] ?? { content: "", keyLeader: false, outcome: "" };
              const rowError = rowErrors[row.memberId];
              const errorId = `${id}-${row.memberId}-error`;
              return (
                <tr key={row.memberId} className={rowError ? "row-invalid" : undefined}>
                  <th scope="row" data-label={columns.name}>
                    {row.fullName}
                    {rowError && (
                      <p id={errorId} className="field-error row-error">
                        {rowError}
                      </p>
                    )}
                  </th>
                  <td data-label={columns.content}>
                    {editable ? (
                      <textarea
                        rows={2}
                        aria-label={t("review.commitments.contentOf", { name: row.fullName })}
                        aria-invalid={rowError ? true : undefined}
                        aria-describedby={rowError ? errorId : undefined}
                        value={entry.content}
                        onChange={(event) => set(row.memberId, { content: event.target.value })}
                      />
                    ) : (
                      entry.content || t("review.commitments.none")
                    )}
                  </td>
                  <td data-label={columns.keyLeader}>
                    {editable ? (
                      <input
                        type="checkbox"
                        aria-label={t("review.commitments.keyLeaderOf", { name: row.fullName })}
                        checked={entry.keyLeader}
                        onChange={(event) => set(row.memberId, { keyLeader: event.target.checked })}
                      />
                    ) : entry.keyLeader ? (
                      t("review.commitments.yes")
                    ) : (
                      t("review.commitments.no")
                    )}
                  </td>
                  <td data-label={columns.outcome}>
                    {editable ? (
                      <select
                        aria-label={t("review.commitments.outcomeOf", { name: row.fullName })}
                        value={entry.outcome}
                        onChange={(event) =>
                          set(row.memberId, {
                            outcome: isClassification(event.target.value) ? event.target.value : "",
                          })
                        }
                      >
                        <option value="">{t("review.commitments.noOutcome")}</option>
                        {CLASSIFICATIONS.map((value) => (
                          <option key={value} value={value}>
                            {t(`review.classification.${value}`)}
                          </option>
                        ))}
                      </select>
                    ) : entry.outcome ? (
                      t(`review.classification.${entry.outcome}`)
                    ) : (
                      t("review.commitments.noOutcome")
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {editable && (
        <div className="form-actions sticky-actions">
          <button type="submit" className="button" aria-disabled={loading}>
            {loading ? t("review.saving") : t("review.commitments.save")}
          </button>
        </div>
      )}
    </form>
  );
}
