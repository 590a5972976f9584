import { useMutation } from "@apollo/client/react";
import { addDaysIso, MEETING_EDIT_DAYS } from "@dangbo/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { errorCode, type ErrorCode } from "../../ui/errors.ts";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { UnlockMeetingMutation } from "./meeting.operations.ts";
import { hasRole, MEETING_UNLOCKERS } from "./roles.ts";

/** Days a staff member's unlock lasts. */
export const UNLOCK_DAYS = 7;

/** The last day a meeting may be edited without an unlock (the shared 30-day rule). */
export function editableUntil(heldOn: string): string {
  return addDaysIso(heldOn, MEETING_EDIT_DAYS);
}

/**
 * Why a meeting can no longer be edited, and — for staff and admins — the button that opens it
 * for another 7 days (the API records the unlock in the audit log).
 */
export function LockNotice({ meeting }: { meeting: { id: string; heldOn: string } }) {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const [unlock, { loading }] = useMutation(UnlockMeetingMutation);
  const canUnlock = hasRole(MEETING_UNLOCKERS, viewer?.role);

  return (
    <div className="notice lock-notice" role="status">
      <p>
        <strong>{t("meeting.lock.title")}</strong>
      </p>
      <p>
        {t("meeting.lock.why", {
          days: MEETING_EDIT_DAYS,
          date: format.date(editableUntil(meeting.heldOn)),
        })}
      </p>
      {canUnlock ? (
        <>
          <button
            type="button"
            className="button"
            aria-disabled={loading}
            onClick={() => {
              if (loading) return;
              setFailure(null);
              unlock({ variables: { id: meeting.id, days: UNLOCK_DAYS } }).catch((error: unknown) =>
                setFailure(errorCode(error)),
              );
            }}
          >
            {loading
              ? t("meeting.lock.unlocking")
              : t("meeting.lock.unlock", { days: UNLOCK_DAYS })}
          </button>
          {failure && (
            <p className="inline-error" role="alert">
              {t("meeting.lock.unlockFailed", { reason: t(`errors.${failure}`) })}
            </p>
          )}
        </>
      ) : (
        <p>{t("meeting.lock.askStaff")}</p>
      )}
    </div>
  );
}
