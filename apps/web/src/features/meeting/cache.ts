import type { ApolloCache } from "@apollo/client";

/**
 * After a meeting is saved, the views that count meetings are stale: My cell (what is due,
 * this year's meetings) and the compliance views. They are dropped from the cache, so the next
 * visit asks the server again.
 */
export function evictMeetingViews(cache: ApolloCache): void {
  for (const fieldName of ["cellOverview", "meetings", "meetingCompliance", "cellCompliance"]) {
    cache.evict({ id: "ROOT_QUERY", fieldName });
  }
  cache.gc();
}
