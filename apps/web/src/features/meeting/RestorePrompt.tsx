import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useDateTimeFormat } from "../../i18n/datetime.ts";
import { useFormat } from "../../i18n/format.ts";
import type { UnsentMeeting } from "./storage.ts";

/** "You have an unsent meeting": continue it (with its key) or discard it. */
export function RestorePrompt({
  record,
  kind,
  onContinue,
  onDiscard,
}: {
  record: UnsentMeeting;
  kind: "new" | "edit";
  onContinue: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const dateTime = useDateTimeFormat();
  const headingId = useId();
  const { values } = record;
  return (
    <section className="restore-prompt notice" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {kind === "new" ? t("meeting.restore.title") : t("meeting.restore.editTitle")}
      </h2>
      <p>{t("meeting.restore.text", { at: dateTime(record.savedAt) })}</p>
      <ul className="restore-summary">
        <li>{t(`meeting.kinds.${values.kind}`)}</li>
        <li>
          {t("meeting.restore.heldAt", {
            date: /^\d{4}-\d{2}-\d{2}$/.test(values.date) ? format.date(values.date) : values.date,
            time: values.time,
          })}
        </li>
        {values.theme.trim() && <li>{values.theme}</li>}
      </ul>
      <div className="form-actions">
        <button type="button" className="button" onClick={onContinue}>
          {t("meeting.restore.continue")}
        </button>
        <button type="button" className="button button-secondary" onClick={onDiscard}>
          {t("meeting.restore.discard")}
        </button>
      </div>
    </section>
  );
}
