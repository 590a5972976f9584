import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { getFragmentData } from "../../gql/index.ts";
import type { CandidateDetailFragment } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { NotShown } from "../lifecycle/NotShown.tsx";
import {
  AwarenessClassesQuery,
  CandidateDetailFragment as CandidateDetailDoc,
  CandidateQuery,
} from "./candidates.operations.ts";
import { CLASS_CHOICES, NextStepForm } from "./NextStepForm.tsx";
import { StageBadge } from "./StageBadge.tsx";
import "../lifecycle/development.css";

/** One candidate (`/candidates/:id`): details, every recorded step, and the next step's form. */
export function CandidatePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(CandidateQuery, { variables: { id } });
  const candidate = data ? getFragmentData(CandidateDetailDoc, data.candidate) : undefined;
  useDocumentTitle(candidate?.fullName ?? t("candidates.detail.title"));

  return (
    <div className="development">
      <p className="back-link">
        <Link to="/candidates">{t("candidates.detail.back")}</Link>
      </p>
      <QueryState
        loading={loading}
        error={error}
        data={candidate}
        onRetry={() => refetch()}
        loadingLabel={t("candidates.detail.loading")}
        notFound={
          <section className="not-found">
            <h1>{t("candidates.detail.notFoundTitle")}</h1>
            <p>{t("candidates.detail.notFoundText")}</p>
          </section>
        }
      >
        {(c) => <CandidateView candidate={c} />}
      </QueryState>
    </div>
  );
}

function CandidateView({ candidate: c }: { candidate: CandidateDetailFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const detailsId = useId();
  return (
    <>
      <h1>{c.fullName}</h1>
      <p className="lead">
        <StageBadge stage={c.stage} />{" "}
        {t("candidates.detail.since", { date: format.date(c.stageOn) })} ·{" "}
        {t("candidates.detail.cell", { name: c.cell.name })}
      </p>
      {c.stage === "ADMITTED" && c.memberId && (
        <p className="notice notice-success">
          {t("candidates.detail.admitted")}{" "}
          <Link to={`/members/${encodeURIComponent(c.memberId)}`}>
            {t("candidates.detail.memberLink")}
          </Link>
        </p>
      )}
      {(c.stage === "REJECTED" || c.stage === "WITHDRAWN") && c.closedReason && (
        <p className="notice">{t("candidates.detail.closedReason", { reason: c.closedReason })}</p>
      )}
      <div className="page-columns">
        <div>
          <section aria-labelledby={detailsId}>
            <h2 id={detailsId}>{t("candidates.detail.details")}</h2>
            <dl className="details">
              <Detail label={t("lifecycle.person.gender")} value={t(`enums.gender.${c.gender}`)} />
              <Detail
                label={t("lifecycle.person.birthDate")}
                value={c.birthDate ? format.date(c.birthDate) : null}
              />
              <Detail label={t("lifecycle.person.ethnicity")} value={c.ethnicity} />
              <Detail
                label={t("lifecycle.person.occupation")}
                value={t(`enums.occupation.${c.occupation}`)}
              />
              <Detail label={t("lifecycle.person.phone")} value={c.phone} />
              <Detail label={t("lifecycle.person.nationalId")} value={c.nationalId} />
              <Detail label={t("lifecycle.person.address")} value={c.address} />
              <Detail label={t("candidates.columns.cell")} value={c.cell.name} />
              <Detail
                label={t("candidates.columns.registeredOn")}
                value={format.date(c.registeredOn)}
              />
            </dl>
          </section>
          <Timeline candidate={c} />
        </div>
        <NextStepForm candidate={c} />
      </div>
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

/** Every recorded step, oldest first, with who recorded it. */
function Timeline({ candidate }: { candidate: CandidateDetailFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const className = useClassNames(candidate.events.some((e) => e.trainingClassId));
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t("candidates.detail.timeline")}</h2>
      <ol className="timeline">
        {candidate.events.map((event) => (
          <li key={event.id} className={`timeline-step stage-${event.stage.toLowerCase()}`}>
            <p className="timeline-head">
              <strong>{t(`candidates.stages.${event.stage}`)}</strong>{" "}
              <span className="timeline-date">{format.date(event.occurredOn)}</span>
            </p>
            <ul className="timeline-facts">
              {event.trainingClassId && (
                <li>
                  {t("candidates.detail.class", {
                    name:
                      className(event.trainingClassId) ??
                      t("candidates.detail.classId", { id: event.trainingClassId }),
                  })}
                </li>
              )}
              {event.result && <li>{t("candidates.detail.result", { result: event.result })}</li>}
              {event.decisionNo && (
                <li>{t("candidates.detail.decision", { number: event.decisionNo })}</li>
              )}
              {event.note && <li>{t("candidates.detail.note", { note: event.note })}</li>}
              <li className="timeline-by">
                {event.recordedBy
                  ? t("candidates.detail.recordedBy", { user: event.recordedBy })
                  : t("candidates.detail.recordedBySystem")}
              </li>
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Names of the awareness classes the viewer may see (the API gives a step only the class's id). */
function useClassNames(needed: boolean): (id: string) => string | undefined {
  const viewer = useViewer();
  const unitId = viewer?.unit.id ?? "";
  const { data } = useQuery(AwarenessClassesQuery, {
    variables: { unitId, first: CLASS_CHOICES },
    skip: !needed || !unitId,
  });
  return (id) => data?.trainingClasses.edges.find((edge) => edge.node.id === id)?.node.name;
}
