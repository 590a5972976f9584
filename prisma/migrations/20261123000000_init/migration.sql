-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrgUnitKind" AS ENUM ('PROVINCIAL_COMMITTEE', 'DISTRICT_COMMITTEE', 'BLOCK_COMMITTEE', 'DIRECT_COMMITTEE', 'GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL', 'CELL');

-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('STATE_AGENCY', 'PUBLIC_SERVICE', 'STATE_ENTERPRISE', 'NON_STATE_ENTERPRISE', 'COMMUNE_WARD', 'RESIDENTIAL', 'SCHOOL', 'POLICE', 'MILITARY');

-- CreateEnum
CREATE TYPE "MemberStatus" AS ENUM ('PROBATIONARY', 'OFFICIAL', 'REMOVED', 'RESIGNED', 'TRANSFERRED_OUT', 'DECEASED');

-- CreateEnum
CREATE TYPE "MemberEventKind" AS ENUM ('ADMITTED', 'TRANSFERRED_IN', 'MOVED_CELL', 'RECOGNISED_OFFICIAL', 'PROBATION_EXTENDED', 'REMOVED', 'RESIGNED', 'TRANSFERRED_OUT', 'DECEASED');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "Occupation" AS ENUM ('WORKER', 'FARMER', 'STUDENT', 'CIVIL_SERVANT', 'TEACHER', 'HEALTH_WORKER', 'ENTERPRISE_EMPLOYEE', 'ARMED_FORCES', 'RETIRED', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'LEADER', 'STAFF', 'SECRETARY', 'ANALYST');

-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('REGULAR', 'THEMATIC', 'EXTRAORDINARY');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('PRESENT', 'EXCUSED', 'ABSENT');

-- CreateEnum
CREATE TYPE "CandidateStage" AS ENUM ('REGISTERED', 'AWARENESS_CLASS', 'VERIFICATION', 'VERIFIED', 'PROPOSED', 'ADMITTED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Classification" AS ENUM ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('NQ', 'CT', 'KL', 'QD', 'HD', 'KH', 'TB');

-- CreateEnum
CREATE TYPE "TrainingKind" AS ENUM ('AWARENESS_CLASS', 'NEW_MEMBER_THEORY', 'CADRE_TRAINING');

-- CreateEnum
CREATE TYPE "ConferenceKind" AS ENUM ('DISSEMINATION', 'THEMATIC_CONFERENCE', 'TRAINING_COURSE');

-- CreateEnum
CREATE TYPE "ConferenceFormat" AS ENUM ('IN_PERSON', 'ONLINE', 'MIXED');

-- CreateEnum
CREATE TYPE "Audience" AS ENUM ('CADRES', 'MEMBERS', 'KEY_CADRES');

-- CreateEnum
CREATE TYPE "PlanKind" AS ENUM ('PROGRAMME', 'PLAN');

-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('MID_TERM', 'FINAL');

-- CreateEnum
CREATE TYPE "AwardKind" AS ENUM ('GOVERNMENT_FLAG', 'PRIME_MINISTER_FLAG', 'PROVINCE_FLAG', 'STANDING_COMMITTEE_CERTIFICATE', 'PEOPLES_COMMITTEE_CERTIFICATE', 'EXCELLENT_TASKS_TITLE');

-- CreateEnum
CREATE TYPE "InspectionKind" AS ENUM ('INSPECTION', 'SUPERVISION', 'THEMATIC_SUPERVISION');

-- CreateEnum
CREATE TYPE "DisciplineForm" AS ENUM ('REPRIMAND', 'WARNING', 'DISMISSAL', 'EXPULSION');

-- CreateEnum
CREATE TYPE "UnitCommitmentKind" AS ENUM ('COMMITMENT', 'KEY_TASK');

-- CreateTable
CREATE TABLE "org_unit" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_search" TEXT NOT NULL,
    "kind" "OrgUnitKind" NOT NULL,
    "sector" "Sector" NOT NULL,
    "parent_id" INTEGER,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "successor_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "org_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "org_unit_period" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "parent_id" INTEGER,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,

    CONSTRAINT "org_unit_period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "org_unit_closure" (
    "ancestor_id" INTEGER NOT NULL,
    "descendant_id" INTEGER NOT NULL,
    "depth" INTEGER NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,

    CONSTRAINT "org_unit_closure_pkey" PRIMARY KEY ("ancestor_id","descendant_id","valid_from")
);

