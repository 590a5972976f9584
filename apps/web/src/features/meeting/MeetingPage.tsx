import type { TFunction } from "i18next";
import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import type { MeetingQuery as MeetingData } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import type { ErrorCode } from "../../ui/errors.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { cellPath } from "../cell/paths.ts";
import { editableUntil, LockNotice } from "./LockNotice.tsx";
import { MeetingQuery } from "./meeting.operations.ts";
import { AUDIT_READERS, hasRole, MEETING_WRITERS } from "./roles.ts";
import { vnTime } from "./time.ts";
import "./meeting.css";

const NOT_FOUND_CODES: readonly ErrorCode[] = ["NOT_FOUND", "BAD_USER_INPUT"];

type Meeting = MeetingData["meeting"];

/** `/meetings/:id`: one meeting, its attendance, and what may be done with it. */
export function MeetingPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery(MeetingQuery, { variables: { id } });
  const location = useLocation();
  const saved = (location.state as { saved?: "saved" | "draft" } | null)?.saved;
  useDocumentTitle(
    query.data ? meetingTitle(t, query.data.meeting, format.date) : t("meeting.page.title"),
  );

  return (
    <div className="meeting-page">
      <QueryState
        loading={query.loading}
        error={query.error}
        data={query.data}
        onRetry={() => query.refetch()}
        loadingLabel={t("meeting.page.loading")}
        notFound={<MeetingNotFound />}
        notFoundCodes={NOT_FOUND_CODES}
      >
        {({ meeting }) => <MeetingDetails meeting={meeting} saved={saved} />}
      </QueryState>
    </div>
  );
}

function meetingTitle(
  t: TFunction,
  meeting: Pick<Meeting, "kind" | "heldOn">,
  date: (iso: string) => string,
): string {
  return t("meeting.page.heading", {
    kind: t(`meeting.kinds.${meeting.kind}`),
    date: date(meeting.heldOn),
  });
}

