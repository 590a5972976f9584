import "reflect-metadata";
import { Role } from "@dangbo/shared";
import { Field, ID, ObjectType } from "type-graphql";

@ObjectType("Viewer", { description: "The signed-in user." })
export class ViewerType {
  @Field(() => ID, { description: "The account's id (as in `users`)." })
  userId!: number;

  @Field(() => String)
  username!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => Boolean, {
    description: "Whether personal identifiers of members are visible to this user.",
  })
  pii!: boolean;

  unitId!: number;
}
