import "reflect-metadata";
import type {
  Conference,
  Document,
  DocumentReview,
  ImplementationPlan,
  ImplementationRequirement,
  Meeting,
  Member,
  StudyTheme,
} from "@dangbo/db";
import { DOCUMENT_KINDS, Role, type DocumentKind, type IsoDate } from "@dangbo/shared";
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { Access, ANY_ROLE } from "../../graphql/access.ts";
import type { Context } from "../../graphql/context.ts";
import { parseId, parseOptionalId } from "../../graphql/ids.ts";
import { withAsOf, type UnitRecord } from "../committee/committee.service.ts";
import { OrgUnitType } from "../committee/committee.type.ts";
import { dashboardPeriod } from "../dashboard/dashboard.period.ts";
import { MeetingType, StudyThemeType } from "../meeting/meeting.type.ts";
import { maskMember } from "../member/member.access.ts";
import { MemberType } from "../member/member.type.ts";
import {
  disseminationSummary,
  getConference,
  listConferences,
  recordConference,
  updateConference,
} from "./conference.service.ts";
import { scopeOf } from "./document.access.ts";
import {
  ConferencesArgs,
  CoverageArgs,
  CreateDocumentInput,
  DisseminationArgs,
  DocumentsArgs,
  PanelArgs,
  RecordConferenceInput,
  RecordPlanArgs,
  RecordReviewArgs,
  SetRequirementArgs,
  SetStudyThemeArgs,
  UpdateConferenceInput,
  UpdateDocumentInput,
} from "./document.input.ts";
import { LATEST_LIMIT, LATEST_MEETINGS_LIMIT } from "./document.loaders.ts";
import { createDocument, getDocument, listDocuments, updateDocument } from "./document.service.ts";
import {
  ConferenceConnection,
  ConferenceType,
  DisseminationSummary,
  DocumentConnection,
  DocumentReviewType,
  DocumentType,
  ImplementationCoverage,
  ImplementationPlanType,
  ImplementationRequirementType,
  RequiredUnit,
  StudyThemeCoverage,
} from "./document.type.ts";
import {
  implementationCoverage,
  recordDocumentReview,
  recordImplementationPlan,
  setImplementationRequirement,
} from "./implementation.service.ts";
import { setStudyTheme, studyThemeCoverage } from "./study-theme.service.ts";

/** Who records documents, conferences, plans, reviews and requirements. */
const WRITERS = [Role.ADMIN, Role.STAFF] as const;

/** A unit for an OrgUnit field, or null when it lies outside the caller's subtree. */
async function visibleUnit(
  ctx: Context,
  id: number | null,
  asOf: IsoDate = ctx.today,
): Promise<UnitRecord | null> {
  if (id === null) return null;
  const unit = await ctx.loaders.document.visibleUnitById.load({ id, scope: scopeOf(ctx) });
  return unit ? withAsOf(unit, asOf) : null;
}

const key = (ctx: Context, id: number) => ({ id, scope: scopeOf(ctx) });

@Resolver(() => DocumentType)
export class DocumentResolver {
  @Access(ANY_ROLE)
  @Query(() => DocumentConnection, {
    description:
      "The document registry, newest first: documents of the centre, the province, the committees above you and those of your subtree. `search` matches the number (`21-nq/tw`, `21 NQ`, `NQ/TW`) or words of the title without diacritics.",
  })
  documents(@Args(() => DocumentsArgs) args: DocumentsArgs, @Ctx() ctx: Context) {
    return listDocuments(ctx, args);
  }

  @Access(ANY_ROLE)
  @Query(() => DocumentType, {
    description:
      "One document with everything attached to it. Unknown ids and documents of other subtrees give NOT_FOUND.",
  })
  document(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Document> {
    return getDocument(ctx, parseId(id));
  }

  @Access(WRITERS)
  @Mutation(() => DocumentType, {
    description:
      "Registers a document. Errors: BAD_USER_INPUT on `number` (malformed — the message says what is wrong — or already registered), `issuedOn` (future, or before the issuing committee existed), `issuerUnitId`, `replacesIds.<i>`; FORBIDDEN for another subtree's committee, or a document of the centre registered below the province.",
  })
  createDocument(
    @Arg("input", () => CreateDocumentInput) input: CreateDocumentInput,
    @Ctx() ctx: Context,
  ): Promise<Document> {
    return createDocument(ctx, input);
  }

  @Access(WRITERS)
  @Mutation(() => DocumentType, {
    description:
      "Changes a document (the same rules as createDocument). FORBIDDEN for documents you may not change: another subtree's, or the centre's and the province's below the province.",
  })
  updateDocument(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateDocumentInput) input: UpdateDocumentInput,
    @Ctx() ctx: Context,
  ): Promise<Document> {
    return updateDocument(ctx, parseId(id), input);
  }

