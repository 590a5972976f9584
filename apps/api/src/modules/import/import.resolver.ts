import "reflect-metadata";
import { Role } from "@dangbo/shared";
import { IsIn, Length, MaxLength } from "class-validator";
import {
  Arg,
  Ctx,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  registerEnumType,
  Resolver,
} from "type-graphql";
import { Access } from "../../graphql/access.ts";
import type { Context } from "../../graphql/context.ts";
import { DateScalar } from "../../graphql/scalars.ts";
import { commitImport, IMPORT_MAX_BYTES, previewImport } from "./import.service.ts";

const ImportKindEnum = { MEMBERS: "MEMBERS", CANDIDATES: "CANDIDATES" } as const;
registerEnumType(ImportKindEnum, { name: "ImportKind" });

@InputType({
  description:
    "A CSV (comma or semicolon, UTF-8) or XLSX file, base64-encoded. Header names in Vietnamese or English: Họ và tên, Giới tính (Nam/Nữ), Ngày sinh (dd/mm/yyyy), Dân tộc, Nghề nghiệp, Mã chi bộ, Ngày vào Đảng (members), Ngày chính thức, Ngày đăng ký (candidates), Điện thoại, Số CCCD, Địa chỉ.",
})
class ImportInput {
  @Field(() => ID, {
    description: "The unit imported into; every row's cell must be in its subtree.",
  })
  unitId!: string;

  @Field(() => ImportKindEnum)
  @IsIn(Object.values(ImportKindEnum))
  kind!: "MEMBERS" | "CANDIDATES";

  @Field(() => String)
  @Length(5, 200)
  filename!: string;

  @Field(() => String, {
    description: `At most ${IMPORT_MAX_BYTES / 1024 / 1024} MB once decoded.`,
  })
  @MaxLength(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4)
  contentBase64!: string;
}

@ObjectType({ simpleResolvers: true })
class ImportIssueType {
  @Field(() => Int, { description: "Line of the file (the header is line 1)." })
  line!: number;

  @Field(() => String)
  field!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType({ simpleResolvers: true })
class ImportSampleRow {
  @Field(() => Int)
  line!: number;

  @Field(() => String)
  fullName!: string;

  @Field(() => DateScalar)
  birthDate!: string;

  @Field(() => String)
  cellCode!: string;
}

@ObjectType({ simpleResolvers: true })
class ImportPreview {
  @Field(() => Int)
  totalRows!: number;

  @Field(() => Int)
  validRows!: number;

  @Field(() => Int)
  invalidRows!: number;

  @Field(() => [ImportIssueType], { description: "Per-row problems (at most 1000)." })
  issues!: ImportIssueType[];

  @Field(() => [ImportSampleRow], { description: "The first valid rows." })
  sample!: ImportSampleRow[];
}

@ObjectType({ simpleResolvers: true })
class ImportResult {
  @Field(() => Int)
  imported!: number;

  @Field(() => Int)
  skipped!: number;

  @Field(() => [ImportIssueType])
  issues!: ImportIssueType[];
}

@Resolver()
export class ImportResolver {
  @Access([Role.ADMIN, Role.STAFF])
  @Mutation(() => ImportPreview, {
    description:
      "Checks a file of members or candidates row by row and writes nothing (a mutation because it takes a file).",
  })
  previewImport(@Arg("input", () => ImportInput) input: ImportInput, @Ctx() ctx: Context) {
    return previewImport(ctx, input);
  }

  @Access([Role.ADMIN, Role.STAFF])
  @Mutation(() => ImportResult, {
    description:
      "Imports the file's valid rows in one transaction; invalid rows are skipped and reported. Every created record is audited.",
  })
  commitImport(@Arg("input", () => ImportInput) input: ImportInput, @Ctx() ctx: Context) {
    return commitImport(ctx, input);
  }
}
