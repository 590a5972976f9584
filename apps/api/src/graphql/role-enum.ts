import "reflect-metadata";
import { Role } from "@dangbo/shared";
import { registerEnumType } from "type-graphql";

registerEnumType(Role, {
  name: "Role",
  description: "What a user may do; every role applies to the user's unit and everything below it.",
  valuesConfig: {
    ADMIN: { description: "Everything, including user management." },
    LEADER: {
      description: "Reads everything including dashboards; sets targets of subordinate units.",
    },
    STAFF: {
      description:
        "Organisation board: reads and writes members, candidates, targets, documents, conferences, campaigns.",
    },
    SECRETARY: {
      description:
        "One cell: its members, meetings and attendance; reads documents and study themes.",
    },
    ANALYST: {
      description:
        "Reads everything through GraphQL; personal identifiers masked unless granted pii.",
    },
  },
});