  @FieldResolver(() => String, { description: "Vietnamese name of the kind, e.g. Nghị quyết." })
  kindName(@Root() document: Document): string {
    return DOCUMENT_KINDS[document.kind as DocumentKind].nameVi;
  }

  @FieldResolver(() => Boolean, {
    description: "A document of the centre (no issuing unit in the province).",
  })
  central(@Root() document: Document): boolean {
    return document.issuerUnitId === null;
  }

  @FieldResolver(() => OrgUnitType, {
    nullable: true,
    description:
      "The committee that issued it, when it is your unit or below it (null for the centre and for committees above you).",
  })
  issuerUnit(@Root() document: Document, @Ctx() ctx: Context) {
    return visibleUnit(ctx, document.issuerUnitId);
  }

  @FieldResolver(() => [DocumentType], { description: "Documents this one replaces." })
  replaces(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.loaders.document.replacesOf.load(key(ctx, document.id));
  }

  @FieldResolver(() => [DocumentType], { description: "Documents that replace this one." })
  replacedBy(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.loaders.document.replacedByOf.load(key(ctx, document.id));
  }

  @FieldResolver(() => Int, { description: "Conferences in your subtree that covered it." })
  async conferenceCount(@Root() document: Document, @Ctx() ctx: Context) {
    return (await ctx.loaders.document.statsOf.load(key(ctx, document.id))).conferences;
  }

  @FieldResolver(() => Int, { description: "Σ attendees of those conferences." })
  async conferenceAttendees(@Root() document: Document, @Ctx() ctx: Context) {
    return (await ctx.loaders.document.statsOf.load(key(ctx, document.id))).attendees;
  }

  @FieldResolver(() => [ConferenceType], {
    description: `The latest ${LATEST_LIMIT} of those conferences (all: \`conferences(documentId:)\`).`,
  })
  latestConferences(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.loaders.document.latestConferencesOf.load(key(ctx, document.id));
  }

  @FieldResolver(() => [ImplementationRequirementType], {
    description: "Who must implement it: requirements set in your subtree or above it.",
  })
  requirements(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.loaders.document.requirementsOf.load(key(ctx, document.id));
  }

  @FieldResolver(() => Int, { description: "Programmes and plans issued in your subtree." })
  async planCount(@Root() document: Document, @Ctx() ctx: Context) {
    return (await ctx.loaders.document.statsOf.load(key(ctx, document.id))).plans;
  }

  @FieldResolver(() => [ImplementationPlanType], {
    description: `The latest ${LATEST_LIMIT} plans (the full matrix: \`implementationCoverage\`).`,
  })
  latestPlans(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.loaders.document.latestPlansOf.load(key(ctx, document.id));
  }

  @FieldResolver(() => Int, { description: "Mid-term and final reviews held in your subtree." })
  async reviewCount(@Root() document: Document, @Ctx() ctx: Context) {
    return (await ctx.loaders.document.statsOf.load(key(ctx, document.id))).reviews;
  }

  @FieldResolver(() => [DocumentReviewType], { description: `The latest ${LATEST_LIMIT} reviews.` })
  latestReviews(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.loaders.document.latestReviewsOf.load(key(ctx, document.id));
  }

  @FieldResolver(() => Int, {
    description: "Cell meetings in your subtree that studied it (drafts excluded).",
  })
  async meetingCount(@Root() document: Document, @Ctx() ctx: Context) {
    return (await ctx.loaders.document.statsOf.load(key(ctx, document.id))).meetings;
  }

  @FieldResolver(() => [MeetingType], {
    description: `The latest ${LATEST_MEETINGS_LIMIT} of those meetings.`,
  })
  latestMeetings(@Root() document: Document, @Ctx() ctx: Context): Promise<Meeting[]> {
    return ctx.loaders.document.latestMeetingsOf.load(key(ctx, document.id));
  }