function MeetingDetails({
  meeting,
  saved,
}: {
  meeting: Meeting;
  saved: "saved" | "draft" | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const attendanceId = useId();
  const canWrite = hasRole(MEETING_WRITERS, viewer?.role);
  const own = viewer?.unit.id === meeting.cell.id;
  const groups = {
    PRESENT: meeting.attendance.filter((a) => a.status === "PRESENT"),
    EXCUSED: meeting.attendance.filter((a) => a.status === "EXCUSED"),
    ABSENT: meeting.attendance.filter((a) => a.status === "ABSENT"),
  };

  return (
    <>
      <p className="back-link">
        <Link to={cellPath(meeting.cell.id, own)}>
          {t("meeting.page.backTo", { name: meeting.cell.name })}
        </Link>
      </p>
      {saved && (
        <p className="notice notice-success" role="status">
          {saved === "draft" ? t("meeting.page.savedDraft") : t("meeting.page.saved")}
        </p>
      )}
      <header className="meeting-header">
        <p className="eyebrow">{meeting.cell.name}</p>
        <h1>{meetingTitle(t, meeting, format.date)}</h1>
        <p className="badges">
          {meeting.draft && <span className="badge badge-draft">{t("meeting.badges.draft")}</span>}
          {!meeting.editable && (
            <span className="badge badge-locked">{t("meeting.badges.locked")}</span>
          )}
        </p>
      </header>

      {meeting.editable ? (
        <div className="meeting-actions-bar">
          {canWrite && (
            <Link className="button" to={`/meetings/${encodeURIComponent(meeting.id)}/edit`}>
              {meeting.draft ? t("meeting.page.finish") : t("meeting.page.edit")}
            </Link>
          )}
          <p className="hint">
            {meeting.unlockedUntil
              ? t("meeting.page.unlockedUntil", { date: format.date(meeting.unlockedUntil) })
              : t("meeting.page.editableUntil", {
                  date: format.date(editableUntil(meeting.heldOn)),
                })}
          </p>
        </div>
      ) : (
        <LockNotice meeting={meeting} />
      )}

      <dl className="details meeting-details">
        <div>
          <dt>{t("meeting.page.when")}</dt>
          <dd>
            {t("meeting.page.whenValue", {
              time: vnTime(meeting.heldAt),
              date: format.date(meeting.heldOn),
            })}
          </dd>
        </div>
        <div>
          <dt>{t("meeting.page.kind")}</dt>
          <dd>{t(`meeting.kinds.${meeting.kind}`)}</dd>
        </div>
        <div className="details-wide">
          <dt>{t("meeting.page.theme")}</dt>
          <dd>{meeting.theme ?? t("meeting.page.none")}</dd>
        </div>
        {meeting.studyTheme && (
          <div className="details-wide">
            <dt>{t("meeting.page.studyTheme", { year: meeting.studyTheme.year })}</dt>
            <dd>{meeting.studyTheme.title}</dd>
          </div>
        )}
        <div>
          <dt>{t("meeting.page.guests")}</dt>
          <dd>{meeting.guests ?? t("meeting.page.none")}</dd>
        </div>
        <div>
          <dt>{t("meeting.page.quality")}</dt>
          <dd>
            {meeting.qualityRating
              ? t(`meeting.quality.r${meeting.qualityRating as 1 | 2 | 3 | 4 | 5}`)
              : t("meeting.page.notRated")}
          </dd>
        </div>
      </dl>

      <section className="meeting-text">
        <h2>{t("meeting.page.minutes")}</h2>
        <p className="prewrap">{meeting.minutes ?? t("meeting.page.none")}</p>
        <h2>{t("meeting.page.decisions")}</h2>
        <p className="prewrap">{meeting.decisions ?? t("meeting.page.none")}</p>
      </section>

      <section aria-labelledby={attendanceId} className="meeting-attendance">
        <h2 id={attendanceId}>{t("meeting.attendance.title")}</h2>
        <p className="attendance-summary">
          {t("meeting.attendance.summary", {
            total: meeting.presentCount + meeting.excusedCount + meeting.absentCount,
            present: meeting.presentCount,
            excused: meeting.excusedCount,
            absent: meeting.absentCount,
          })}
        </p>
        {meeting.attendance.length === 0 ? (
          <p className="hint">{t("meeting.page.noAttendance")}</p>
        ) : (
          (["PRESENT", "EXCUSED", "ABSENT"] as const).map((status) => (
            <div key={status} className={`attendance-group group-${status}`}>
              <h3>{t(`meeting.attendance.groups.${status}`, { count: groups[status].length })}</h3>
              {groups[status].length === 0 ? (
                <p className="hint">{t("meeting.page.nobody")}</p>
              ) : (
                <ul className="name-list">
                  {groups[status].map((a) => (
                    <li key={a.member.id}>
                      <span className="member-name">{a.member.fullName}</span>
                      {status === "EXCUSED" && (
                        <span className="attendance-reason-text">
                          {a.reason
                            ? t("meeting.page.reason", { reason: a.reason })
                            : t("meeting.page.noReason")}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))
        )}
      </section>

      {hasRole(AUDIT_READERS, viewer?.role) && (
        <p className="back-link">
          <Link to={`/admin/audit?entity=Meeting&entityId=${encodeURIComponent(meeting.id)}`}>
            {t("meeting.page.history")}
          </Link>
        </p>
      )}
    </>
  );
}

function MeetingNotFound() {
  const { t } = useTranslation();
  const viewer = useViewer();
  useDocumentTitle(t("meeting.page.notFoundTitle"));
  return (
    <section className="not-found">
      <h1>{t("meeting.page.notFoundTitle")}</h1>
      <p>{t("meeting.page.notFoundText")}</p>
      {viewer?.role === "SECRETARY" && (
        <p>
          <Link to="/cell" className="button">
            {t("meeting.backToCell")}
          </Link>
        </p>
      )}
    </section>
  );
}
