import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { getFragmentData } from "../../gql/index.ts";
import type { MemberDetailFragment } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { MemberAwards } from "../awards/MemberAwards.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { provinceToday } from "../lifecycle/dates.ts";
import {
  MemberDetailFragment as MemberDetailDoc,
  MemberQuery,
} from "../lifecycle/lifecycle.operations.ts";
import { MemberActions } from "../lifecycle/MemberActions.tsx";
import { NotShown } from "../lifecycle/NotShown.tsx";
import "../lifecycle/development.css";

const BOARD: readonly string[] = ["ADMIN", "STAFF"];

/** `/members/:id`: a member's record, history of events and cells, and the board's actions. */
export function MemberPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(MemberQuery, { variables: { id } });
  const member = data ? getFragmentData(MemberDetailDoc, data.member) : undefined;
  useDocumentTitle(member?.fullName ?? t("lifecycle.member.title"));
  return (
    <div className="development">
      <p className="back-link">
        <Link to="/members">{t("lifecycle.member.back")}</Link>
      </p>
      <QueryState
        loading={loading}
        error={error}
        data={member}
        onRetry={() => refetch()}
        loadingLabel={t("lifecycle.member.loading")}
        notFound={
          <section className="not-found">
            <h1>{t("lifecycle.member.notFoundTitle")}</h1>
            <p>{t("lifecycle.member.notFoundText")}</p>
          </section>
        }
      >
        {(m) => <MemberView member={m} />}
      </QueryState>
    </div>
  );
}

function MemberView({ member: m }: { member: MemberDetailFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const detailsId = useId();
  const eventsId = useId();
  const cellsId = useId();
  const today = provinceToday();
  const active = m.status === "PROBATIONARY" || m.status === "OFFICIAL";
  const canAct = active && viewer !== null && BOARD.includes(viewer.role);
  const date = (value: string | null | undefined) => (value ? format.date(value) : null);
  return (
    <>
      <h1>{m.fullName}</h1>
      <p className="lead">
        <span className={`status status-${m.status.toLowerCase()}`}>
          {t(`enums.memberStatus.${m.status}`)}
        </span>{" "}
        · {m.unit.name}
      </p>
      {m.theoryCourseOverdue && <p className="notice">{t("lifecycle.member.theoryOverdue")}</p>}
      <section aria-labelledby={detailsId}>
        <h2 id={detailsId}>{t("lifecycle.member.details")}</h2>
        <dl className="details">
          <Detail label={t("lifecycle.member.code")} value={m.code} />
          <Detail label={t("lifecycle.person.gender")} value={t(`enums.gender.${m.gender}`)} />
          <Detail label={t("lifecycle.person.birthDate")} value={date(m.birthDate)} />
          <Detail label={t("lifecycle.person.ethnicity")} value={m.ethnicity} />
          <Detail
            label={t("lifecycle.person.occupation")}
            value={t(`enums.occupation.${m.occupation}`)}
          />
          <Detail label={t("lifecycle.person.phone")} value={m.phone} />
          <Detail label={t("lifecycle.person.nationalId")} value={m.nationalId} />
          <Detail label={t("lifecycle.person.address")} value={m.address} />
          <Detail label={t("lifecycle.member.admittedOn")} value={format.date(m.admittedOn)} />
          {m.status === "PROBATIONARY" && (
            <Detail label={t("lifecycle.member.probationEndsOn")} value={date(m.probationEndsOn)} />
          )}
          {m.officialOn && (
            <Detail label={t("lifecycle.member.officialOn")} value={format.date(m.officialOn)} />
          )}
          {m.exitedOn && (
            <Detail label={t("lifecycle.member.exitedOn")} value={format.date(m.exitedOn)} />
          )}
          <Detail
            label={t("lifecycle.member.theoryCourse")}
            value={
              m.theoryCourseCompleted
                ? t("lifecycle.probation.theoryDone")
                : t("lifecycle.probation.theoryPending")
            }
          />
        </dl>
      </section>

      <section aria-labelledby={eventsId}>
        <h2 id={eventsId}>{t("lifecycle.member.events")}</h2>
        {m.events.length === 0 ? (
          <p className="state state-empty">{t("lifecycle.member.noEvents")}</p>
        ) : (
          <div className="table-container">
            <table className="data-table" aria-labelledby={eventsId}>
              <thead>
                <tr>
                  <th scope="col">{t("lifecycle.member.columns.date")}</th>
                  <th scope="col">{t("lifecycle.member.columns.event")}</th>
                  <th scope="col">{t("lifecycle.member.columns.decision")}</th>
                  <th scope="col">{t("lifecycle.member.columns.reason")}</th>
                  <th scope="col">{t("lifecycle.member.columns.cell")}</th>
                  <th scope="col">{t("lifecycle.member.columns.statusAfter")}</th>
                </tr>
              </thead>
              <tbody>
                {m.events.map((event) => (
                  <tr key={event.id}>
                    <th scope="row" data-label={t("lifecycle.member.columns.date")}>
                      {format.date(event.effectiveOn)}
                    </th>
                    <td data-label={t("lifecycle.member.columns.event")}>
                      {t(`lifecycle.eventKinds.${event.kind}`)}
                    </td>
                    <td data-label={t("lifecycle.member.columns.decision")}>
                      {event.decisionNo ?? <NotShown />}
                    </td>
                    <td data-label={t("lifecycle.member.columns.reason")}>
                      {event.reason ?? <NotShown />}
                    </td>
                    <td data-label={t("lifecycle.member.columns.cell")}>{event.unit.name}</td>
                    <td data-label={t("lifecycle.member.columns.statusAfter")}>
                      {t(`enums.memberStatus.${event.statusAfter}`)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby={cellsId}>
        <h2 id={cellsId}>{t("lifecycle.member.assignments")}</h2>
        {m.assignments.length === 0 ? (
          <p className="state state-empty">{t("lifecycle.member.noAssignments")}</p>
        ) : (
          <div className="table-container">
            <table className="data-table" aria-labelledby={cellsId}>
              <thead>
                <tr>
                  <th scope="col">{t("lifecycle.member.columns.cell")}</th>
                  <th scope="col">{t("lifecycle.member.columns.from")}</th>
                  <th scope="col">{t("lifecycle.member.columns.to")}</th>
                  <th scope="col">{t("lifecycle.member.columns.kind")}</th>
                </tr>
              </thead>
              <tbody>
                {m.assignments.map((a) => (
                  <tr key={`${a.unit.id}-${a.validFrom}-${a.temporary}`}>
                    <th scope="row" data-label={t("lifecycle.member.columns.cell")}>
                      {a.unit.name}
                    </th>
                    <td data-label={t("lifecycle.member.columns.from")}>
                      {format.date(a.validFrom)}
                    </td>
                    <td data-label={t("lifecycle.member.columns.to")}>
                      {a.validTo ? format.date(a.validTo) : t("lifecycle.member.current")}
                    </td>
                    <td data-label={t("lifecycle.member.columns.kind")}>
                      {a.temporary ? (
                        <span className="flag">{t("lifecycle.member.temporary")}</span>
                      ) : (
                        t("lifecycle.member.primary")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <MemberAwards memberId={m.id} />
      {canAct && <MemberActions member={m} today={today} />}
    </>
  );
}

function Detail({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value ?? <NotShown />}</dd>
    </div>
  );
}
