/**
 * The domain vocabulary. Values match the Prisma enums of the same names (a test in
 * packages/db checks that they agree), so both sides of the wire speak one language.
 */

export const OrgUnitKind = {
  PROVINCIAL_COMMITTEE: "PROVINCIAL_COMMITTEE",
  DISTRICT_COMMITTEE: "DISTRICT_COMMITTEE",
  BLOCK_COMMITTEE: "BLOCK_COMMITTEE",
  DIRECT_COMMITTEE: "DIRECT_COMMITTEE",
  GRASSROOTS_COMMITTEE: "GRASSROOTS_COMMITTEE",
  GRASSROOTS_CELL: "GRASSROOTS_CELL",
  CELL: "CELL",
} as const;
export type OrgUnitKind = (typeof OrgUnitKind)[keyof typeof OrgUnitKind];

/** Units that hold members directly: a grassroots cell or a subordinate cell. */
export const CELL_KINDS: readonly OrgUnitKind[] = [OrgUnitKind.GRASSROOTS_CELL, OrgUnitKind.CELL];
/** Grassroots party organisations (TCCS): a grassroots committee or a grassroots cell. */
export const GRASSROOTS_KINDS: readonly OrgUnitKind[] = [
  OrgUnitKind.GRASSROOTS_COMMITTEE,
  OrgUnitKind.GRASSROOTS_CELL,
];
/** Committees directly under the province. */
export const DIRECT_SUBORDINATE_KINDS: readonly OrgUnitKind[] = [
  OrgUnitKind.DISTRICT_COMMITTEE,
  OrgUnitKind.BLOCK_COMMITTEE,
  OrgUnitKind.DIRECT_COMMITTEE,
];

export const Sector = {
  STATE_AGENCY: "STATE_AGENCY",
  PUBLIC_SERVICE: "PUBLIC_SERVICE",
  STATE_ENTERPRISE: "STATE_ENTERPRISE",
  NON_STATE_ENTERPRISE: "NON_STATE_ENTERPRISE",
  COMMUNE_WARD: "COMMUNE_WARD",
  RESIDENTIAL: "RESIDENTIAL",
  SCHOOL: "SCHOOL",
  POLICE: "POLICE",
  MILITARY: "MILITARY",
} as const;
export type Sector = (typeof Sector)[keyof typeof Sector];

export const MemberStatus = {
  PROBATIONARY: "PROBATIONARY",
  OFFICIAL: "OFFICIAL",
  REMOVED: "REMOVED",
  RESIGNED: "RESIGNED",
  TRANSFERRED_OUT: "TRANSFERRED_OUT",
  DECEASED: "DECEASED",
} as const;
export type MemberStatus = (typeof MemberStatus)[keyof typeof MemberStatus];
/** Statuses that count a person as a member of the party on a date. */
export const ACTIVE_MEMBER_STATUSES: readonly MemberStatus[] = [
  MemberStatus.PROBATIONARY,
  MemberStatus.OFFICIAL,
];

/** Events in a member's life; each changes (or confirms) the member's status from its date. */
export const MemberEventKind = {
  ADMITTED: "ADMITTED",
  TRANSFERRED_IN: "TRANSFERRED_IN",
  /** Moved to another cell within the province (the assignment history has the cells). */
  MOVED_CELL: "MOVED_CELL",
  RECOGNISED_OFFICIAL: "RECOGNISED_OFFICIAL",
  PROBATION_EXTENDED: "PROBATION_EXTENDED",
  REMOVED: "REMOVED",
  RESIGNED: "RESIGNED",
  TRANSFERRED_OUT: "TRANSFERRED_OUT",
  DECEASED: "DECEASED",
} as const;
export type MemberEventKind = (typeof MemberEventKind)[keyof typeof MemberEventKind];

export const Gender = { MALE: "MALE", FEMALE: "FEMALE" } as const;
export type Gender = (typeof Gender)[keyof typeof Gender];

