import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type {
  CampaignProgressQuery as ProgressData,
  CampaignQuery as CampaignData,
} from "../../gql/graphql.ts";
import { useChartFormat } from "../../ui/charts/format.ts";
import { errorCode } from "../../ui/errors.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { EmptyState, QueryState } from "../../ui/QueryState.tsx";
import { RequireRole } from "../auth/guards.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { CampaignStatus } from "./CampaignsPage.tsx";
import {
  CampaignProgressQuery,
  CampaignQuery,
  SUMMARY_FETCH_POLICY,
} from "./campaigns.operations.ts";
import { provinceToday, yearOf } from "./dates.ts";
import "./emulation.css";
import { RegistrationForm } from "./RegistrationForm.tsx";
import { RegistrationsSection } from "./RegistrationsSection.tsx";
import { EMULATION_READERS, EMULATION_WRITERS, useHasRole } from "./roles.ts";

type Campaign = CampaignData["campaign"];

/** How many organisations that have not registered the page lists (the count is always whole). */
const NOT_REGISTERED_LIMIT = 200;

/** `/campaigns/:id`: a campaign, its registrations, who has not registered, and the forms. */
export function CampaignPage() {
  return (
    <RequireRole roles={EMULATION_READERS}>
      <CampaignView />
    </RequireRole>
  );
}

function CampaignView() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(CampaignQuery, { variables: { id } });
  const notFoundCodes = ["NOT_FOUND", "BAD_USER_INPUT"] as const;
  useDocumentTitle(
    data?.campaign.title ??
      (error && (notFoundCodes as readonly string[]).includes(errorCode(error))
        ? t("campaigns.page.notFoundTitle")
        : t("campaigns.page.loading")),
  );
  return (
    <div className="emulation">
      <p className="back-link">
        <Link to="/campaigns">{t("campaigns.backToList")}</Link>
      </p>
      <QueryState
        loading={loading}
        error={error}
        data={data}
        onRetry={() => refetch()}
        loadingLabel={t("campaigns.page.loading")}
        notFoundCodes={notFoundCodes}
        notFound={
          <section className="not-found">
            <h1>{t("campaigns.page.notFoundTitle")}</h1>
            <p>{t("campaigns.page.notFoundText")}</p>
          </section>
        }
      >
        {(d) => <CampaignDetails campaign={d.campaign} />}
      </QueryState>
    </div>
  );
}

function CampaignDetails({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const viewer = useViewer();
  const canWrite = useHasRole(EMULATION_WRITERS);
  const [registering, setRegistering] = useState(false);
  const detailsId = useId();
  const today = provinceToday();
  const started = campaign.startsOn <= today;
  // Only the organiser's side (a unit the user sees) may change a campaign.
  const canEdit = canWrite && campaign.organiser !== null;

  return (
    <>
      <p className="eyebrow">{t("campaigns.page.eyebrow")}</p>
      <h1 className="wrap">{campaign.title}</h1>
      <p className="lead">
        <CampaignStatus active={campaign.active} startsOn={campaign.startsOn} />{" "}
        {t("campaigns.period", {
          from: format.date(campaign.startsOn),
          to: format.date(campaign.endsOn),
        })}
      </p>
      <section aria-labelledby={detailsId}>
        <h2 id={detailsId} className="visually-hidden">
          {t("campaigns.page.details")}
        </h2>
        <dl className="details campaign-details">
          <div>
            <dt>{t("campaigns.page.theme")}</dt>
            <dd className="wrap">{campaign.theme}</dd>
          </div>
          <div>
            <dt>{t("campaigns.page.occasion")}</dt>
            <dd className="wrap">{campaign.occasion ?? t("campaigns.page.noOccasion")}</dd>
          </div>
          <div>
            <dt>{t("campaigns.page.organiser")}</dt>
            <dd className="wrap">
              {campaign.organiser ? (
                <Link to={`/units/${encodeURIComponent(campaign.organiser.id)}`}>
                  {campaign.organiserName}
                </Link>
              ) : (
                campaign.organiserName
              )}
            </dd>
          </div>
          <div>
            <dt>{t("campaigns.page.eligible")}</dt>
            <dd>
              <ul className="plain-list">
                {campaign.eligibleUnits.map((unit) => (
                  <li key={unit.unitId} className="wrap">
                    {unit.unit ? (
                      <Link to={`/units/${encodeURIComponent(unit.unit.id)}`}>{unit.name}</Link>
                    ) : (
                      unit.name
                    )}
                  </li>
                ))}
              </ul>
              <span className="hint">{t("campaigns.page.eligibleHint")}</span>
            </dd>
          </div>
        </dl>
      </section>
      <p className="page-actions">
        {canEdit && (
          <Link
            to={`/campaigns/${encodeURIComponent(campaign.id)}/edit`}
            className="button button-secondary"
          >
            {t("campaigns.page.edit")}
          </Link>
        )}
        {canWrite && started && (
          <button
            type="button"
            className="button"
            aria-expanded={registering}
            onClick={() => setRegistering((value) => !value)}
          >
            {registering ? t("campaigns.page.closeRegister") : t("campaigns.page.register")}
          </button>
        )}
        <Link
          to={`/emulation?year=${yearOf(campaign.endsOn < today ? campaign.endsOn : today)}`}
          className="button button-secondary"
        >
          {t("campaigns.page.panels")}
        </Link>
      </p>
      {canWrite && !started && <p className="hint">{t("campaigns.page.notStarted")}</p>}
      {registering && (
        <RegistrationForm
          campaign={{
            id: campaign.id,
            title: campaign.title,
            startsOn: campaign.startsOn,
            endsOn: campaign.endsOn,
          }}
        />
      )}
      {viewer && <ProgressSection campaignId={campaign.id} unitId={viewer.unit.id} />}
      <RegistrationsSection campaignId={campaign.id} />
      {viewer && <NotRegisteredSection campaignId={campaign.id} unitId={viewer.unit.id} />}
    </>
  );
}

function useCampaignProgress(campaignId: string, unitId: string) {
  return useQuery(CampaignProgressQuery, {
    variables: { unitId, campaignId, limit: NOT_REGISTERED_LIMIT },
    fetchPolicy: SUMMARY_FETCH_POLICY,
  });
}

/** The campaign's figures in the user's subtree. */
function ProgressSection({ campaignId, unitId }: { campaignId: string; unitId: string }) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const headingId = useId();
  const { data, loading, error, refetch } = useCampaignProgress(campaignId, unitId);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t("campaigns.progress.title")}</h2>
      <QueryState
        loading={loading}
        error={error}
        data={data}
        onRetry={() => refetch()}
        loadingLabel={t("campaigns.progress.loading")}
      >
        {({ campaignSummary: { total } }) => (
          <>
            <p className="headline">
              {t("campaigns.headline", {
                units: format.number(total.units),
                registrations: format.number(total.registrations),
              })}
            </p>
            <dl className="stats">
              <div data-stat="registrations">
                <dt>{t("campaigns.progress.registrations")}</dt>
                <dd>{format.number(total.registrations)}</dd>
              </div>
              <div data-stat="units">
                <dt>{t("campaigns.progress.units")}</dt>
                <dd>{format.number(total.units)}</dd>
              </div>
              <div data-stat="completed">
                <dt>{t("campaigns.progress.completed")}</dt>
                <dd>
                  {format.number(total.completed)}
                  <span className="stat-note"> ({format.percent(total.completionRate)})</span>
                </dd>
              </div>
              <div data-stat="averageProgress">
                <dt>{t("campaigns.progress.averageProgress")}</dt>
                <dd>{format.percent(total.averageProgress)}</dd>
              </div>
              <div data-stat="grassroots">
                <dt>{t("campaigns.progress.grassroots")}</dt>
                <dd>
                  {t("campaigns.progress.grassrootsValue", {
                    registered: format.number(total.registeredGrassroots),
                    eligible: format.number(total.eligibleGrassroots),
                  })}
                </dd>
              </div>
            </dl>
          </>
        )}
      </QueryState>
    </section>
  );
}

