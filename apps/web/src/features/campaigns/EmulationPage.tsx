import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useChartFormat } from "../../ui/charts/format.ts";
import type { ErrorCode } from "../../ui/errors.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { AwardsByKindPanel, AwardsByUnitPanel } from "../awards/AwardPanels.tsx";
import { EmulationAwardsQuery } from "../awards/awards.operations.ts";
import { RequireRole } from "../auth/guards.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import {
  emulationPath,
  RegistrationsByCampaignPanel,
  RegistrationsByUnitPanel,
} from "./CampaignPanels.tsx";
import { EmulationRegistrationsQuery, SUMMARY_FETCH_POLICY } from "./campaigns.operations.ts";
import { provinceToday, yearOf, yearParam, yearsDownFrom } from "./dates.ts";
import "./emulation.css";
import { EMULATION_READERS } from "./roles.ts";

// A malformed or foreign unit id in the address: for the reader, an unknown unit.
const NOT_FOUND_CODES: readonly ErrorCode[] = ["NOT_FOUND", "BAD_USER_INPUT"];

/**
 * `/emulation?year=&unit=`: registrations, completion and awards of a year in the user's subtree
 * (or a unit of it), each panel with its table and export.
 */
export function EmulationPage() {
  return (
    <RequireRole roles={EMULATION_READERS}>
      <Emulation />
    </RequireRole>
  );
}

function Emulation() {
  const { t } = useTranslation();
  const id = useId();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const thisYear = yearOf(provinceToday());
  const year = Math.min(yearParam(params.get("year"), thisYear), thisYear);
  const ownUnitId = viewer?.unit.id ?? "";
  const unitId = params.get("unit") || ownUnitId;
  const variables = { unitId, year };
  const registrations = useQuery(EmulationRegistrationsQuery, {
    variables,
    fetchPolicy: SUMMARY_FETCH_POLICY,
  });
  // Awards recorded on /awards since the last visit must show: the cached figures, then fresh ones.
  const awards = useQuery(EmulationAwardsQuery, { variables, fetchPolicy: "cache-and-network" });
  const unitName = registrations.data?.campaignSummary.total.name;
  useDocumentTitle(
    unitName ? `${t("campaigns.panels.title")}: ${unitName}` : t("campaigns.panels.title"),
  );

  const setYear = (next: number) => {
    const search = new URLSearchParams(params);
    search.set("year", String(next));
    setParams(search);
  };

  return (
    <div className="emulation">
      <p className="eyebrow">{t("campaigns.panels.eyebrow")}</p>
      <h1>
        {unitName
          ? t("campaigns.panels.heading", { name: unitName, year })
          : t("campaigns.panels.title")}
      </h1>
      <p className="page-actions">
        <Link to="/campaigns">{t("campaigns.panels.toCampaigns")}</Link>
        <Link to="/awards">{t("campaigns.panels.toAwards")}</Link>
        {unitId !== ownUnitId && (
          <Link to={emulationPath(year)}>{t("campaigns.panels.backToOwn")}</Link>
        )}
      </p>
      <form
        className="filters"
        aria-label={t("campaigns.panels.periodLabel")}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
          <label htmlFor={`${id}-year`}>{t("campaigns.panels.year")}</label>
          <select
            id={`${id}-year`}
            value={year}
            onChange={(event) => setYear(Number(event.target.value))}
          >
            {yearsDownFrom(thisYear).map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      </form>
      <QueryState
        loading={registrations.loading}
        error={registrations.error}
        data={registrations.data}
        onRetry={() => registrations.refetch()}
        loadingLabel={t("campaigns.panels.loading")}
        notFoundCodes={NOT_FOUND_CODES}
        notFound={
          <section className="not-found">
            <p>{t("campaigns.panels.notFound")}</p>
            <p>
              <Link to={emulationPath(year)} className="button">
                {t("campaigns.panels.backToOwn")}
              </Link>
            </p>
          </section>
        }
      >
        {({ campaignSummary: summary }) => (
          <>
            <Tiles
              registrations={summary.total.registrations}
              units={summary.total.units}
              completed={summary.total.completed}
              completionRate={summary.total.completionRate}
              notRegistered={summary.notRegisteredCount}
              awards={awards.data?.awardSummary.total.awards ?? null}
            />
            <div className="emulation-panels">
              <RegistrationsByUnitPanel summary={summary} unitId={unitId} year={year} />
              <RegistrationsByCampaignPanel summary={summary} unitId={unitId} year={year} />
            </div>
          </>
        )}
      </QueryState>
      {registrations.data && (
        <QueryState
          loading={awards.loading}
          error={awards.error}
          data={awards.data}
          onRetry={() => awards.refetch()}
          loadingLabel={t("awards.panels.loading")}
        >
          {({ awardSummary }) => (
            <div className="emulation-panels">
              <AwardsByKindPanel summary={awardSummary} unitId={unitId} year={year} />
              <AwardsByUnitPanel summary={awardSummary} unitId={unitId} year={year} />
            </div>
          )}
        </QueryState>
      )}
    </div>
  );
}

function Tiles(props: {
  registrations: number;
  units: number;
  completed: number;
  completionRate: number | null;
  notRegistered: number;
  awards: number | null;
}) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const headingId = useId();
  const tiles = [
    {
      key: "registrations",
      label: t("campaigns.tiles.registrations"),
      value: format.number(props.registrations),
    },
    { key: "units", label: t("campaigns.tiles.units"), value: format.number(props.units) },
    {
      key: "completed",
      label: t("campaigns.tiles.completed"),
      value: `${format.number(props.completed)} (${format.percent(props.completionRate)})`,
    },
    {
      key: "notRegistered",
      label: t("campaigns.tiles.notRegistered"),
      value: format.number(props.notRegistered),
    },
    {
      key: "awards",
      label: t("campaigns.tiles.awards"),
      value: props.awards === null ? "—" : format.number(props.awards),
    },
  ];
  return (
    <section aria-labelledby={headingId} className="emulation-kpi">
      <h2 id={headingId} className="visually-hidden">
        {t("campaigns.tiles.label")}
      </h2>
      <p className="headline">
        {t("campaigns.headline", {
          units: format.number(props.units),
          registrations: format.number(props.registrations),
        })}
      </p>
      <dl className="stats">
        {tiles.map((tile) => (
          <div key={tile.key} data-kpi={tile.key}>
            <dt>{tile.label}</dt>
            <dd>{tile.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
