import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../ui/QueryState.tsx";
import { RootUnitsQuery } from "./committee.operations.ts";
import { UnitTreeNode } from "./UnitTreeNode.tsx";

/** The tree from where the user may start (usually the province), first level open. */
export function CommitteeTree({ labelledBy }: { labelledBy: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(RootUnitsQuery);
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("committee.loadingTree")}
      isEmpty={(d) => d.rootUnits.length === 0}
      empty={t("committee.emptyTree")}
    >
      {(d) => (
        <ul className="tree" aria-labelledby={labelledBy}>
          {d.rootUnits.map((unit) => (
            <UnitTreeNode key={unit.id} unit={unit} defaultExpanded />
          ))}
        </ul>
      )}
    </QueryState>
  );
}
