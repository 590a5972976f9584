import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { MeetingQuery as MeetingData } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import type { ErrorCode } from "../../ui/errors.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { RequireRole } from "../auth/guards.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { LockNotice } from "./LockNotice.tsx";
import { MeetingForm, type SavedMeeting } from "./MeetingForm.tsx";
import { MeetingQuery } from "./meeting.operations.ts";
import { RestorePrompt } from "./RestorePrompt.tsx";
import { MEETING_WRITERS } from "./roles.ts";
import { editMeetingStorageKey, readUnsent, removeUnsent, type UnsentMeeting } from "./storage.ts";
import { valuesFromMeeting } from "./values.ts";

const NOT_FOUND_CODES: readonly ErrorCode[] = ["NOT_FOUND", "BAD_USER_INPUT"];

/** `/meetings/:id/edit`: changes to a meeting while it may be edited (30 days, or unlocked). */
export function EditMeetingPage() {
  const { id = "" } = useParams();
  return (
    <RequireRole roles={MEETING_WRITERS}>
      <EditMeeting key={id} id={id} />
    </RequireRole>
  );
}

function EditMeeting({ id }: { id: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t("meeting.edit.title"));
  const query = useQuery(MeetingQuery, { variables: { id }, fetchPolicy: "cache-and-network" });
  return (
    <div className="meeting-page">
      <p className="back-link">
        <Link to={`/meetings/${encodeURIComponent(id)}`}>{t("meeting.edit.back")}</Link>
      </p>
      <h1>{t("meeting.edit.title")}</h1>
      <QueryState
        loading={query.loading}
        error={query.error}
        data={query.data}
        onRetry={() => query.refetch()}
        loadingLabel={t("meeting.page.loading")}
        notFound={<p className="state state-empty">{t("meeting.page.notFoundText")}</p>}
        notFoundCodes={NOT_FOUND_CODES}
      >
        {({ meeting }) =>
          meeting.editable ? <EditForm meeting={meeting} /> : <LockNotice meeting={meeting} />
        }
      </QueryState>
    </div>
  );
}

function EditForm({ meeting }: { meeting: MeetingData["meeting"] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const viewer = useViewer();
  const storageKey = editMeetingStorageKey(meeting.id);
  const [unsent, setUnsent] = useState<UnsentMeeting | null>(() => {
    const record = readUnsent(storageKey);
    return record && record.username === viewer?.username ? record : null;
  });
  const [choice, setChoice] = useState<"restored" | "fresh" | null>(unsent ? null : "fresh");

  const onSaved = (saved: SavedMeeting) =>
    void navigate(`/meetings/${encodeURIComponent(saved.id)}`, {
      state: { saved: saved.draft ? "draft" : "saved" },
    });

  if (choice === null && unsent) {
    return (
      <RestorePrompt
        kind="edit"
        record={unsent}
        onContinue={() => setChoice("restored")}
        onDiscard={() => {
          removeUnsent(storageKey);
          setUnsent(null);
          setChoice("fresh");
        }}
      />
    );
  }
  const restored = choice === "restored" && unsent !== null;
  return (
    <>
      <p className="hint">
        {t("meeting.edit.intro", {
          kind: t(`meeting.kinds.${meeting.kind}`),
          date: format.date(meeting.heldOn),
        })}
      </p>
      <MeetingForm
        mode="edit"
        meetingId={meeting.id}
        wasDraft={meeting.draft}
        cellId={meeting.cell.id}
        initial={restored ? unsent.values : valuesFromMeeting(meeting)}
        restored={restored}
        lastSent={null}
        onSaved={onSaved}
      />
    </>
  );
}