  @FieldResolver(() => [StudyThemeType], { description: "Annual study themes that follow it." })
  studyThemes(@Root() document: Document, @Ctx() ctx: Context): Promise<StudyTheme[]> {
    return ctx.loaders.document.studyThemesOf.load(document.id);
  }
}

@Resolver(() => ConferenceType)
export class ConferenceResolver {
  @Access(ANY_ROLE)
  @Query(() => ConferenceConnection, {
    description:
      "Conferences, thematic conferences and training courses of a unit (default: yours) and, unless includeSubtree is false, of the units under it on the day they were held; newest first.",
  })
  conferences(@Args(() => ConferencesArgs) args: ConferencesArgs, @Ctx() ctx: Context) {
    return listConferences(ctx, args);
  }

  @Access(ANY_ROLE)
  @Query(() => ConferenceType, {
    description: "One conference. Unknown ids and conferences of other subtrees give NOT_FOUND.",
  })
  conference(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Conference> {
    return getConference(ctx, parseId(id));
  }

  @Access(ANY_ROLE)
  @Query(() => DisseminationSummary, {
    description:
      'The dissemination panel of a subtree for a year or quarter: per kind (dissemination conferences, thematic conferences, training courses) the number held and the cadres and members reached — "8 conferences disseminating resolutions to 4,500+ cadres and members" — in total, by the unit itself, and per direct subordinate. A conference counts for the units its organiser was under on the day it was held.',
  })
  disseminationSummary(
    @Args(() => DisseminationArgs) args: DisseminationArgs,
    @Ctx() ctx: Context,
  ): Promise<DisseminationSummary> {
    return disseminationSummary(
      ctx,
      parseId(args.unitId, "unitId"),
      dashboardPeriod(args.year, args.quarter, args.asOf ?? ctx.today),
    );
  }

  @Access(WRITERS)
  @Mutation(() => ConferenceType, {
    description:
      "Records a conference that has been held. Errors: BAD_USER_INPUT on `heldOn` (future, organiser not existing), `title`, `documentIds` (a dissemination covers at least one document; none issued after the conference), `memberIds.<i>` (not in the organiser's subtree that day), `attendeeCount` (missing without a list, or smaller than the list); FORBIDDEN for an organiser outside your subtree.",
  })
  recordConference(
    @Arg("input", () => RecordConferenceInput) input: RecordConferenceInput,
    @Ctx() ctx: Context,
  ): Promise<Conference> {
    return recordConference(ctx, input);
  }

  @Access(WRITERS)
  @Mutation(() => ConferenceType, {
    description:
      "Changes a conference (the same rules as recordConference). A count that was derived from the member list follows a new list; a typed count stays unless given.",
  })
  updateConference(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateConferenceInput) input: UpdateConferenceInput,
    @Ctx() ctx: Context,
  ): Promise<Conference> {
    return updateConference(ctx, parseId(id), input);
  }

  @FieldResolver(() => OrgUnitType)
  async organiser(@Root() conference: Conference, @Ctx() ctx: Context): Promise<UnitRecord> {
    const unit = await ctx.loaders.committee.unitById.load(conference.organiserUnitId);
    return withAsOf(unit!, ctx.today);
  }

  @FieldResolver(() => [DocumentType], { description: "The documents it covered." })
  documents(@Root() conference: Conference, @Ctx() ctx: Context): Promise<Document[]> {
    return ctx.loaders.document.documentsOfConference.load(key(ctx, conference.id));
  }

  @FieldResolver(() => [MemberType], {
    description: "The named attendees, when a list was recorded (by name).",
  })
  async attendees(@Root() conference: Conference, @Ctx() ctx: Context): Promise<Member[]> {
    const members = await ctx.loaders.document.attendeesOf.load(conference.id);
    return members.map((m) => maskMember(ctx, m));
  }
}

