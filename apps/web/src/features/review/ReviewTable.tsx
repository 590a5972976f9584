import { useMutation } from "@apollo/client/react";
import type { Classification } from "@dangbo/shared";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ReviewSheetFieldsFragment } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { badInput, describeBadInput, describeFailure, rowIndex } from "../lifecycle/errors.ts";
import { CLASSIFICATIONS, isClassification } from "./classification.ts";
import { SetReviewsMutation } from "./review.operations.ts";
import { storeSheet } from "./sheet-cache.ts";

type Choice = Classification | "";

/** The whole cell's classifications for the year in one table, saved together (setReviews). */
export function ReviewTable({
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
  const format = useFormat();
  const id = useId();
  const [values, setValues] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(sheet.rows.map((row) => [row.memberId, row.classification ?? ""])),
  );
  const [unitValue, setUnitValue] = useState<Choice>(sheet.unitClassification ?? "");
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [save, { loading }] = useMutation(SetReviewsMutation, {
    update: (cache, { data }) => storeSheet(cache, cellId, year, data?.setReviews),
  });

  const changed =
    sheet.rows.filter((row) => (values[row.memberId] ?? "") !== (row.classification ?? "")).length +
    (unitValue !== (sheet.unitClassification ?? "") ? 1 : 0);
  const tally = CLASSIFICATIONS.map((value) => ({
    value,
    count: sheet.rows.filter((row) => values[row.memberId] === value).length,
  }));
  const unclassified = sheet.rows.filter((row) => !values[row.memberId]).length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setFailure(null);
    setRowErrors({});
    setSaved(false);
    const entries = sheet.rows.map((row) => ({
      memberId: row.memberId,
      classification: values[row.memberId] || null,
    }));
    try {
      await save({
        variables: {
          cellId,
          year,
          entries,
          ...(unitValue ? { unitClassification: unitValue } : {}),
        },
      });
      setSaved(true);
    } catch (error) {
      const input = badInput(error);
      const index = input ? rowIndex(input.field, "entries") : null;
      const row = index !== null ? sheet.rows[index] : undefined;
      if (input && row) {
        setRowErrors({ [row.memberId]: describeBadInput(t, input) });
        setFailure(t("review.rowRefused"));
      } else setFailure(input ? describeBadInput(t, input) : describeFailure(t, error));
    }
  };

  const columns = {
    name: t("review.columns.name"),
    classification: t("review.columns.classification"),
  };

  if (sheet.rows.length === 0) {
    return <p className="state state-empty">{t("review.noMembers", { year })}</p>;
  }

  return (
    <form className="form review-form" noValidate onSubmit={(event) => void submit(event)}>
      {saved && (
        <p className="notice notice-success" role="status">
          {t("review.saved")}
        </p>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <div className="field narrow-field">
        <label htmlFor={`${id}-unit`}>{t("review.unitClassification")}</label>
        {editable ? (
          <select
            id={`${id}-unit`}
            value={unitValue}
            onChange={(event) => {
              setUnitValue(isClassification(event.target.value) ? event.target.value : "");
              setSaved(false);
            }}
          >
            <option value="" disabled={Boolean(sheet.unitClassification)}>
              {t("review.notClassified")}
            </option>
            {CLASSIFICATIONS.map((value) => (
              <option key={value} value={value}>
                {t(`review.classification.${value}`)}
              </option>
            ))}
          </select>
        ) : (
          <p id={`${id}-unit`}>
            {unitValue ? t(`review.classification.${unitValue}`) : t("review.notClassified")}
          </p>
        )}
      </div>
      <p className="hint" aria-live="polite">
        {tally
          .map(({ value, count }) =>
            t("review.tallyItem", {
              label: t(`review.classification.${value}`),
              count: format.number(count),
            }),
          )
          .join(" · ")}{" "}
        · {t("review.tallyNone", { count: unclassified })}
      </p>
      <div className="table-container">
        <table className="data-table review-table" aria-label={t("review.tableLabel", { year })}>
          <thead>
            <tr>
              <th scope="col">{columns.name}</th>
              <th scope="col">{columns.classification}</th>
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((row) => {
              const rowError = rowErrors[row.memberId];
              const value = values[row.memberId] ?? "";
              return (
                <tr key={row.memberId} className={rowError ? "row-invalid" : undefined}>
                  <th scope="row" data-label={columns.name}>
                    {row.fullName}
                    {rowError && (
                      <p id={`${id}-${row.memberId}-error`} className="field-error row-error">
                        {rowError}
                      </p>
                    )}
                  </th>
                  <td data-label={columns.classification}>
                    {editable ? (
                      <select
                        aria-label={t("review.classificationOf", { name: row.fullName })}
                        value={value}
                        aria-invalid={rowError ? true : undefined}
                        aria-describedby={rowError ? `${id}-${row.memberId}-error` : undefined}
                        onChange={(event) => {
                          const next = event.target.value;
                          setValues((current) => ({
                            ...current,
                            [row.memberId]: isClassification(next) ? next : "",
                          }));
                          setSaved(false);
                        }}
                      >
                        <option value="">{t("review.notClassified")}</option>
                        {CLASSIFICATIONS.map((option) => (
                          <option key={option} value={option}>
                            {t(`review.classification.${option}`)}
                          </option>
                        ))}
                      </select>
                    ) : value ? (
                      t(`review.classification.${value}`)
                    ) : (
                      t("review.notClassified")
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
            {loading ? t("review.saving") : t("review.save")}
          </button>
          <span className="hint" aria-live="polite">
            {changed > 0 ? t("review.changed", { count: changed }) : t("review.unchanged")}
          </span>
        </div>
      )}
    </form>
  );
}
