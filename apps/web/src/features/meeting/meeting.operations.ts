import { graphql } from "../../gql/index.ts";

/** One meeting with its attendance: the meeting page and the edit form read it. */
export const MeetingQuery = graphql(`
  query Meeting($id: ID!) {
    meeting(id: $id) {
      id
      kind
      heldAt
      heldOn
      theme
      minutes
      decisions
      guests
      qualityRating
      draft
      editable
      unlockedUntil
      createdAt
      updatedAt
      presentCount
      excusedCount
      absentCount
      studyTheme {
        id
        title
        year
      }
      cell {
        id
        asOf
        name
      }
      attendance {
        status
        reason
        member {
          id
          fullName
        }
      }
    }
  }
`);

/** Logs a meeting; the same idempotencyKey again returns the meeting created the first time. */
export const LogMeetingMutation = graphql(`
  mutation LogMeeting($input: LogMeetingInput!) {
    logMeeting(input: $input) {
      id
      kind
      heldAt
      heldOn
      theme
      draft
      editable
      presentCount
      excusedCount
      absentCount
    }
  }
`);

export const UpdateMeetingMutation = graphql(`
  mutation UpdateMeeting($id: ID!, $input: UpdateMeetingInput!) {
    updateMeeting(id: $id, input: $input) {
      id
      kind
      heldAt
      heldOn
      theme
      minutes
      decisions
      guests
      qualityRating
      draft
      editable
      unlockedUntil
      updatedAt
      presentCount
      excusedCount
      absentCount
      studyTheme {
        id
        title
        year
      }
      attendance {
        status
        reason
        member {
          id
          fullName
        }
      }
    }
  }
`);

/** Opens a locked meeting for editing (staff and admins). */
export const UnlockMeetingMutation = graphql(`
  mutation UnlockMeeting($id: ID!, $days: Int) {
    unlockMeeting(id: $id, days: $days) {
      id
      editable
      unlockedUntil
      updatedAt
    }
  }
`);