/** Occupation group of a member or candidate: the reports' priority groups are here. */
export const Occupation = {
  WORKER: "WORKER",
  FARMER: "FARMER",
  STUDENT: "STUDENT",
  CIVIL_SERVANT: "CIVIL_SERVANT",
  TEACHER: "TEACHER",
  HEALTH_WORKER: "HEALTH_WORKER",
  ENTERPRISE_EMPLOYEE: "ENTERPRISE_EMPLOYEE",
  ARMED_FORCES: "ARMED_FORCES",
  RETIRED: "RETIRED",
  OTHER: "OTHER",
} as const;
export type Occupation = (typeof Occupation)[keyof typeof Occupation];

export const Role = {
  ADMIN: "ADMIN",
  LEADER: "LEADER",
  STAFF: "STAFF",
  SECRETARY: "SECRETARY",
  ANALYST: "ANALYST",
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const MeetingKind = {
  REGULAR: "REGULAR",
  THEMATIC: "THEMATIC",
  EXTRAORDINARY: "EXTRAORDINARY",
} as const;
export type MeetingKind = (typeof MeetingKind)[keyof typeof MeetingKind];

export const AttendanceStatus = {
  PRESENT: "PRESENT",
  EXCUSED: "EXCUSED",
  ABSENT: "ABSENT",
} as const;
export type AttendanceStatus = (typeof AttendanceStatus)[keyof typeof AttendanceStatus];

export const CandidateStage = {
  REGISTERED: "REGISTERED",
  AWARENESS_CLASS: "AWARENESS_CLASS",
  VERIFICATION: "VERIFICATION",
  VERIFIED: "VERIFIED",
  PROPOSED: "PROPOSED",
  ADMITTED: "ADMITTED",
  REJECTED: "REJECTED",
  WITHDRAWN: "WITHDRAWN",
} as const;
export type CandidateStage = (typeof CandidateStage)[keyof typeof CandidateStage];

export const Classification = {
  EXCELLENT: "EXCELLENT",
  GOOD: "GOOD",
  COMPLETED: "COMPLETED",
  NOT_COMPLETED: "NOT_COMPLETED",
} as const;
export type Classification = (typeof Classification)[keyof typeof Classification];

export const DocumentKind = {
  NQ: "NQ",
  CT: "CT",
  KL: "KL",
  QD: "QD",
  HD: "HD",
  KH: "KH",
  TB: "TB",
} as const;
export type DocumentKind = (typeof DocumentKind)[keyof typeof DocumentKind];

export const TrainingKind = {
  AWARENESS_CLASS: "AWARENESS_CLASS",
  NEW_MEMBER_THEORY: "NEW_MEMBER_THEORY",
  CADRE_TRAINING: "CADRE_TRAINING",
} as const;
export type TrainingKind = (typeof TrainingKind)[keyof typeof TrainingKind];

export const ConferenceKind = {
  DISSEMINATION: "DISSEMINATION",
  THEMATIC_CONFERENCE: "THEMATIC_CONFERENCE",
  TRAINING_COURSE: "TRAINING_COURSE",
} as const;
export type ConferenceKind = (typeof ConferenceKind)[keyof typeof ConferenceKind];

export const ConferenceFormat = {
  IN_PERSON: "IN_PERSON",
  ONLINE: "ONLINE",
  MIXED: "MIXED",
} as const;
export type ConferenceFormat = (typeof ConferenceFormat)[keyof typeof ConferenceFormat];

export const Audience = { CADRES: "CADRES", MEMBERS: "MEMBERS", KEY_CADRES: "KEY_CADRES" } as const;
export type Audience = (typeof Audience)[keyof typeof Audience];

export const AwardKind = {
  GOVERNMENT_FLAG: "GOVERNMENT_FLAG",
  PRIME_MINISTER_FLAG: "PRIME_MINISTER_FLAG",
  PROVINCE_FLAG: "PROVINCE_FLAG",
  STANDING_COMMITTEE_CERTIFICATE: "STANDING_COMMITTEE_CERTIFICATE",
  PEOPLES_COMMITTEE_CERTIFICATE: "PEOPLES_COMMITTEE_CERTIFICATE",
  EXCELLENT_TASKS_TITLE: "EXCELLENT_TASKS_TITLE",
} as const;
export type AwardKind = (typeof AwardKind)[keyof typeof AwardKind];
