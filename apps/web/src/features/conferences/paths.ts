export function conferencePath(id: string): string {
  return `/conferences/${encodeURIComponent(id)}`;
}

export const CONFERENCE_KINDS = [
  "DISSEMINATION",
  "THEMATIC_CONFERENCE",
  "TRAINING_COURSE",
] as const;
export const CONFERENCE_FORMATS = ["IN_PERSON", "ONLINE", "MIXED"] as const;
export const AUDIENCES = ["CADRES", "MEMBERS", "KEY_CADRES"] as const;

export type ConferenceKindValue = (typeof CONFERENCE_KINDS)[number];

export function isConferenceKind(value: string | null): value is ConferenceKindValue {
  return !!value && (CONFERENCE_KINDS as readonly string[]).includes(value);
}

/** The years offered by the filters and the panel: this one and the nine before. */
export function recentYears(today: string, count = 10): number[] {
  const year = Number(today.slice(0, 4));
  return Array.from({ length: count }, (_, i) => year - i);
}
