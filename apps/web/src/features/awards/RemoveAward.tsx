import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formErrors } from "../campaigns/errors.ts";
import { TextField } from "../campaigns/fields.tsx";
import { RESULT_WRITERS, useHasRole } from "../campaigns/roles.ts";
import { DeleteAwardMutation } from "./awards.operations.ts";

/**
 * Removes an award recorded by mistake, after asking why (the audit log keeps the award and the
 * reason). Shown only to those who record awards; the API checks again.
 */
export function RemoveAward({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const allowed = useHasRole(RESULT_WRITERS);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [remove, { loading }] = useMutation(DeleteAwardMutation, {
    refetchQueries: ["Awards", "EmulationAwards", "UnitAwards", "MemberAwards"],
    update: (cache) => {
      cache.evict({ id: cache.identify({ __typename: "Award", id }) });
      cache.gc();
    },
  });
  if (!allowed) return null;
  if (!open)
    return (
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        {t("awards.remove.open", { name })}
      </button>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setFailure(null);
    if (!reason.trim()) {
      setError(t("awards.remove.missingReason"));
      return;
    }
    setError(null);
    try {
      await remove({ variables: { id, reason: reason.trim() } });
    } catch (caught) {
      const problem = formErrors(t, caught, ["reason"] as const);
      if (problem.field === "reason") setError(problem.text);
      else setFailure(problem.text);
    }
  };

  return (
    <form className="inline-form" noValidate onSubmit={(event) => void submit(event)}>
      <TextField
        label={t("awards.remove.reason")}
        hint={t("awards.remove.hint")}
        value={reason}
        error={error}
        maxLength={500}
        onChange={(event) => setReason(event.target.value)}
      />
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={loading}>
          {loading ? t("awards.remove.submitting") : t("awards.remove.submit")}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          {t("awards.remove.cancel")}
        </button>
      </div>
    </form>
  );
}
