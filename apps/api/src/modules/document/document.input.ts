import "reflect-metadata";
import {
  Audience,
  ConferenceFormat,
  ConferenceKind,
  DocumentKind,
  OrgUnitKind,
  PAGE_CAP,
  PlanKind,
  ReviewKind,
  type IsoDate,
} from "@dangbo/shared";
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.ts";
import { PageArgsInput } from "../committee/committee.input.ts";
import { ImplementationStatusEnum } from "./document.type.ts";

const TITLE_MAX = 1000;
const SUMMARY_MAX = 10_000;

// ───────────────────────────── registry ─────────────────────────────

const replacesField = {
  nullable: true,
  description: "Documents this one replaces (e.g. 24-QĐ/TW replaces 29-QĐ/TW).",
} as const;

@InputType({ description: "A document to register." })
export class CreateDocumentInput {
  @Field(() => String, {
    description:
      "`<n>-<KIND>/<ISSUER>`, e.g. 21-NQ/TW, 28-CT/TW, 368-QĐ/TU (QD and lower case accepted). Stored in canonical form.",
  })
  @IsString()
  @MaxLength(100)
  number!: string;

  @Field(() => DateScalar, { description: "Date of issue; not in the future." })
  issuedOn!: IsoDate;

  @Field(() => String, {
    description: "What it is about; words of it are searchable without diacritics.",
  })
  @IsString()
  @MaxLength(TITLE_MAX)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(SUMMARY_MAX)
  summary?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The committee that issued it (its own documents: your unit or one below). Omitted: a document of the centre (TW or a central body), which only the provincial committee registers.",
  })
  @IsOptional()
  issuerUnitId?: string;

  @Field(() => [ID], replacesField)
  @IsOptional()
  @ArrayMaxSize(50)
  replacesIds?: string[];
}

@InputType({
  description:
    "Changes to a document; omitted fields stay. `replacesIds`, when given, replaces the whole list.",
})
export class UpdateDocumentInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  number?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  issuedOn?: IsoDate;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TITLE_MAX)
  title?: string;

  @Field(() => String, { nullable: true, description: "An empty string removes the summary." })
  @IsOptional()
  @IsString()
  @MaxLength(SUMMARY_MAX)
  summary?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "Another issuing committee; null makes it a document of the centre (provincial committee only).",
  })
  @IsOptional()
  issuerUnitId?: string | null;

  @Field(() => [ID], replacesField)
  @IsOptional()
  @ArrayMaxSize(50)
  replacesIds?: string[];
}

@ArgsType()
export class DocumentsArgs extends PageArgsInput {
  @Field(() => String, {
    nullable: true,
    description:
      "A number or part of one (`21-nq/tw`, `21 NQ`, `21`), or words of the title; case and diacritics are ignored.",
  })
  @IsOptional()
  @MaxLength(200)
  search?: string;

  @Field(() => DocumentKind, { nullable: true })
  @IsOptional()
  @IsEnum(DocumentKind)
  kind?: DocumentKind;

  @Field(() => String, { nullable: true, description: "Issuer code, e.g. TW or TU." })
  @IsOptional()
  @MaxLength(30)
  issuer?: string;

  @Field(() => DateScalar, { nullable: true, description: "Issued on or after." })
  @IsOptional()
  from?: IsoDate;

  @Field(() => DateScalar, { nullable: true, description: "Issued on or before." })
  @IsOptional()
  to?: IsoDate;
}

// ───────────────────────────── conferences ─────────────────────────────

const attendeeCountField = {
  nullable: true,
  description:
    "Number of attendees, 0 or more. Omitted with a member list: the list's length. Never smaller than the list.",
} as const;
const documentIdsField = {
  nullable: true,
  description:
    "The documents covered (a dissemination conference covers at least one), issued on or before the conference.",
} as const;
const memberIdsField = {
  nullable: true,
  description:
    "Optionally, the attending members: members of the organiser's subtree on the day. On update, replaces the list.",
} as const;

@InputType({
  description: "A conference, thematic conference or training course that has been held.",
})
export class RecordConferenceInput {
  @Field(() => ConferenceKind)
  @IsEnum(ConferenceKind)
  kind!: ConferenceKind;

  @Field(() => String)
  @IsString()
  @MaxLength(500)
  title!: string;

  @Field(() => ID, { description: "Your unit or one below it, existing on heldOn." })
  organiserUnitId!: string;

  @Field(() => DateScalar, { description: "Not in the future." })
  heldOn!: IsoDate;

  @Field(() => ConferenceFormat)
  @IsEnum(ConferenceFormat)
  format!: ConferenceFormat;

  @Field(() => Audience)
  @IsEnum(Audience)
  audience!: Audience;

  @Field(() => Int, attendeeCountField)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  attendeeCount?: number;

  @Field(() => [ID], documentIdsField)
  @IsOptional()
  @ArrayMaxSize(50)
  documentIds?: string[];

  @Field(() => [ID], memberIdsField)
  @IsOptional()
  @ArrayMaxSize(10_000)
  memberIds?: string[];
}