-- CreateTable
CREATE TABLE "admission_rollup" (
    "unit_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "admitted" INTEGER NOT NULL,

    CONSTRAINT "admission_rollup_pkey" PRIMARY KEY ("unit_id","year","month")
);

-- CreateTable
CREATE TABLE "member" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "full_name" TEXT NOT NULL,
    "name_search" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "birth_date" DATE NOT NULL,
    "ethnicity" TEXT NOT NULL,
    "occupation" "Occupation" NOT NULL,
    "phone" TEXT,
    "national_id" TEXT,
    "address" TEXT,
    "status" "MemberStatus" NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "admitted_on" DATE NOT NULL,
    "probation_ends_on" DATE,
    "official_on" DATE,
    "exited_on" DATE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_event" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "kind" "MemberEventKind" NOT NULL,
    "effective_on" DATE NOT NULL,
    "status_after" "MemberStatus" NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "decision_no" TEXT,
    "reason" TEXT,
    "recorded_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_assignment" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "temporary" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "member_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "candidate" (
    "id" SERIAL NOT NULL,
    "full_name" TEXT NOT NULL,
    "name_search" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "birth_date" DATE NOT NULL,
    "ethnicity" TEXT NOT NULL,
    "occupation" "Occupation" NOT NULL,
    "phone" TEXT,
    "national_id" TEXT,
    "address" TEXT,
    "unit_id" INTEGER NOT NULL,
    "stage" "CandidateStage" NOT NULL,
    "stage_on" DATE NOT NULL,
    "registered_on" DATE NOT NULL,
    "closed_reason" TEXT,
    "member_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "candidate_stage_event" (
    "id" SERIAL NOT NULL,
    "candidate_id" INTEGER NOT NULL,
    "stage" "CandidateStage" NOT NULL,
    "occurred_on" DATE NOT NULL,
    "training_class_id" INTEGER,
    "decision_no" TEXT,
    "result" TEXT,
    "note" TEXT,
    "recorded_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "candidate_stage_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admission_target" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "target" INTEGER NOT NULL,
    "updated_by_id" INTEGER,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "admission_target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_class" (
    "id" SERIAL NOT NULL,
    "kind" "TrainingKind" NOT NULL,
    "name" TEXT NOT NULL,
    "organiser_unit_id" INTEGER NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "training_class_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_enrolment" (
    "id" SERIAL NOT NULL,
    "class_id" INTEGER NOT NULL,
    "candidate_id" INTEGER,
    "member_id" INTEGER,
    "completed" BOOLEAN NOT NULL DEFAULT false,
    "completed_on" DATE,

    CONSTRAINT "training_enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "issuer" TEXT NOT NULL,
    "issued_on" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "title_search" TEXT NOT NULL,
    "summary" TEXT,
    "issuer_unit_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_replacement" (
    "document_id" INTEGER NOT NULL,
    "replaces_id" INTEGER NOT NULL,

    CONSTRAINT "document_replacement_pkey" PRIMARY KEY ("document_id","replaces_id")
);

-- CreateTable
CREATE TABLE "study_theme" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "document_id" INTEGER,

    CONSTRAINT "study_theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conference" (
    "id" SERIAL NOT NULL,
    "kind" "ConferenceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "organiser_unit_id" INTEGER NOT NULL,
    "held_on" DATE NOT NULL,
    "format" "ConferenceFormat" NOT NULL,
    "audience" "Audience" NOT NULL,
    "attendee_count" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conference_document" (
    "conference_id" INTEGER NOT NULL,
    "document_id" INTEGER NOT NULL,

    CONSTRAINT "conference_document_pkey" PRIMARY KEY ("conference_id","document_id")
);

-- CreateTable
CREATE TABLE "conference_attendee" (
    "conference_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,

    CONSTRAINT "conference_attendee_pkey" PRIMARY KEY ("conference_id","member_id")
);

-- CreateTable
CREATE TABLE "implementation_requirement" (
    "id" SERIAL NOT NULL,
    "document_id" INTEGER NOT NULL,
    "scope_unit_id" INTEGER NOT NULL,
    "unit_kinds" "OrgUnitKind"[],
    "due_on" DATE NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "implementation_requirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "implementation_plan" (
    "id" SERIAL NOT NULL,
    "document_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "kind" "PlanKind" NOT NULL,
    "issued_on" DATE NOT NULL,
    "reference" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "implementation_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_review" (
    "id" SERIAL NOT NULL,
    "document_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "kind" "ReviewKind" NOT NULL,
    "held_on" DATE NOT NULL,
    "summary" TEXT,

    CONSTRAINT "document_review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "held_at" TIMESTAMPTZ(3) NOT NULL,
    "held_on" DATE NOT NULL,
    "theme" TEXT,
    "study_theme_id" INTEGER,
    "document_id" INTEGER,
    "minutes" TEXT,
    "decisions" TEXT,
    "guests" TEXT,
    "quality_rating" INTEGER,
    "draft" BOOLEAN NOT NULL DEFAULT false,
    "idempotency_key" TEXT,
    "present_count" INTEGER NOT NULL DEFAULT 0,
    "excused_count" INTEGER NOT NULL DEFAULT 0,
    "absent_count" INTEGER NOT NULL DEFAULT 0,
    "unlocked_until" TIMESTAMP(3),
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_attendance" (
    "meeting_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "reason" TEXT,

    CONSTRAINT "meeting_attendance_pkey" PRIMARY KEY ("meeting_id","member_id")
);

-- CreateTable
CREATE TABLE "member_evaluation" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "classification" "Classification" NOT NULL,
    "unit_id" INTEGER NOT NULL,

    CONSTRAINT "member_evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_evaluation" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "classification" "Classification" NOT NULL,

    CONSTRAINT "unit_evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exemplary_commitment" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "key_leader" BOOLEAN NOT NULL DEFAULT false,
    "content" TEXT NOT NULL,
    "outcome" "Classification",

    CONSTRAINT "exemplary_commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_commitment" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "UnitCommitmentKind" NOT NULL,
    "content" TEXT NOT NULL,
    "completed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "unit_commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ethical_standard" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ethical_standard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action_slogan" (
    "id" SERIAL NOT NULL,
    "standard_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "action_slogan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "emulation_campaign" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "occasion" TEXT,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "organiser_unit_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "emulation_campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_eligibility" (
    "campaign_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,

    CONSTRAINT "campaign_eligibility_pkey" PRIMARY KEY ("campaign_id","unit_id")
);

-- CreateTable
CREATE TABLE "campaign_registration" (
    "id" SERIAL NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "target" TEXT,
    "responsible_unit_id" INTEGER,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "result" TEXT,
    "completed_on" DATE,
    "registered_on" DATE NOT NULL,

    CONSTRAINT "campaign_registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "award" (
    "id" SERIAL NOT NULL,
    "kind" "AwardKind" NOT NULL,
    "title" TEXT,
    "issuer" TEXT NOT NULL,
    "decision_no" TEXT NOT NULL,
    "decided_on" DATE NOT NULL,
    "year_from" INTEGER NOT NULL,
    "year_to" INTEGER NOT NULL,
    "unit_id" INTEGER,
    "member_id" INTEGER,
    "campaign_id" INTEGER,

    CONSTRAINT "award_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "good_model" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE,
    "results" TEXT,

    CONSTRAINT "good_model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inspection" (
    "id" SERIAL NOT NULL,
    "kind" "InspectionKind" NOT NULL,
    "subject_unit_id" INTEGER NOT NULL,
    "inspector_unit_id" INTEGER NOT NULL,
    "started_on" DATE NOT NULL,
    "concluded_on" DATE,
    "conclusion" TEXT,

    CONSTRAINT "inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "discipline" (
    "id" SERIAL NOT NULL,
    "form" "DisciplineForm" NOT NULL,
    "member_id" INTEGER,
    "unit_id" INTEGER,
    "decided_on" DATE NOT NULL,
    "decision_no" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "discipline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "congress" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "term" TEXT NOT NULL,
    "held_from" DATE NOT NULL,
    "held_to" DATE,
    "delegates" INTEGER,
    "notes" TEXT,

    CONSTRAINT "congress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "pii" BOOLEAN NOT NULL DEFAULT false,
    "member_id" INTEGER,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" INTEGER,
    "username" TEXT,
    "operation" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT,
    "unit_id" INTEGER,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "org_unit_code_key" ON "org_unit"("code");

-- CreateIndex
CREATE INDEX "org_unit_parent_id_idx" ON "org_unit"("parent_id");

-- CreateIndex
CREATE INDEX "org_unit_kind_idx" ON "org_unit"("kind");

-- CreateIndex
CREATE INDEX "org_unit_period_unit_id_valid_from_idx" ON "org_unit_period"("unit_id", "valid_from");

-- CreateIndex
CREATE INDEX "org_unit_period_parent_id_valid_from_idx" ON "org_unit_period"("parent_id", "valid_from");

-- CreateIndex
CREATE INDEX "org_unit_closure_descendant_id_valid_from_idx" ON "org_unit_closure"("descendant_id", "valid_from");

-- CreateIndex
CREATE INDEX "org_unit_closure_ancestor_id_depth_idx" ON "org_unit_closure"("ancestor_id", "depth");

-- CreateIndex
CREATE UNIQUE INDEX "member_code_key" ON "member"("code");

-- CreateIndex
CREATE INDEX "member_unit_id_idx" ON "member"("unit_id");

-- CreateIndex
CREATE INDEX "member_name_search_idx" ON "member"("name_search");

-- CreateIndex
CREATE INDEX "member_status_idx" ON "member"("status");

-- CreateIndex
CREATE INDEX "member_probation_ends_on_idx" ON "member"("probation_ends_on");

-- CreateIndex
CREATE INDEX "member_event_member_id_effective_on_idx" ON "member_event"("member_id", "effective_on");

-- CreateIndex
CREATE INDEX "member_event_kind_effective_on_unit_id_idx" ON "member_event"("kind", "effective_on", "unit_id");

-- CreateIndex
CREATE INDEX "member_assignment_unit_id_valid_from_idx" ON "member_assignment"("unit_id", "valid_from");

-- CreateIndex
CREATE INDEX "member_assignment_member_id_valid_from_idx" ON "member_assignment"("member_id", "valid_from");

-- CreateIndex
CREATE UNIQUE INDEX "candidate_member_id_key" ON "candidate"("member_id");

-- CreateIndex
CREATE INDEX "candidate_unit_id_stage_idx" ON "candidate"("unit_id", "stage");

-- CreateIndex
CREATE INDEX "candidate_name_search_idx" ON "candidate"("name_search");

-- CreateIndex
CREATE INDEX "candidate_stage_event_candidate_id_occurred_on_idx" ON "candidate_stage_event"("candidate_id", "occurred_on");

-- CreateIndex
CREATE INDEX "admission_target_year_idx" ON "admission_target"("year");

-- CreateIndex
CREATE UNIQUE INDEX "admission_target_unit_id_year_key" ON "admission_target"("unit_id", "year");

-- CreateIndex
CREATE INDEX "training_class_organiser_unit_id_starts_on_idx" ON "training_class"("organiser_unit_id", "starts_on");

-- CreateIndex
CREATE INDEX "training_enrolment_class_id_idx" ON "training_enrolment"("class_id");

-- CreateIndex
CREATE INDEX "training_enrolment_candidate_id_idx" ON "training_enrolment"("candidate_id");

-- CreateIndex
CREATE INDEX "training_enrolment_member_id_idx" ON "training_enrolment"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "document_number_key" ON "document"("number");

-- CreateIndex
CREATE INDEX "document_kind_issued_on_idx" ON "document"("kind", "issued_on");

-- CreateIndex
CREATE UNIQUE INDEX "study_theme_year_key" ON "study_theme"("year");

-- CreateIndex
CREATE INDEX "conference_organiser_unit_id_held_on_idx" ON "conference"("organiser_unit_id", "held_on");

-- CreateIndex
CREATE INDEX "conference_document_document_id_idx" ON "conference_document"("document_id");

-- CreateIndex
CREATE INDEX "conference_attendee_member_id_idx" ON "conference_attendee"("member_id");

-- CreateIndex
CREATE INDEX "implementation_requirement_document_id_idx" ON "implementation_requirement"("document_id");

-- CreateIndex
CREATE INDEX "implementation_plan_unit_id_idx" ON "implementation_plan"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "implementation_plan_document_id_unit_id_key" ON "implementation_plan"("document_id", "unit_id");

-- CreateIndex
CREATE INDEX "document_review_document_id_unit_id_idx" ON "document_review"("document_id", "unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_idempotency_key_key" ON "meeting"("idempotency_key");

-- CreateIndex
CREATE INDEX "meeting_unit_id_held_on_idx" ON "meeting"("unit_id", "held_on");

-- CreateIndex
CREATE INDEX "meeting_held_on_idx" ON "meeting"("held_on");

-- CreateIndex
CREATE INDEX "meeting_attendance_member_id_idx" ON "meeting_attendance"("member_id");

-- CreateIndex
CREATE INDEX "member_evaluation_unit_id_year_idx" ON "member_evaluation"("unit_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "member_evaluation_member_id_year_key" ON "member_evaluation"("member_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "unit_evaluation_unit_id_year_key" ON "unit_evaluation"("unit_id", "year");

-- CreateIndex
CREATE INDEX "exemplary_commitment_year_idx" ON "exemplary_commitment"("year");

-- CreateIndex
CREATE UNIQUE INDEX "exemplary_commitment_member_id_year_key" ON "exemplary_commitment"("member_id", "year");

-- CreateIndex
CREATE INDEX "unit_commitment_unit_id_year_idx" ON "unit_commitment"("unit_id", "year");

-- CreateIndex
CREATE INDEX "ethical_standard_unit_id_idx" ON "ethical_standard"("unit_id");

-- CreateIndex
CREATE INDEX "action_slogan_standard_id_idx" ON "action_slogan"("standard_id");

-- CreateIndex
CREATE INDEX "emulation_campaign_starts_on_idx" ON "emulation_campaign"("starts_on");

-- CreateIndex
CREATE INDEX "campaign_registration_campaign_id_unit_id_idx" ON "campaign_registration"("campaign_id", "unit_id");

-- CreateIndex
CREATE INDEX "campaign_registration_unit_id_idx" ON "campaign_registration"("unit_id");

-- CreateIndex
CREATE INDEX "award_unit_id_idx" ON "award"("unit_id");

-- CreateIndex
CREATE INDEX "award_member_id_idx" ON "award"("member_id");

-- CreateIndex
CREATE INDEX "award_year_to_idx" ON "award"("year_to");

-- CreateIndex
CREATE INDEX "good_model_unit_id_idx" ON "good_model"("unit_id");

-- CreateIndex
CREATE INDEX "inspection_subject_unit_id_idx" ON "inspection"("subject_unit_id");

-- CreateIndex
CREATE INDEX "discipline_member_id_idx" ON "discipline"("member_id");

-- CreateIndex
CREATE INDEX "discipline_unit_id_idx" ON "discipline"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "congress_unit_id_term_key" ON "congress"("unit_id", "term");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_member_id_key" ON "app_user"("member_id");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_entity_entity_id_idx" ON "audit_log"("entity", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_unit_id_at_idx" ON "audit_log"("unit_id", "at");

-- AddForeignKey
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_successor_id_fkey" FOREIGN KEY ("successor_id") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit_period" ADD CONSTRAINT "org_unit_period_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit_period" ADD CONSTRAINT "org_unit_period_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit_closure" ADD CONSTRAINT "org_unit_closure_ancestor_id_fkey" FOREIGN KEY ("ancestor_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit_closure" ADD CONSTRAINT "org_unit_closure_descendant_id_fkey" FOREIGN KEY ("descendant_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_event" ADD CONSTRAINT "member_event_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_event" ADD CONSTRAINT "member_event_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_event" ADD CONSTRAINT "member_event_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_assignment" ADD CONSTRAINT "member_assignment_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_assignment" ADD CONSTRAINT "member_assignment_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "candidate" ADD CONSTRAINT "candidate_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "candidate" ADD CONSTRAINT "candidate_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "candidate_stage_event" ADD CONSTRAINT "candidate_stage_event_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "candidate_stage_event" ADD CONSTRAINT "candidate_stage_event_training_class_id_fkey" FOREIGN KEY ("training_class_id") REFERENCES "training_class"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "candidate_stage_event" ADD CONSTRAINT "candidate_stage_event_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admission_target" ADD CONSTRAINT "admission_target_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admission_target" ADD CONSTRAINT "admission_target_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_class" ADD CONSTRAINT "training_class_organiser_unit_id_fkey" FOREIGN KEY ("organiser_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_enrolment" ADD CONSTRAINT "training_enrolment_class_id_fkey" FOREIGN KEY ("class_id") REFERENCES "training_class"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_enrolment" ADD CONSTRAINT "training_enrolment_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_enrolment" ADD CONSTRAINT "training_enrolment_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_issuer_unit_id_fkey" FOREIGN KEY ("issuer_unit_id") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_replacement" ADD CONSTRAINT "document_replacement_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_replacement" ADD CONSTRAINT "document_replacement_replaces_id_fkey" FOREIGN KEY ("replaces_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "study_theme" ADD CONSTRAINT "study_theme_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conference" ADD CONSTRAINT "conference_organiser_unit_id_fkey" FOREIGN KEY ("organiser_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conference_document" ADD CONSTRAINT "conference_document_conference_id_fkey" FOREIGN KEY ("conference_id") REFERENCES "conference"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conference_document" ADD CONSTRAINT "conference_document_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conference_attendee" ADD CONSTRAINT "conference_attendee_conference_id_fkey" FOREIGN KEY ("conference_id") REFERENCES "conference"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conference_attendee" ADD CONSTRAINT "conference_attendee_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "implementation_requirement" ADD CONSTRAINT "implementation_requirement_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "implementation_requirement" ADD CONSTRAINT "implementation_requirement_scope_unit_id_fkey" FOREIGN KEY ("scope_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "implementation_plan" ADD CONSTRAINT "implementation_plan_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "implementation_plan" ADD CONSTRAINT "implementation_plan_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_review" ADD CONSTRAINT "document_review_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_review" ADD CONSTRAINT "document_review_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_study_theme_id_fkey" FOREIGN KEY ("study_theme_id") REFERENCES "study_theme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_evaluation" ADD CONSTRAINT "member_evaluation_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_evaluation" ADD CONSTRAINT "member_evaluation_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_evaluation" ADD CONSTRAINT "unit_evaluation_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exemplary_commitment" ADD CONSTRAINT "exemplary_commitment_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_commitment" ADD CONSTRAINT "unit_commitment_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ethical_standard" ADD CONSTRAINT "ethical_standard_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_slogan" ADD CONSTRAINT "action_slogan_standard_id_fkey" FOREIGN KEY ("standard_id") REFERENCES "ethical_standard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "emulation_campaign" ADD CONSTRAINT "emulation_campaign_organiser_unit_id_fkey" FOREIGN KEY ("organiser_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_eligibility" ADD CONSTRAINT "campaign_eligibility_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "emulation_campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_eligibility" ADD CONSTRAINT "campaign_eligibility_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_registration" ADD CONSTRAINT "campaign_registration_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "emulation_campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_registration" ADD CONSTRAINT "campaign_registration_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_registration" ADD CONSTRAINT "campaign_registration_responsible_unit_id_fkey" FOREIGN KEY ("responsible_unit_id") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "award" ADD CONSTRAINT "award_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "award" ADD CONSTRAINT "award_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "award" ADD CONSTRAINT "award_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "emulation_campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "good_model" ADD CONSTRAINT "good_model_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_subject_unit_id_fkey" FOREIGN KEY ("subject_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_inspector_unit_id_fkey" FOREIGN KEY ("inspector_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discipline" ADD CONSTRAINT "discipline_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discipline" ADD CONSTRAINT "discipline_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "congress" ADD CONSTRAINT "congress_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;
