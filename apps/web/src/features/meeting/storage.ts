import type { AttendanceStatus, MeetingKind } from "../../gql/graphql.ts";

/**
 * Unsent meeting forms, kept on the device (localStorage) while the user types, so that a
 * closed tab, a dead battery or a lost connection never loses a meeting. A new meeting is
 * stored per cell and idempotency key; changes to an existing meeting per meeting. A record is
 * removed only once the server has returned the saved meeting.
 */

export interface AttendanceRow {
  memberId: string;
  fullName: string;
  status: AttendanceStatus;
  reason: string;
  temporary: boolean;
}

export interface MeetingFormValues {
  kind: MeetingKind;
  /** YYYY-MM-DD in Vietnam. */
  date: string;
  /** HH:MM in Vietnam. */
  time: string;
  theme: string;
  minutes: string;
  decisions: string;
  guests: string;
  qualityRating: number | null;
  attendance: AttendanceRow[];
}

export interface UnsentMeeting {
  version: 1;
  /** Who typed it: another user of the same device is not offered it. */
  username: string;
  cellId: string;
  /** For a new meeting: the key every retry sends. */
  idempotencyKey: string | null;
  /** For changes to an existing meeting. */
  meetingId: string | null;
  /** ISO instant of the last change. */
  savedAt: string;
  values: MeetingFormValues;
  /** What the last attempt sent (JSON), if one was made. */
  lastSent: string | null;
}

const PREFIX = "dangbo.unsentMeeting.";

export function newMeetingStorageKey(cellId: string, idempotencyKey: string): string {
  return `${PREFIX}new.${cellId}.${idempotencyKey}`;
}

export function editMeetingStorageKey(meetingId: string): string {
  return `${PREFIX}edit.${meetingId}`;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function isUnsent(value: unknown): value is UnsentMeeting {
  const v = value as Partial<UnsentMeeting> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    v.version === 1 &&
    typeof v.username === "string" &&
    typeof v.cellId === "string" &&
    typeof v.savedAt === "string" &&
    typeof v.values === "object" &&
    v.values !== null &&
    Array.isArray(v.values.attendance) &&
    (v.lastSent === null || typeof v.lastSent === "string")
  );
}

export function readUnsent(key: string): UnsentMeeting | null {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    return isUnsent(value) ? value : null;
  } catch {
    return null;
  }
}

/** Stores the form; false when the device refused (private mode, storage full). */
export function writeUnsent(key: string, record: UnsentMeeting): boolean {
  try {
    const store = storage();
    if (!store) return false;
    store.setItem(key, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

export function removeUnsent(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do: it will be offered again, and the key makes a second send harmless.
  }
}

/** The unsent new meetings of a cell typed by this user, the latest first. */
export function unsentNewMeetings(
  cellId: string,
  username: string,
): { key: string; record: UnsentMeeting }[] {
  const store = storage();
  if (!store) return [];
  const prefix = `${PREFIX}new.${cellId}.`;
  const found: { key: string; record: UnsentMeeting }[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (!key?.startsWith(prefix)) continue;
      const record = readUnsent(key);
      if (record && record.username === username && record.idempotencyKey) {
        found.push({ key, record });
      }
    }
  } catch {
    return [];
  }
  return found.sort((a, b) => b.record.savedAt.localeCompare(a.record.savedAt));
}

/** A fresh key for one meeting form (a UUID; crypto.randomUUID needs a secure context). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === "function") {
    try {
      return c.randomUUID();
    } catch {
      // Not a secure context: fall through.
    }
  }
  const bytes = new Uint8Array(16);
  if (typeof c?.getRandomValues === "function") c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
