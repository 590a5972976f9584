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
import { ChangeCache } from "../lib/change-cache.ts";

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
  /**
   * The dashboard's figures, per panel, unit, period, viewer's scope and day. Off (every call
   * computes) until the server listens for changes (`listenForChanges`).
   */
  figures: ChangeCache<unknown>;
  /** Signed-in sessions by token hash, for at most a minute; off until the server listens. */
  sessions: ChangeCache<Viewer | null>;
}

/** Tables no dashboard figure reads: their everyday writes leave the figures cached. */
const NOT_READ_BY_FIGURES = new Set(["session", "app_user", "meeting", "meeting_attendance"]);

/** How long a cached session is used before the database is asked again (and the session touched). */
export const SESSION_CACHE_MS = 60_000;

export function createServices(): Services {
  return {
    signInLimits: createSignInLimits(),
    figures: new ChangeCache("figures", {
      dependsOn: (table) => !NOT_READ_BY_FIGURES.has(table),
      maxEntries: 5_000,
      maxAgeMs: 15 * 60_000,
    }),
    sessions: new ChangeCache<Viewer | null>("sessions", {
      // A sign-out deletes the session; disabling an account or changing its role or unit
      // updates app_user. Either empties the cache on every instance.
      dependsOn: (table) => table === "session" || table === "app_user",
      maxEntries: 20_000,
      // The lookup also extends the session's idle timeout (every 5 minutes): asking at least
      // once a minute keeps that, and bounds how long a missed notification could matter.
      maxAgeMs: SESSION_CACHE_MS,
      keep: (viewer) => viewer !== null,
    }),
  };
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