type Missing = ProgressData["campaignSummary"]["notRegistered"][number];

/** Grassroots organisations open to the campaign without a registration, by subordinate. */
function NotRegisteredSection({ campaignId, unitId }: { campaignId: string; unitId: string }) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const headingId = useId();
  const { data, loading, error, refetch } = useCampaignProgress(campaignId, unitId);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t("campaigns.notRegistered.title")}</h2>
      <p className="hint">{t("campaigns.notRegistered.intro")}</p>
      <QueryState
        loading={loading}
        error={error}
        data={data}
        onRetry={() => refetch()}
        loadingLabel={t("campaigns.notRegistered.loading")}
      >
        {({ campaignSummary: summary }) =>
          summary.notRegisteredCount === 0 ? (
            <EmptyState>{t("campaigns.notRegistered.none")}</EmptyState>
          ) : (
            <>
              <p className="results-count">
                {t("campaigns.notRegistered.count", {
                  count: summary.notRegisteredCount,
                  eligible: format.number(summary.total.eligibleGrassroots),
                })}
              </p>
              <NotRegisteredGroups units={summary.notRegistered} />
              {summary.notRegisteredCount > summary.notRegistered.length && (
                <p className="hint">
                  {t("campaigns.notRegistered.limited", {
                    shown: format.number(summary.notRegistered.length),
                    total: format.number(summary.notRegisteredCount),
                  })}
                </p>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}

function NotRegisteredGroups({ units }: { units: Missing[] }) {
  const { t } = useTranslation();
  const groups = new Map<string, { name: string | null; units: Missing[] }>();
  for (const unit of units) {
    const key = unit.groupId ?? "";
    const group = groups.get(key) ?? { name: unit.groupName, units: [] };
    group.units.push(unit);
    groups.set(key, group);
  }
  return (
    <div className="not-registered">
      {[...groups].map(([key, group]) => (
        <details key={key || "self"} className="not-registered-group">
          <summary>
            {group.name ?? t("campaigns.notRegistered.direct")}{" "}
            <span className="result-meta">
              ({t("campaigns.notRegistered.groupCount", { count: group.units.length })})
            </span>
          </summary>
          <ul className="plain-list">
            {group.units.map((unit) => (
              <li key={unit.unitId}>
                <Link to={`/units/${encodeURIComponent(unit.unitId)}`}>{unit.name}</Link>{" "}
                <span className="result-meta">{t(`enums.orgUnitKind.${unit.kind}`)}</span>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
