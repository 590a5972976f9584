import type { Database, PrismaClient } from "@dangbo/db";
import { todayIso, type IsoDate } from "@dangbo/shared";
import { createCommitteeLoaders } from "../modules/committee/committee.loaders.ts";
import { createMemberLoaders } from "../modules/member/member.loaders.ts";
import { createMeetingLoaders } from "../modules/meeting/meeting.loaders.ts";
import { createDocumentLoaders } from "../modules/document/document.loaders.ts";
import { createCandidateLoaders } from "../modules/candidate/candidate.loaders.ts";
import { createTrainingLoaders } from "../modules/training/training.loaders.ts";
import { createEmulationLoaders } from "../modules/emulation/emulation.loaders.ts";
import { createSignInLimits, type SignInLimits } from "../modules/auth/rate-limit.ts";

export interface Viewer {
  userId: number;
  username: string;
  displayName: string;
  role: string;
  unitId: number;
  pii: boolean;
  /** Hash of the session token. */
  sessionId: string;
}

/** The HTTP exchange behind a request, for cookies and the client address. */
export interface HttpExchange {
  ip: string;
  secure: boolean;
  setCookie(value: string): void;
}

/** Long-lived collaborators shared by all requests of one server. */
export interface Services {
  signInLimits: SignInLimits;
}

export function createServices(): Services {
  return { signInLimits: createSignInLimits() };
}

/** Everything a resolver needs for one request; built fresh per request (its loaders too). */
export interface Context {
  /** Where this request reads: the primary, or a read replica for analysts (DATABASE_REPLICA_URL). */
  db: Database;
  prisma: PrismaClient;
  /** The primary database: every write goes here (see `mutate`). */
  primary: PrismaClient;
  requestId: string;
  viewer: Viewer | null;
  /** The default as-of date of this request. */
  today: IsoDate;
  now: Date;
  http: HttpExchange | null;
  services: Services;
  loaders: ReturnType<typeof createLoaders>;
}

export function createLoaders(prisma: PrismaClient) {
  return {
    committee: createCommitteeLoaders(prisma),
    member: createMemberLoaders(prisma),
    meeting: createMeetingLoaders(prisma),
    document: createDocumentLoaders(prisma),
    emulation: createEmulationLoaders(prisma),
    candidate: createCandidateLoaders(prisma),
    training: createTrainingLoaders(prisma),
  };
}

export function createContext(
  db: Database,
  init: {
    requestId: string;
    viewer?: Viewer | null;
    now?: Date;
    http?: HttpExchange | null;
    services?: Services;
    /** The primary, when `db` is a read replica. */
    primary?: Database;
  },
): Context {
  const now = init.now ?? new Date();
  return {
    db,
    prisma: db.prisma,
    primary: (init.primary ?? db).prisma,
    requestId: init.requestId,
    viewer: init.viewer ?? null,
    today: todayIso(now),
    now,
    http: init.http ?? null,
    services: init.services ?? createServices(),
    loaders: createLoaders(db.prisma),
  };
}
