import "reflect-metadata";
import { Field, ID, ObjectType } from "type-graphql";
import { Connection } from "../../graphql/pagination.ts";
import { DateScalar } from "../../graphql/scalars.ts";

@ObjectType("GoodModel", {
  description:
    "A good model or breakthrough a unit recorded (e.g. 'smart mass mobilisation', Dân vận khéo): its period and its results. Its sector is its unit's.",
})
export class GoodModelType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => DateScalar, { description: "First day (inclusive)." })
  startsOn!: Date;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day (inclusive); null while it runs on.",
  })
  endsOn!: Date | null;

  @Field(() => String, { nullable: true, description: "What it achieved." })
  results!: string | null;

  unitId!: number;
}

@ObjectType("GoodModelConnection")
export class GoodModelConnection extends Connection(GoodModelType, "GoodModel") {}
