import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { CampaignsQuery as CampaignsData } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { LoadMore } from "../../ui/LoadMore.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { RequireRole } from "../auth/guards.tsx";
import { CampaignsQuery } from "./campaigns.operations.ts";
import { isIsoDate, provinceToday, yearOf } from "./dates.ts";
import "./emulation.css";
import { EMULATION_READERS, EMULATION_WRITERS, useHasRole } from "./roles.ts";

const PAGE = 20;
const STATUSES = ["all", "active", "inactive"] as const;
type Status = (typeof STATUSES)[number];

function statusOf(value: string | null): Status {
  return (STATUSES as readonly string[]).includes(value ?? "") ? (value as Status) : "all";
}

/** `/campaigns`: the emulation campaigns the user may see, by status and dates (in the address). */
export function CampaignsPage() {
  return (
    <RequireRole roles={EMULATION_READERS}>
      <Campaigns />
    </RequireRole>
  );
}

function Campaigns() {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const status = statusOf(params.get("status"));
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const canCreate = useHasRole(EMULATION_WRITERS);
  const rangeReversed = isIsoDate(from) && isIsoDate(to) && to < from;
  useDocumentTitle(t("campaigns.list.title"));

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value && value !== "all") next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const variables = {
    active: status === "all" ? null : status === "active",
    from: isIsoDate(from) && !rangeReversed ? from : null,
    to: isIsoDate(to) && !rangeReversed ? to : null,
    first: PAGE,
  };
  const { data, loading, error, refetch, fetchMore } = useQuery(CampaignsQuery, { variables });

  return (
    <div className="emulation">
      <h1>{t("campaigns.list.title")}</h1>
      <p className="lead">{t("campaigns.list.intro")}</p>
      <p className="page-actions">
        {canCreate && (
          <Link to="/campaigns/new" className="button">
            {t("campaigns.list.create")}
          </Link>
        )}
        <Link to={`/emulation?year=${yearOf(provinceToday())}`} className="button button-secondary">
          {t("campaigns.list.panels")}
        </Link>
      </p>
      <form
        className="filters"
        aria-label={t("campaigns.list.filters")}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
          <label htmlFor={`${id}-status`}>{t("campaigns.list.status")}</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(event) => setParam("status", event.target.value)}
          >
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`campaigns.list.statuses.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t("campaigns.list.from")}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={from}
            aria-describedby={`${id}-range`}
            onChange={(event) => setParam("from", event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t("campaigns.list.to")}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={to}
            aria-invalid={rangeReversed ? true : undefined}
            aria-describedby={`${id}-range`}
            onChange={(event) => setParam("to", event.target.value)}
          />
        </div>
        <p
          id={`${id}-range`}
          className={rangeReversed ? "field-error filters-note" : "hint filters-note"}
        >
          {rangeReversed ? t("campaigns.list.rangeReversed") : t("campaigns.list.rangeHint")}
        </p>
      </form>
      <QueryState
        loading={loading}
        error={error}
        data={data}
        onRetry={() => refetch()}
        loadingLabel={t("campaigns.list.loading")}
        isEmpty={(d) => d.campaigns.edges.length === 0}
        empty={t("campaigns.list.empty")}
      >
        {(d) => (
          <>
            <p className="results-count" aria-live="polite">
              {t("campaigns.list.count", { count: d.campaigns.totalCount })}
            </p>
            <CampaignsTable campaigns={d.campaigns.edges.map((edge) => edge.node)} />
            {d.campaigns.pageInfo.hasNextPage && (
              <LoadMore
                onLoadMore={() =>
                  fetchMore({ variables: { after: d.campaigns.pageInfo.endCursor } })
                }
              />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}

type CampaignRow = CampaignsData["campaigns"]["edges"][number]["node"];

function CampaignsTable({ campaigns }: { campaigns: CampaignRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns = {
    title: t("campaigns.list.columns.title"),
    period: t("campaigns.list.columns.period"),
    organiser: t("campaigns.list.columns.organiser"),
    status: t("campaigns.list.columns.status"),
    registrations: t("campaigns.list.columns.registrations"),
    completed: t("campaigns.list.columns.completed"),
  };
  return (
    <div className="table-container">
      <table className="data-table" aria-label={t("campaigns.list.title")}>
        <thead>
          <tr>
            <th scope="col">{columns.title}</th>
            <th scope="col">{columns.period}</th>
            <th scope="col">{columns.organiser}</th>
            <th scope="col">{columns.status}</th>
            <th scope="col" className="numeric">
              {columns.registrations}
            </th>
            <th scope="col" className="numeric">
              {columns.completed}
            </th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((campaign) => (
            <tr key={campaign.id}>
              <th scope="row" data-label={columns.title} className="wrap">
                <Link to={`/campaigns/${encodeURIComponent(campaign.id)}`}>{campaign.title}</Link>
                {campaign.occasion && <span className="row-note">{campaign.occasion}</span>}
              </th>
              <td data-label={columns.period}>
                {t("campaigns.period", {
                  from: format.date(campaign.startsOn),
                  to: format.date(campaign.endsOn),
                })}
              </td>
              <td data-label={columns.organiser} className="wrap">
                {campaign.organiserName}
              </td>
              <td data-label={columns.status}>
                <CampaignStatus active={campaign.active} startsOn={campaign.startsOn} />
              </td>
              <td data-label={columns.registrations} className="numeric">
                {t("campaigns.list.registrationsValue", {
                  registrations: format.number(campaign.registrationCounts.registrations),
                  units: format.number(campaign.registrationCounts.units),
                })}
              </td>
              <td data-label={columns.completed} className="numeric">
                {format.number(campaign.registrationCounts.completed)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Running, not started yet, or ended (on today's date). */
export function CampaignStatus({ active, startsOn }: { active: boolean; startsOn: string }) {
  const { t } = useTranslation();
  const key = active ? "active" : startsOn > provinceToday() ? "upcoming" : "ended";
  return <span className={`em-badge em-badge-${key}`}>{t(`campaigns.statusBadge.${key}`)}</span>;
}
