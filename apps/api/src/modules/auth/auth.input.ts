import "reflect-metadata";
import { IsString, Length, MaxLength } from "class-validator";
import { ArgsType, Field } from "type-graphql";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

@ArgsType()
export class SignInArgs {
  @Field(() => String)
  @IsString()
  @Length(1, 60)
  username!: string;

  @Field(() => String)
  @IsString()
  @Length(1, PASSWORD_MAX)
  password!: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field(() => String)
  @IsString()
  @MaxLength(PASSWORD_MAX)
  currentPassword!: string;

  @Field(() => String, { description: `At least ${PASSWORD_MIN} characters.` })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  newPassword!: string;
}
