import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { getFragmentData, graphql, type FragmentType } from "../../gql/index.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { UnitChildrenQuery } from "./committee.operations.ts";

export const UnitTreeRowFragment = graphql(`
  fragment UnitTreeRow on OrgUnit {
    id
    asOf
    name
    kind
    sector
    childCount
    memberCounts {
      official
      probationary
    }
  }
`);

interface UnitTreeNodeProps {
  unit: FragmentType<typeof UnitTreeRowFragment>;
  defaultExpanded?: boolean;
}

/**
 * One unit of the tree: a disclosure button that loads and shows its subordinates, and a link
 * to the unit's page. Nested lists of native buttons and links: every row is reachable with
 * Tab and opens with Enter or Space, and screen readers announce the list nesting.
 */
export function UnitTreeNode({ unit: unitRef, defaultExpanded = false }: UnitTreeNodeProps) {
  const { t } = useTranslation();
  const unit = getFragmentData(UnitTreeRowFragment, unitRef);
  const [expanded, setExpanded] = useState(defaultExpanded);
  // Once opened, the children stay mounted (hidden when closed) so reopening is instant.
  const [opened, setOpened] = useState(defaultExpanded);
  const groupId = useId();
  const hasChildren = unit.childCount > 0;

  return (
    <li className="tree-item">
      <div className="tree-row">
        {hasChildren ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={expanded}
            aria-controls={groupId}
            aria-label={t("committee.toggle", { name: unit.name })}
            onClick={() => {
              setExpanded(!expanded);
              setOpened(true);
            }}
          >
            <span className="chevron" aria-hidden="true" />
          </button>
        ) : (
          <span className="tree-toggle-spacer" aria-hidden="true" />
        )}
        <div className="tree-main">
          <Link to={`/units/${encodeURIComponent(unit.id)}`} className="tree-name">
            {unit.name}
          </Link>
          <ul className="meta-list">
            <li>{t(`enums.orgUnitKind.${unit.kind}`)}</li>
            <li>{t(`enums.sector.${unit.sector}`)}</li>
            <li>
              {t("committee.memberCounts", {
                official: unit.memberCounts.official,
                probationary: unit.memberCounts.probationary,
              })}
            </li>
            <li>{t("committee.subordinates", { count: unit.childCount })}</li>
          </ul>
        </div>
      </div>
      {hasChildren && (
        <div id={groupId} className="tree-children" hidden={!expanded}>
          {opened && <UnitChildren id={unit.id} asOf={unit.asOf} />}
        </div>
      )}
    </li>
  );
}

function UnitChildren({ id, asOf }: { id: string; asOf: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(UnitChildrenQuery, {
    variables: { id, asOf },
  });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("committee.loadingChildren")}
      isEmpty={(d) => d.orgUnit.children.length === 0}
      empty={t("committee.noChildren")}
    >
      {(d) => (
        <ul className="tree-group">
          {d.orgUnit.children.map((child) => (
            <UnitTreeNode key={child.id} unit={child} />
          ))}
        </ul>
      )}
    </QueryState>
  );
}
