import "reflect-metadata";
import { GraphQLJSON } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { Connection } from "../../graphql/pagination.ts";

@ObjectType("AuditEntry", {
  description: "One change: who, when, which operation on which record, values before and after.",
})
export class AuditEntryType {
  @Field(() => ID)
  id!: number;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { nullable: true })
  username!: string | null;

  @Field(() => String, { description: "The GraphQL mutation, e.g. updateUser." })
  operation!: string;

  @Field(() => String, { description: "The kind of record changed, e.g. User." })
  entity!: string;

  @Field(() => String, { nullable: true })
  entityId!: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  after!: unknown;

  unitId!: number | null;
}

@ObjectType("AuditEntryConnection")
export class AuditEntryConnection extends Connection(AuditEntryType, "AuditEntry") {}