@Resolver(() => ImplementationCoverage)
export class ImplementationResolver {
  @Access(ANY_ROLE)
  @Query(() => ImplementationCoverage, {
    description:
      "The implementation matrix of a document in a unit's subtree on a date: the units required to issue a programme or plan (units of the required kinds under a requirement's scope that existed on the due date — also if dissolved since — or were created after it and by asOf, with as many days from their creation; units dissolved on or before the due date are not required), which issued one (late: after the due date), which held their own dissemination conference, their reviews; the coverage percentage (\"100% of grassroots committees issued plans\"), per direct subordinate (the heat-map), and the units that have not issued one.",
  })
  implementationCoverage(
    @Args(() => CoverageArgs) args: CoverageArgs,
    @Ctx() ctx: Context,
  ): Promise<ImplementationCoverage> {
    return implementationCoverage(ctx, {
      documentId: parseId(args.documentId, "documentId"),
      unitId: parseId(args.unitId, "unitId"),
      asOf: args.asOf ?? ctx.today,
      status: args.status,
      first: args.first,
      after: args.after,
    });
  }

  @Access(WRITERS)
  @Mutation(() => ImplementationRequirementType, {
    description:
      "Requires the units of the given kinds in a unit's subtree to issue a programme or plan for a document by a date; one requirement per document and scope unit (setting it again changes it). FORBIDDEN for a scope outside your subtree; BAD_USER_INPUT on `dueOn` before the document.",
  })
  setImplementationRequirement(
    @Args(() => SetRequirementArgs) args: SetRequirementArgs,
    @Ctx() ctx: Context,
  ): Promise<ImplementationRequirement> {
    return setImplementationRequirement(ctx, {
      documentId: parseId(args.documentId, "documentId"),
      scopeUnitId: parseId(args.scopeUnitId, "scopeUnitId"),
      unitKinds: args.unitKinds,
      dueOn: args.dueOn,
    });
  }

  @Access(WRITERS)
  @Mutation(() => ImplementationPlanType, {
    description:
      "Records the programme or plan a unit issued to implement a document (again for the same unit: corrects it). BAD_USER_INPUT when the unit is not required (`unitId`), or the date is before the document, in the future or outside the unit's existence (`issuedOn`); FORBIDDEN for a unit outside your subtree.",
  })
  recordImplementationPlan(
    @Args(() => RecordPlanArgs) args: RecordPlanArgs,
    @Ctx() ctx: Context,
  ): Promise<ImplementationPlan> {
    return recordImplementationPlan(ctx, {
      ...args,
      documentId: parseId(args.documentId, "documentId"),
      unitId: parseId(args.unitId, "unitId"),
    });
  }

  @Access(WRITERS)
  @Mutation(() => DocumentReviewType, {
    description:
      "Records a unit's mid-term (sơ kết) or final (tổng kết) review of a document; one of each kind per unit (again: corrects it).",
  })
  recordDocumentReview(
    @Args(() => RecordReviewArgs) args: RecordReviewArgs,
    @Ctx() ctx: Context,
  ): Promise<DocumentReview> {
    return recordDocumentReview(ctx, {
      ...args,
      documentId: parseId(args.documentId, "documentId"),
      unitId: parseId(args.unitId, "unitId"),
    });
  }

  @FieldResolver(() => DocumentType)
  async document(@Root() coverage: ImplementationCoverage, @Ctx() ctx: Context) {
    return ctx.loaders.document.documentById.load(key(ctx, coverage.documentId));
  }

  @FieldResolver(() => OrgUnitType)
  async unit(@Root() coverage: ImplementationCoverage, @Ctx() ctx: Context) {
    return visibleUnit(ctx, coverage.unitId, coverage.asOf);
  }

  @FieldResolver(() => [ImplementationRequirementType], {
    description: "The document's requirements you may see (set in your subtree or above it).",
  })
  requirements(@Root() coverage: ImplementationCoverage, @Ctx() ctx: Context) {
    return ctx.loaders.document.requirementsOf.load(key(ctx, coverage.documentId));
  }
}

@Resolver(() => RequiredUnit)
export class RequiredUnitResolver {
  @FieldResolver(() => OrgUnitType, { nullable: true })
  unit(@Root() row: RequiredUnit, @Ctx() ctx: Context) {
    return visibleUnit(ctx, row.unitId);
  }
}

@Resolver(() => ImplementationRequirementType)
export class ImplementationRequirementResolver {
  @FieldResolver(() => DocumentType)
  document(@Root() requirement: ImplementationRequirement, @Ctx() ctx: Context) {
    return ctx.loaders.document.documentById.load(key(ctx, requirement.documentId));
  }

