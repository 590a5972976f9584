import type { CandidateStage } from "@dangbo/shared";
import type { CandidatesQueryVariables } from "../../gql/graphql.ts";
import { STAGE_ORDER } from "./stages.ts";

export interface CandidateFilters {
  stages: CandidateStage[];
  search: string;
  registeredFrom: string;
  registeredTo: string;
}

export function isStage(value: string): value is CandidateStage {
  return (STAGE_ORDER as readonly string[]).includes(value);
}

/** The filters' query variables (only those in use, so the cache key carries no empty ones). */
export function filterVariables(
  unitId: string,
  filters: CandidateFilters,
): Omit<CandidatesQueryVariables, "first"> {
  const variables: Omit<CandidatesQueryVariables, "first"> = { unitId };
  if (filters.stages.length > 0) variables.stages = filters.stages;
  if (filters.search) variables.search = filters.search;
  if (filters.registeredFrom) variables.registeredFrom = filters.registeredFrom;
  if (filters.registeredTo) variables.registeredTo = filters.registeredTo;
  return variables;
}
