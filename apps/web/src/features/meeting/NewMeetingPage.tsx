import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { cellPath } from "../cell/paths.ts";
import { RequireRole } from "../auth/guards.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { MeetingForm, type SavedMeeting } from "./MeetingForm.tsx";
import { RestorePrompt } from "./RestorePrompt.tsx";
import { MEETING_WRITERS } from "./roles.ts";
import {
  newIdempotencyKey,
  removeUnsent,
  unsentNewMeetings,
  type UnsentMeeting,
} from "./storage.ts";
import { emptyValues } from "./values.ts";

/** `/cell/meetings/new` (the secretary's own cell) and `/cells/:id/meetings/new`. */
export function NewMeetingPage() {
  const { id } = useParams();
  const viewer = useViewer();
  if (!viewer) return null;
  const cellId = id ?? viewer.unit.id;
  return (
    <RequireRole roles={MEETING_WRITERS}>
      <NewMeeting key={cellId} cellId={cellId} username={viewer.username} own={!id} />
    </RequireRole>
  );
}

interface FormSession {
  idempotencyKey: string;
  record: UnsentMeeting | null;
}

function NewMeeting({ cellId, username, own }: { cellId: string; username: string; own: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t("meeting.new.title"));
  const [unsent, setUnsent] = useState(() => unsentNewMeetings(cellId, username));
  // One key per form, made once: every retry of this form sends it.
  const [session, setSession] = useState<FormSession | null>(() =>
    unsent.length > 0 ? null : { idempotencyKey: newIdempotencyKey(), record: null },
  );
  const back = cellPath(cellId, own);

  const onSaved = (meeting: SavedMeeting) =>
    void navigate(`/meetings/${encodeURIComponent(meeting.id)}`, {
      state: { saved: meeting.draft ? "draft" : "saved" },
    });

  const pending = unsent[0];
  return (
    <div className="meeting-page">
      <p className="back-link">
        <Link to={back}>{t("meeting.backToCell")}</Link>
      </p>
      <h1>{t("meeting.new.title")}</h1>
      {session === null && pending ? (
        <RestorePrompt
          kind="new"
          record={pending.record}
          onContinue={() =>
            setSession({ idempotencyKey: pending.record.idempotencyKey!, record: pending.record })
          }
          onDiscard={() => {
            removeUnsent(pending.key);
            const rest = unsentNewMeetings(cellId, username);
            setUnsent(rest);
            if (rest.length === 0)
              setSession({ idempotencyKey: newIdempotencyKey(), record: null });
          }}
        />
      ) : session ? (
        <MeetingForm
          key={session.idempotencyKey}
          mode="new"
          cellId={cellId}
          idempotencyKey={session.idempotencyKey}
          initial={session.record?.values ?? emptyValues()}
          restored={session.record !== null}
          lastSent={session.record?.lastSent ?? null}
          onSaved={onSaved}
        />
      ) : null}
    </div>
  );
}