  @FieldResolver(() => OrgUnitType, {
    nullable: true,
    description: "The unit whose subtree must implement it; null when it is above your unit.",
  })
  scopeUnit(@Root() requirement: ImplementationRequirement, @Ctx() ctx: Context) {
    return visibleUnit(ctx, requirement.scopeUnitId);
  }

  @FieldResolver(() => String, { description: "The scope unit's name (also when above you)." })
  async scopeUnitName(@Root() requirement: ImplementationRequirement, @Ctx() ctx: Context) {
    return (await ctx.loaders.committee.unitById.load(requirement.scopeUnitId))!.name;
  }
}

@Resolver(() => ImplementationPlanType)
export class ImplementationPlanResolver {
  @FieldResolver(() => DocumentType)
  document(@Root() plan: ImplementationPlan, @Ctx() ctx: Context) {
    return ctx.loaders.document.documentById.load(key(ctx, plan.documentId));
  }

  @FieldResolver(() => OrgUnitType)
  async unit(@Root() plan: ImplementationPlan, @Ctx() ctx: Context): Promise<UnitRecord> {
    return withAsOf((await ctx.loaders.committee.unitById.load(plan.unitId))!, ctx.today);
  }
}

@Resolver(() => DocumentReviewType)
export class DocumentReviewResolver {
  @FieldResolver(() => DocumentType)
  document(@Root() review: DocumentReview, @Ctx() ctx: Context) {
    return ctx.loaders.document.documentById.load(key(ctx, review.documentId));
  }

  @FieldResolver(() => OrgUnitType)
  async unit(@Root() review: DocumentReview, @Ctx() ctx: Context): Promise<UnitRecord> {
    return withAsOf((await ctx.loaders.committee.unitById.load(review.unitId))!, ctx.today);
  }
}

@Resolver(() => StudyThemeType)
export class StudyThemeResolver {
  @Access(WRITERS)
  @Mutation(() => StudyThemeType, {
    description:
      "Sets the year's study theme (one per year: setting it again changes it). Only staff and administrators of the provincial committee; others get FORBIDDEN.",
  })
  setStudyTheme(
    @Args(() => SetStudyThemeArgs) args: SetStudyThemeArgs,
    @Ctx() ctx: Context,
  ): Promise<StudyTheme> {
    return setStudyTheme(ctx, {
      ...args,
      documentId: parseOptionalId(args.documentId, "documentId"),
    });
  }

  @Access(ANY_ROLE)
  @Query(() => StudyThemeCoverage, {
    description:
      "How far the year's study theme reached the cells of a subtree: of the cells on the tree date (31 December, or asOf during the year), how many held at least one thematic meeting linked to the theme in the year up to asOf — in total and per direct subordinate.",
  })
  studyThemeCoverage(
    @Args(() => PanelArgs) args: PanelArgs,
    @Ctx() ctx: Context,
  ): Promise<StudyThemeCoverage> {
    return studyThemeCoverage(
      ctx,
      parseId(args.unitId, "unitId"),
      dashboardPeriod(args.year, null, args.asOf ?? ctx.today),
    );
  }

  @FieldResolver(() => DocumentType, {
    nullable: true,
    description: "The document the theme follows (e.g. 01-KL/TW).",
  })
  document(@Root() theme: StudyTheme, @Ctx() ctx: Context) {
    return theme.documentId === null || theme.documentId === undefined
      ? null
      : ctx.loaders.document.documentById.load(key(ctx, theme.documentId));
  }
}

@Resolver(() => StudyThemeCoverage)
export class StudyThemeCoverageResolver {
  @FieldResolver(() => StudyThemeType, {
    nullable: true,
    description: "The year's study theme (null when none was set).",
  })
  theme(@Root() coverage: StudyThemeCoverage, @Ctx() ctx: Context) {
    return coverage.themeId === null
      ? null
      : ctx.loaders.meeting.studyThemeById.load(coverage.themeId);
  }
}

/** Every resolver of the module, for the schema. */
export const documentResolvers = [
  DocumentResolver,
  ConferenceResolver,
  ImplementationResolver,
  RequiredUnitResolver,
  ImplementationRequirementResolver,
  ImplementationPlanResolver,
  DocumentReviewResolver,
  StudyThemeResolver,
  StudyThemeCoverageResolver,
] as const;
