import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { UnitPageQuery as UnitPageData } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { errorCode, type ErrorCode } from "../../ui/errors.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { EmptyState, QueryState } from "../../ui/QueryState.tsx";
import { UnitAwards } from "../awards/UnitAwards.tsx";
import { MembersList } from "../member/MembersList.tsx";
import { UnitPageQuery } from "./committee.operations.ts";

type Unit = UnitPageData["orgUnit"];

// The id is the only input: the API refuses a malformed one (e.g. /units/abc) as bad input,
// which for the reader is the same as an unknown unit.
const NOT_FOUND_CODES: readonly ErrorCode[] = ["NOT_FOUND", "BAD_USER_INPUT"];

export function UnitPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(UnitPageQuery, { variables: { id } });
  useDocumentTitle(
    data?.orgUnit.name ??
      (error && NOT_FOUND_CODES.includes(errorCode(error))
        ? t("unit.notFoundTitle")
        : t("unit.loading")),
  );

  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("unit.loading")}
      notFound={<UnitNotFound />}
      notFoundCodes={NOT_FOUND_CODES}
    >
      {(d) => <UnitDetails key={d.orgUnit.id} unit={d.orgUnit} />}
    </QueryState>
  );
}

function UnitNotFound() {
  const { t } = useTranslation();
  return (
    <section className="not-found">
      <h1>{t("unit.notFoundTitle")}</h1>
      <p>{t("unit.notFoundText")}</p>
      <p>
        <Link to="/units" className="button">
          {t("unit.backToTree")}
        </Link>
      </p>
    </section>
  );
}

function UnitDetails({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countsHeadingId = useId();
  const subordinatesHeadingId = useId();
  const membersHeadingId = useId();

  return (
    <>
      <nav aria-label={t("unit.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/units">{t("nav.units")}</Link>
          </li>
          {unit.ancestors.map((ancestor) => (
            <li key={ancestor.id}>
              <Link to={`/units/${encodeURIComponent(ancestor.id)}`}>{ancestor.name}</Link>
            </li>
          ))}
          <li aria-current="page">{unit.name}</li>
        </ol>
      </nav>

      <h1>{unit.name}</h1>
      <h2 className="visually-hidden">{t("unit.details")}</h2>
      <dl className="details">
        <div>
          <dt>{t("unit.kind")}</dt>
          <dd>{t(`enums.orgUnitKind.${unit.kind}`)}</dd>
        </div>
        <div>
          <dt>{t("unit.sector")}</dt>
          <dd>{t(`enums.sector.${unit.sector}`)}</dd>
        </div>
        <div>
          <dt>{t("unit.code")}</dt>
          <dd>{unit.code}</dd>
        </div>
        <div>
          <dt>{t("unit.validFrom")}</dt>
          <dd>{format.date(unit.validFrom)}</dd>
        </div>
        <div>
          <dt>{t("unit.validTo")}</dt>
          <dd>{unit.validTo ? format.date(unit.validTo) : t("unit.active")}</dd>
        </div>
      </dl>

      <section aria-labelledby={countsHeadingId}>
        <h2 id={countsHeadingId}>{t("unit.counts")}</h2>
        <dl className="stats">
          <div>
            <dt>{t("unit.official")}</dt>
            <dd>{format.number(unit.memberCounts.official)}</dd>
          </div>
          <div>
            <dt>{t("unit.probationary")}</dt>
            <dd>{format.number(unit.memberCounts.probationary)}</dd>
          </div>
          <div>
            <dt>{t("unit.total")}</dt>
            <dd>{format.number(unit.memberCounts.total)}</dd>
          </div>
        </dl>
        <p className="hint">{t("unit.asOf", { date: format.date(unit.asOf) })}</p>
      </section>

      <section aria-labelledby={subordinatesHeadingId}>
        <h2 id={subordinatesHeadingId}>{t("unit.subordinates")}</h2>
        {unit.children.length === 0 ? (
          <EmptyState>{t("unit.noSubordinates")}</EmptyState>
        ) : (
          <SubordinatesTable units={unit.children} labelledBy={subordinatesHeadingId} />
        )}
      </section>

      <UnitAwards unitId={unit.id} />
      <section aria-labelledby={membersHeadingId}>
        <h2 id={membersHeadingId}>{t("unit.members")}</h2>
        <MembersList orgUnitId={unit.id} />
      </section>
    </>
  );
}

function SubordinatesTable({ units, labelledBy }: { units: Unit["children"]; labelledBy: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns = {
    name: t("unit.columns.name"),
    kind: t("unit.columns.kind"),
    official: t("unit.columns.official"),
    probationary: t("unit.columns.probationary"),
    total: t("unit.columns.total"),
    subordinates: t("unit.columns.subordinates"),
  };
  return (
    <table className="data-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{columns.name}</th>
          <th scope="col">{columns.kind}</th>
          <th scope="col" className="numeric">
            {columns.official}
          </th>
          <th scope="col" className="numeric">
            {columns.probationary}
          </th>
          <th scope="col" className="numeric">
            {columns.total}
          </th>
          <th scope="col" className="numeric">
            {columns.subordinates}
          </th>
        </tr>
      </thead>
      <tbody>
        {units.map((child) => (
          <tr key={child.id}>
            <th scope="row" data-label={columns.name}>
              <Link to={`/units/${encodeURIComponent(child.id)}`}>{child.name}</Link>
            </th>
            <td data-label={columns.kind}>{t(`enums.orgUnitKind.${child.kind}`)}</td>
            <td data-label={columns.official} className="numeric">
              {format.number(child.memberCounts.official)}
            </td>
            <td data-label={columns.probationary} className="numeric">
              {format.number(child.memberCounts.probationary)}
            </td>
            <td data-label={columns.total} className="numeric">
              {format.number(child.memberCounts.total)}
            </td>
            <td data-label={columns.subordinates} className="numeric">
              {format.number(child.childCount)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
