import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { getFragmentData, graphql, type FragmentType } from "../../gql/index.ts";
import { useFormat } from "../../i18n/format.ts";

export const MemberRowFragment = graphql(`
  fragment MemberRow on Member {
    id
    fullName
    status
    probationEndsOn
    admittedOn
    birthDate
    unit {
      id
      asOf
      name
    }
  }
`);

interface MembersTableProps {
  members: readonly FragmentType<typeof MemberRowFragment>[];
  label: string;
}

/** A table on wide screens; on phones each row becomes a card with its labels (styles.css). */
export function MembersTable({ members, label }: MembersTableProps) {
  const { t } = useTranslation();
  const columns = {
    name: t("members.columns.name"),
    status: t("members.columns.status"),
    cell: t("members.columns.cell"),
    admittedOn: t("members.columns.admittedOn"),
    birthDate: t("members.columns.birthDate"),
  };
  return (
    <table className="data-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{columns.name}</th>
          <th scope="col">{columns.status}</th>
          <th scope="col">{columns.cell}</th>
          <th scope="col">{columns.admittedOn}</th>
          <th scope="col">{columns.birthDate}</th>
        </tr>
      </thead>
      <tbody>
        {members.map((ref) => (
          <MemberRow
            key={getFragmentData(MemberRowFragment, ref).id}
            member={ref}
            columns={columns}
          />
        ))}
      </tbody>
    </table>
  );
}

function MemberRow({
  member: ref,
  columns,
}: {
  member: FragmentType<typeof MemberRowFragment>;
  columns: Record<"name" | "status" | "cell" | "admittedOn" | "birthDate", string>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const member = getFragmentData(MemberRowFragment, ref);
  return (
    <tr>
      <th scope="row" data-label={columns.name}>
        <Link to={`/members/${encodeURIComponent(member.id)}`}>{member.fullName}</Link>
      </th>
      <td data-label={columns.status}>
        <span className={`status status-${member.status.toLowerCase()}`}>
          {t(`enums.memberStatus.${member.status}`)}
        </span>
        {member.status === "PROBATIONARY" && member.probationEndsOn && (
          <>
            {" "}
            <span className="status-detail">
              {t("members.probationUntil", { date: format.date(member.probationEndsOn) })}
            </span>
          </>
        )}
      </td>
      <td data-label={columns.cell}>{member.unit.name}</td>
      <td data-label={columns.admittedOn}>{format.date(member.admittedOn)}</td>
      <td data-label={columns.birthDate}>
        {member.birthDate ? format.date(member.birthDate) : <NotShown />}
      </td>
    </tr>
  );
}

/** A dash for data that is missing or masked for the user's role, with words for screen readers. */
function NotShown() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t("common.notShown")}</span>
    </>
  );
}
