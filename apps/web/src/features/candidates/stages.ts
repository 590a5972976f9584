import {
  CANDIDATE_PIPELINE,
  CandidateStage,
  CLOSED_STAGES,
  stageProblem,
  type IsoDate,
  type Role,
} from "@dangbo/shared";

/** Every stage in the order of the board's columns: the pipeline, then the two ways out. */
export const STAGE_ORDER: readonly CandidateStage[] = [
  ...CANDIDATE_PIPELINE,
  CandidateStage.REJECTED,
  CandidateStage.WITHDRAWN,
];

/** Steps the committee's organisation board records (ADMIN/STAFF); a secretary records the others. */
export const BOARD_STAGES: readonly CandidateStage[] = [
  CandidateStage.AWARENESS_CLASS,
  CandidateStage.VERIFICATION,
  CandidateStage.VERIFIED,
  CandidateStage.ADMITTED,
];

/** Who may record steps at all (the API's registerCandidate / advanceCandidate roles). */
export const DEVELOPER_ROLES: readonly Role[] = ["ADMIN", "STAFF", "SECRETARY"];

export function isClosed(stage: CandidateStage): boolean {
  return CLOSED_STAGES.includes(stage);
}

/**
 * The steps a user may record next for a candidate: by the shared stage rule (the next stage of
 * the pipeline, or REJECTED / WITHDRAWN from an open stage), then by role.
 */
export function nextStages(
  current: CandidateStage,
  currentOn: IsoDate,
  today: IsoDate,
  role: Role,
): CandidateStage[] {
  if (!DEVELOPER_ROLES.includes(role)) return [];
  // The latest date the rule accepts, so that only the order of stages decides here.
  const on = currentOn > today ? currentOn : today;
  return STAGE_ORDER.filter(
    (stage) =>
      stageProblem(current, currentOn, stage, on, on) === null &&
      (role !== "SECRETARY" || !BOARD_STAGES.includes(stage)),
  );
}

/** What the next-step form asks for, by stage (the API's AdvanceCandidateInput rules). */
export function requiredFields(stage: CandidateStage) {
  return {
    trainingClass: stage === CandidateStage.AWARENESS_CLASS,
    result: stage === CandidateStage.VERIFIED,
    decisionNo: stage === CandidateStage.ADMITTED,
    reason: stage === CandidateStage.REJECTED || stage === CandidateStage.WITHDRAWN,
  };
}
