import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { CellOverviewQuery as OverviewData } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import type { ErrorCode } from "../../ui/errors.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { homeFor } from "../auth/home.ts";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { hasRole, MEETING_WRITERS } from "../meeting/roles.ts";
import { unsentNewMeetings } from "../meeting/storage.ts";
import { CellOverviewQuery } from "./cell.operations.ts";
import { DuePanel } from "./DuePanel.tsx";
import { newMeetingPath } from "./paths.ts";
import "./cell.css";

// A malformed id, or a unit that is not a cell, is refused as bad input: for the reader, no cell.
const NOT_FOUND_CODES: readonly ErrorCode[] = ["NOT_FOUND", "BAD_USER_INPUT"];

type Overview = OverviewData["cellOverview"];

/** `/cell`: the signed-in secretary's own cell. */
export function MyCellPage() {
  const viewer = useViewer();
  if (!viewer) return null;
  return <CellView key={viewer.unit.id} cellId={viewer.unit.id} own />;
}

/** `/cells/:id`: any cell the user may see (staff and leaders opening a cell). */
export function CellPage() {
  const { id = "" } = useParams();
  const viewer = useViewer();
  return <CellView key={id} cellId={id} own={viewer?.unit.id === id} />;
}

function CellView({ cellId, own }: { cellId: string; own: boolean }) {
  const { t } = useTranslation();
  const query = useQuery(CellOverviewQuery, {
    variables: { cellId },
    fetchPolicy: "cache-and-network",
  });
  const name = query.data?.cellOverview.cell.name;
  useDocumentTitle(name ?? t("cell.nav"));
  return (
    <div className="cell-page">
      <QueryState
        loading={query.loading}
        error={query.error}
        data={query.data}
        onRetry={() => query.refetch()}
        loadingLabel={t("cell.loading")}
        notFound={<CellNotFound own={own} />}
        notFoundCodes={NOT_FOUND_CODES}
      >
        {({ cellOverview }) => <Cell overview={cellOverview} own={own} />}
      </QueryState>
    </div>
  );
}

function Cell({ overview, own }: { overview: Overview; own: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const cell = overview.cell;
  const canLog = hasRole(MEETING_WRITERS, viewer?.role);
  const [unsent] = useState(() =>
    viewer ? unsentNewMeetings(cell.id, viewer.username).length : 0,
  );
  const logPath = newMeetingPath(cell.id, own);

  return (
    <>
      <header className="cell-header">
        <p className="eyebrow">{own ? t("cell.eyebrowOwn") : t("cell.eyebrow")}</p>
        <h1>{cell.name}</h1>
        <p className="hint">{t("cell.asOf", { date: format.date(overview.asOf) })}</p>
      </header>
      {unsent > 0 && canLog && (
        <p className="notice" role="status">
          {t("cell.unsent", { count: unsent })} <Link to={logPath}>{t("cell.unsentOpen")}</Link>
        </p>
      )}
      {canLog && (
        <p className="cell-primary-action">
          <Link className="button button-large" to={logPath}>
            {t("cell.logMeeting")}
          </Link>
        </p>
      )}
      <DuePanel due={overview.due} asOf={overview.asOf} />
      <MembersSection overview={overview} />
      <MeetingsSection overview={overview} />
      {!own && (
        <p className="back-link">
          <Link to={`/units/${encodeURIComponent(cell.id)}`}>{t("cell.unitPage")}</Link>
        </p>
      )}
    </>
  );
}

function MembersSection({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const temporary = overview.members.filter((m) => m.temporary).length;
  return (
    <section className="cell-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("cell.members.title")}</h2>
      <p className="cell-count">
        {t("cell.members.count", { count: overview.memberCount })}
        {temporary > 0 && <> {t("cell.members.temporaryCount", { count: temporary })}</>}
      </p>
      {overview.members.length === 0 ? (
        <p className="state state-empty">{t("cell.members.empty")}</p>
      ) : (
        <ul className="cell-members" aria-label={t("cell.members.listLabel")}>
          {overview.members.map((member) => (
            <li key={member.memberId} className="cell-member">
              <span className="member-name">{member.fullName}</span>
              <span className="member-meta">
                {member.status === "PROBATIONARY" ? (
                  <span className="status status-probationary">
                    {member.probationEndsOn
                      ? t("cell.members.probationaryUntil", {
                          date: format.date(member.probationEndsOn),
                        })
                      : t("enums.memberStatus.PROBATIONARY")}
                  </span>
                ) : (
                  <span className="status status-official">{t("enums.memberStatus.OFFICIAL")}</span>
                )}
                {member.temporary && (
                  <span className="badge badge-muted">{t("cell.members.temporary")}</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MeetingsSection({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const year = overview.asOf.slice(0, 4);
  const meetings = overview.meetingsThisYear;
  return (
    <section className="cell-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("cell.meetings.title", { year })}</h2>
      {meetings.length === 0 ? (
        <p className="state state-empty">{t("cell.meetings.empty")}</p>
      ) : (
        <ul className="meeting-list" aria-label={t("cell.meetings.title", { year })}>
          {meetings.map((meeting) => (
            <li key={meeting.id}>
              <Link
                className="meeting-card"
                to={`/meetings/${encodeURIComponent(meeting.id)}`}
                data-kind={meeting.kind}
              >
                <span className="meeting-card-head">
                  <span className="meeting-date">{format.date(meeting.heldOn)}</span>
                  <span className="meeting-kind">{t(`meeting.kinds.${meeting.kind}`)}</span>
                  {meeting.draft && (
                    <span className="badge badge-draft">{t("meeting.badges.draft")}</span>
                  )}
                  {!meeting.editable && (
                    <span className="badge badge-locked">{t("meeting.badges.locked")}</span>
                  )}
                </span>
                {meeting.theme && <span className="meeting-theme">{meeting.theme}</span>}
                <span className="meeting-counts">
                  {t("cell.meetings.counts", {
                    present: meeting.presentCount,
                    excused: meeting.excusedCount,
                    absent: meeting.absentCount,
                  })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CellNotFound({ own }: { own: boolean }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  useDocumentTitle(t("cell.notFoundTitle"));
  return (
    <section className="not-found">
      <h1>{own ? t("cell.notACellTitle") : t("cell.notFoundTitle")}</h1>
      <p>{own ? t("cell.notACellText") : t("cell.notFoundText")}</p>
      {viewer && (
        <p>
          <Link to={own ? "/units" : homeFor(viewer)} className="button">
            {own ? t("cell.toTree") : t("cell.home")}
          </Link>
        </p>
      )}
    </section>
  );
}
