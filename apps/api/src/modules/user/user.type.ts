import "reflect-metadata";
import { Role } from "@dangbo/shared";
import { Field, ID, ObjectType } from "type-graphql";
import { Connection } from "../../graphql/pagination.ts";

@ObjectType("User", {
  description: "An account. Its role applies to its unit and everything below it.",
})
export class UserType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  username!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => Boolean, {
    description: "Analysts see members' personal identifiers only with this.",
  })
  pii!: boolean;

  @Field(() => Boolean)
  disabled!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  unitId!: number;
}

@ObjectType("UserConnection")
export class UserConnection extends Connection(UserType, "User") {}
