import { useMutation } from "@apollo/client/react";
import { GRASSROOTS_KINDS, OrgUnitKind } from "@dangbo/shared";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { errorCode } from "../../ui/errors.ts";
import { badInput, evictDocumentFigures } from "../documents/errors.ts";
import { InputField } from "../documents/fields.tsx";
import { UnitSearchField, type PickedUnit } from "../documents/UnitSearchField.tsx";
import { SetRequirementMutation } from "./implementation.operations.ts";

/** Kinds a requirement may name: every kind below the province. */
export const REQUIRABLE_KINDS = Object.values(OrgUnitKind).filter(
  (kind) => kind !== "PROVINCIAL_COMMITTEE",
);

type Field = "scopeUnitId" | "unitKinds" | "dueOn";
type Errors = Partial<Record<Field, string>>;

/**
 * Staff: require the units of some kinds (by default the grassroots organisations) in a unit's
 * subtree to issue a programme or plan by a date. Collapsed until opened.
 */
export function RequirementForm({
  documentId,
  documentIssuedOn,
  unit,
}: {
  documentId: string;
  documentIssuedOn: string;
  unit: PickedUnit | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [scope, setScope] = useState<PickedUnit | null>(unit);
  const [kinds, setKinds] = useState<OrgUnitKind[]>([...GRASSROOTS_KINDS]);
  const [dueOn, setDueOn] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const refs = {
    scopeUnitId: useRef<HTMLInputElement>(null),
    unitKinds: useRef<HTMLInputElement>(null),
    dueOn: useRef<HTMLInputElement>(null),
  };
  const [save, { loading }] = useMutation(SetRequirementMutation, {
    update: (cache) => evictDocumentFigures(cache, ["implementationCoverage"]),
    refetchQueries: ["ImplementationCoverage"],
    awaitRefetchQueries: true,
  });

  const show = (found: Errors) => {
    setErrors(found);
    const first = (["scopeUnitId", "unitKinds", "dueOn"] as const).find((f) => found[f]);
    if (first) refs[first].current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setFailure(null);
    setSaved(false);
    const found: Errors = {};
    if (!scope) found.scopeUnitId = t("implementation.requirementForm.missing.scope");
    if (kinds.length === 0) found.unitKinds = t("implementation.requirementForm.missing.kinds");
    if (!dueOn) found.dueOn = t("implementation.requirementForm.missing.dueOn");
    else if (dueOn < documentIssuedOn)
      found.dueOn = t("implementation.requirementForm.beforeDocument");
    if (Object.keys(found).length > 0 || !scope) return show(found);
    setErrors({});
    try {
      await save({ variables: { documentId, scopeUnitId: scope.id, unitKinds: kinds, dueOn } });
      setSaved(true);
    } catch (error) {
      const input = badInput(error);
      if (input?.field === "dueOn")
        show({ dueOn: t("implementation.serverErrors.dueBeforeDocument") });
      else if (input && (input.field === "scopeUnitId" || input.field === "unitKinds"))
        show({ [input.field]: input.message });
      else if (input) setFailure(input.message);
      else {
        const code = errorCode(error);
        setFailure(
          code === "FORBIDDEN" ? t("implementation.serverErrors.forbidden") : t(`errors.${code}`),
        );
      }
    }
  };

  return (
    <details className="disclosure requirement-form">
      <summary>{t("implementation.requirementForm.title")}</summary>
      <p className="hint">{t("implementation.requirementForm.intro")}</p>
      {saved && (
        <p className="notice notice-success" role="status">
          {t("implementation.requirementForm.saved")}
        </p>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <UnitSearchField
          label={t("implementation.requirementForm.scope")}
          value={scope}
          onChange={setScope}
          error={errors.scopeUnitId}
          inputRef={refs.scopeUnitId}
        />
        <fieldset
          className="fieldset checkbox-group"
          aria-describedby={errors.unitKinds ? `${id}-kinds-error` : undefined}
        >
          <legend>{t("implementation.requirementForm.kinds")}</legend>
          {REQUIRABLE_KINDS.map((kind, index) => (
            <div key={kind} className="field field-checkbox">
              <input
                id={`${id}-${kind}`}
                ref={index === 0 ? refs.unitKinds : undefined}
                type="checkbox"
                checked={kinds.includes(kind)}
                onChange={(event) =>
                  setKinds((current) =>
                    event.target.checked
                      ? REQUIRABLE_KINDS.filter((k) => k === kind || current.includes(k))
                      : current.filter((k) => k !== kind),
                  )
                }
              />
              <label htmlFor={`${id}-${kind}`}>{t(`enums.orgUnitKind.${kind}`)}</label>
            </div>
          ))}
          {errors.unitKinds && (
            <p id={`${id}-kinds-error`} className="field-error">
              {errors.unitKinds}
            </p>
          )}
        </fieldset>
        <InputField
          type="date"
          label={t("implementation.requirementForm.dueOn")}
          hint={t("implementation.requirementForm.dueOnHint", {
            date: format.date(documentIssuedOn),
          })}
          min={documentIssuedOn}
          required
          value={dueOn}
          error={errors.dueOn}
          inputRef={refs.dueOn}
          onChange={(event) => setDueOn(event.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={loading}>
            {loading
              ? t("implementation.requirementForm.submitting")
              : t("implementation.requirementForm.submit")}
          </button>
        </div>
      </form>
    </details>
  );
}
