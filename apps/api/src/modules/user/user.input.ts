import "reflect-metadata";
import { Role } from "@dangbo/shared";
import {
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgsInput } from "../committee/committee.input.ts";
import { PASSWORD_MAX, PASSWORD_MIN } from "../auth/auth.input.ts";

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;
const USERNAME_MESSAGE =
  "username must be 3–40 characters: lower-case letters, digits, dot, dash or underscore";

@InputType()
export class CreateUserInput {
  @Field(() => String)
  @Matches(USERNAME, { message: USERNAME_MESSAGE })
  username!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 120)
  displayName!: string;

  @Field(() => String, { description: `At least ${PASSWORD_MIN} characters.` })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password!: string;

  @Field(() => Role)
  @IsEnum(Role)
  role!: Role;

  @Field(() => ID, { description: "The unit the role applies to; a secretary's must be a cell." })
  unitId!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  pii?: boolean;
}

@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  displayName?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  unitId?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  pii?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: "A disabled account cannot sign in; its sessions end.",
  })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

@ArgsType()
export class UsersArgs extends PageArgsInput {
  @Field(() => String, {
    nullable: true,
    description: "Part of the username or display name (diacritics ignored).",
  })
  @IsOptional()
  @MaxLength(100)
  search?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;
}

@ArgsType()
export class ResetPasswordArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    description: `At least ${PASSWORD_MIN} characters. The user's sessions end.`,
  })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  newPassword!: string;
}
