import "reflect-metadata";
import "./enums.ts";
import "./role-enum.ts";
import {
  GraphQLScalarType,
  lexicographicSortSchema,
  printSchema,
  type GraphQLSchema,
} from "graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { buildSchema } from "type-graphql";
import { validateArgs } from "./validate-args.ts";
import { CommitteeResolver } from "../modules/committee/committee.resolver.ts";
import { MemberResolver } from "../modules/member/member.resolver.ts";
import { AuthResolver } from "../modules/auth/auth.resolver.ts";
import { UserResolver } from "../modules/user/user.resolver.ts";
import { AuditResolver } from "../modules/audit/audit.resolver.ts";
import {
  AdmissionProgressResolver,
  DashboardResolver,
} from "../modules/dashboard/dashboard.resolver.ts";
import { TargetResolver } from "../modules/target/target.resolver.ts";
import {
  AttendanceResolver,
  CellOverviewResolver,
  MeetingResolver,
  UnitMeetingsResolver,
} from "../modules/meeting/meeting.resolver.ts";
import { CandidateResolver } from "../modules/candidate/candidate.resolver.ts";
import { ReviewResolver } from "../modules/review/review.ts";
import { TrainingResolver } from "../modules/training/training.ts";
import { ImportResolver } from "../modules/import/import.resolver.ts";
import { StatsResolver } from "../modules/stats/stats.ts";
import {
  MemberAssignmentResolver,
  MemberEventResolver,
  MemberLifecycleResolver,
} from "../modules/member/lifecycle.resolver.ts";
import {
  CampaignEligibleUnitResolver,
  CampaignResolver,
  RegistrationResolver,
} from "../modules/emulation/campaign.resolver.ts";
import {
  AwardResolver,
  MemberAwardsResolver,
  OrgUnitAwardsResolver,
} from "../modules/emulation/award.resolver.ts";
import { EthicalStandardResolver } from "../modules/emulation/ethics.resolver.ts";
import { GoodModelResolver } from "../modules/emulation/good-model.resolver.ts";
import { documentResolvers } from "../modules/document/document.resolver.ts";
import { authChecker } from "./access.ts";

export const resolvers = [
  AuthResolver,
  UserResolver,
  AuditResolver,
  CommitteeResolver,
  MemberResolver,
  DashboardResolver,
  AdmissionProgressResolver,
  TargetResolver,
  MeetingResolver,
  AttendanceResolver,
  CellOverviewResolver,
  UnitMeetingsResolver,
  ...documentResolvers,
  CandidateResolver,
  MemberLifecycleResolver,
  MemberEventResolver,
  MemberAssignmentResolver,
  ReviewResolver,
  TrainingResolver,
  ImportResolver,
  StatsResolver,
  CampaignResolver,
  CampaignEligibleUnitResolver,
  RegistrationResolver,
  AwardResolver,
  OrgUnitAwardsResolver,
  MemberAwardsResolver,
  EthicalStandardResolver,
  GoodModelResolver,
] as const;

/** ISO 8601 instants ("2025-05-19T02:00:00.000Z"), named as the API contract names them. */
export const DateTime = new GraphQLScalarType({
  ...DateTimeISOResolver.toConfig(),
  name: "DateTime",
});

let cached: Promise<GraphQLSchema> | null = null;

/** The executable schema (built once per process). */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    authChecker,
    authMode: "error",
    // class-validator with forbidUnknownValues, imported once (see validate-args.ts).
    validateFn: validateArgs,
    emitSchemaFile: false,
    // The contract names the instant scalar `DateTime` (ISO 8601 with offset, as type-graphql's
    // DateTimeISO); dates without time stay `Date`.
    scalarsMap: [{ type: Date, scalar: DateTime }],
  });
  return cached;
}

/** The SDL committed as apps/api/schema.graphql (sorted, so diffs are stable). */
export async function printSdl(): Promise<string> {
  return printSchema(lexicographicSortSchema(await getSchema())) + "\n";
}