@InputType({ description: "Changes to a conference; omitted fields stay." })
export class UpdateConferenceInput {
  @Field(() => ConferenceKind, { nullable: true })
  @IsOptional()
  @IsEnum(ConferenceKind)
  kind?: ConferenceKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  organiserUnitId?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  heldOn?: IsoDate;

  @Field(() => ConferenceFormat, { nullable: true })
  @IsOptional()
  @IsEnum(ConferenceFormat)
  format?: ConferenceFormat;

  @Field(() => Audience, { nullable: true })
  @IsOptional()
  @IsEnum(Audience)
  audience?: Audience;

  @Field(() => Int, attendeeCountField)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  attendeeCount?: number;

  @Field(() => [ID], documentIdsField)
  @IsOptional()
  @ArrayMaxSize(50)
  documentIds?: string[];

  @Field(() => [ID], memberIdsField)
  @IsOptional()
  @ArrayMaxSize(10_000)
  memberIds?: string[];
}

@ArgsType()
export class ConferencesArgs extends PageArgsInput {
  @Field(() => ID, { nullable: true, description: "Default: your own unit." })
  @IsOptional()
  unitId?: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description:
      "Also conferences of units below (organisers under the unit on the day they held it). Default true.",
  })
  @IsOptional()
  @IsBoolean()
  includeSubtree?: boolean;

  @Field(() => ConferenceKind, { nullable: true })
  @IsOptional()
  @IsEnum(ConferenceKind)
  kind?: ConferenceKind;

  @Field(() => ID, { nullable: true, description: "Only conferences covering this document." })
  @IsOptional()
  documentId?: string;

  @Field(() => DateScalar, { nullable: true, description: "Held on or after." })
  @IsOptional()
  from?: IsoDate;

  @Field(() => DateScalar, { nullable: true, description: "Held on or before." })
  @IsOptional()
  to?: IsoDate;
}

@ArgsType()
export class PanelArgs {
  @Field(() => ID, { description: "The unit whose subtree is counted." })
  unitId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1930)
  @Max(2100)
  year!: number;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Count nothing after this date (default: today).",
  })
  @IsOptional()
  asOf?: IsoDate;
}

@ArgsType()
export class DisseminationArgs extends PanelArgs {
  @Field(() => Int, { nullable: true, description: "1–4; omitted: the whole year." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;
}

// ───────────────────────────── implementation ─────────────────────────────

@ArgsType()
export class SetRequirementArgs {
  @Field(() => ID)
  documentId!: string;

  @Field(() => ID, {
    description:
      "The unit whose subtree must implement it (your unit or one below). One requirement per document and scope: setting it again changes it.",
  })
  scopeUnitId!: string;

  @Field(() => [OrgUnitKind], {
    description: "Kinds of unit that must issue a programme or plan, e.g. the grassroots kinds.",
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsEnum(OrgUnitKind, { each: true })
  unitKinds!: OrgUnitKind[];

  @Field(() => DateScalar, { description: "On or after the document's date." })
  dueOn!: IsoDate;
}

@ArgsType()
export class RecordPlanArgs {
  @Field(() => ID)
  documentId!: string;

  @Field(() => ID, { description: "A unit required to implement the document." })
  unitId!: string;

  @Field(() => PlanKind)
  @IsEnum(PlanKind)
  kind!: PlanKind;

  @Field(() => DateScalar, {
    description: "Not before the document's date, not in the future, while the unit existed.",
  })
  issuedOn!: IsoDate;

  @Field(() => String, { description: "The plan's number, e.g. 15-KH/ĐU." })
  @IsString()
  @Length(1, 100)
  reference!: string;
}

@ArgsType()
export class RecordReviewArgs {
  @Field(() => ID)
  documentId!: string;

  @Field(() => ID, { description: "Your unit or one below it." })
  unitId!: string;

  @Field(() => ReviewKind)
  @IsEnum(ReviewKind)
  kind!: ReviewKind;

  @Field(() => DateScalar, { description: "Not before the document's date, not in the future." })
  heldOn!: IsoDate;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(SUMMARY_MAX)
  summary?: string;
}

@ArgsType()
export class CoverageArgs {
  @Field(() => ID)
  documentId!: string;

  @Field(() => ID, { description: "The unit whose subtree is shown." })
  unitId!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The date the matrix is seen on (default: today).",
  })
  @IsOptional()
  asOf?: IsoDate;

  @Field(() => [ImplementationStatusEnum], {
    nullable: true,
    description: "Which required units `units` lists (default: OVERDUE and PENDING).",
  })
  @IsOptional()
  @ArrayMaxSize(4)
  status?: string[];

  @Field(() => Int, { nullable: true, defaultValue: 100, description: `0–${PAGE_CAP}.` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PAGE_CAP)
  first?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  after?: string;
}

// ───────────────────────────── study themes ─────────────────────────────

@ArgsType()
export class SetStudyThemeArgs {
  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => String, { description: 'E.g. "Phát huy tinh thần trách nhiệm phục vụ Nhân dân".' })
  @IsString()
  @Length(1, 500)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(SUMMARY_MAX)
  description?: string;

  @Field(() => ID, {
    nullable: true,
    description: "The document the theme follows, e.g. 01-KL/TW.",
  })
  @IsOptional()
  documentId?: string;
}
