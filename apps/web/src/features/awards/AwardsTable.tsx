import { describeAwardSpan } from "@dangbo/shared";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AwardKind } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { RemoveAward } from "./RemoveAward.tsx";

export interface AwardRowData {
  id: string;
  kind: AwardKind;
  title?: string | null | undefined;
  issuer: string;
  decisionNo: string;
  decidedOn: string;
  yearFrom: number;
  yearTo: number;
  recipientName?: string | undefined;
  unit?: { id: string } | null | undefined;
  member?: { id: string } | null | undefined;
  campaign?: { id: string; title: string } | null | undefined;
}

/** "5 năm liên tục (2020–2024)" / "2020–2024 (5 consecutive years)", or one year. */
export function useSpanText() {
  const format = useFormat();
  return (award: { yearFrom: number; yearTo: number }) =>
    describeAwardSpan(award.yearFrom, award.yearTo, format.language);
}

/** Awards as a table (cards on a phone); with their recipients on the awards list. */
export function AwardsTable({
  awards,
  label,
  showRecipient,
}: {
  awards: readonly AwardRowData[];
  label: string;
  showRecipient: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const spanText = useSpanText();
  const columns = {
    recipient: t("awards.columns.recipient"),
    kind: t("awards.columns.kind"),
    years: t("awards.columns.years"),
    decision: t("awards.columns.decision"),
  };
  return (
    <div className="table-container">
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            {showRecipient && <th scope="col">{columns.recipient}</th>}
            <th scope="col">{columns.kind}</th>
            <th scope="col">{columns.years}</th>
            <th scope="col">{columns.decision}</th>
          </tr>
        </thead>
        <tbody>
          {awards.map((award) => {
            const kind = (
              <>
                {t(`awards.kinds.${award.kind}`)}
                {award.title && <span className="row-note">{award.title}</span>}
                {award.campaign && (
                  <span className="row-note">
                    {t("awards.campaignValue")}{" "}
                    <Link to={`/campaigns/${encodeURIComponent(award.campaign.id)}`}>
                      {award.campaign.title}
                    </Link>
                  </span>
                )}
              </>
            );
            return (
              <tr key={award.id} data-award={award.id}>
                {showRecipient && (
                  <th scope="row" data-label={columns.recipient} className="wrap">
                    {award.unit ? (
                      <Link to={`/units/${encodeURIComponent(award.unit.id)}`}>
                        {award.recipientName}
                      </Link>
                    ) : award.member ? (
                      <Link to={`/members/${encodeURIComponent(award.member.id)}`}>
                        {award.recipientName}
                      </Link>
                    ) : (
                      award.recipientName
                    )}
                    <span className="row-note">
                      {award.member ? t("awards.recipientMember") : t("awards.recipientUnit")}
                    </span>
                  </th>
                )}
                {showRecipient ? (
                  <td data-label={columns.kind} className="wrap">
                    {kind}
                  </td>
                ) : (
                  <th scope="row" data-label={columns.kind} className="wrap">
                    {kind}
                  </th>
                )}
                <td data-label={columns.years}>{spanText(award)}</td>
                <td data-label={columns.decision} className="wrap">
                  {t("awards.decisionValue", {
                    number: award.decisionNo,
                    date: format.date(award.decidedOn),
                  })}
                  <span className="row-note">{award.issuer}</span>
                  <RemoveAward
                    id={award.id}
                    name={`${t(`awards.kinds.${award.kind}`)} ${award.decisionNo}`}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
