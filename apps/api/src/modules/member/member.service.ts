import type { Member, Prisma } from "@dangbo/db";
import {
  ACTIVE_MEMBER_STATUSES,
  dateFromIso,
  foldVietnamese,
  MemberStatus,
  type IsoDate,
} from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { notFound } from "../../graphql/errors.ts";
import { paginate, pageRequest, type PageArgs } from "../../graphql/pagination.ts";
import { validOn } from "../../lib/period.ts";
import { and } from "../committee/committee.access.ts";
import { assertUnitVisible } from "../committee/committee.service.ts";
import { maskMember, memberScope } from "./member.access.ts";
import { anyOf, dateRange, ordering } from "../../graphql/filters.ts";
import type { MemberFilter, MemberOrder } from "./member.input.ts";

const MEMBER_ORDER = [{ nameSearch: "asc" as const }, { id: "asc" as const }];

export async function getMember(ctx: Context, id: number): Promise<Member> {
  const member = await ctx.prisma.member.findFirst({
    where: and<Prisma.MemberWhereInput>({ id }, memberScope(ctx)),
  });
  if (!member) throw notFound("Member", id);
  return maskMember(ctx, member);
}

export interface ListMembersArgs extends PageArgs {
  orgUnitId: number | null;
  includeSubtree: boolean;
  search?: string | null;
  status?: MemberStatus | null;
  asOf: IsoDate;
  filter?: MemberFilter | null;
  orderBy?: MemberOrder | null;
}

function filterWhere(filter: MemberFilter | null | undefined): Prisma.MemberWhereInput | null {
  if (!filter) return null;
  return and<Prisma.MemberWhereInput>(
    filter.status?.length && { status: anyOf(filter.status) },
    filter.gender?.length && { gender: anyOf(filter.gender) },
    filter.occupation?.length && { occupation: anyOf(filter.occupation) },
    filter.ethnicity?.length && { ethnicity: anyOf(filter.ethnicity) },
    filter.sector?.length && { unit: { sector: anyOf(filter.sector) } },
    dateRange(filter.birthDate, "filter.birthDate") && {
      birthDate: dateRange(filter.birthDate, "filter.birthDate"),
    },
    dateRange(filter.admittedOn, "filter.admittedOn") && {
      admittedOn: dateRange(filter.admittedOn, "filter.admittedOn"),
    },
    dateRange(filter.officialOn, "filter.officialOn") && {
      officialOn: dateRange(filter.officialOn, "filter.officialOn"),
    },
    dateRange(filter.probationEndsOn, "filter.probationEndsOn") && {
      probationEndsOn: dateRange(filter.probationEndsOn, "filter.probationEndsOn"),
    },
  );
}

/**
 * Members of a unit (or its subtree) on a date: an active primary assignment in it on that
 * date. An exit status instead lists members who left with that status and whose last cell is
 * in the subtree.
 */
export function membersWhere(ctx: Context, args: ListMembersArgs): Prisma.MemberWhereInput {
  const date = dateFromIso(args.asOf);
  const unitFilter: Prisma.OrgUnitWhereInput | null =
    args.orgUnitId === null
      ? null
      : args.includeSubtree
        ? { ancestorLinks: { some: { ancestorId: args.orgUnitId, ...validOn(args.asOf) } } }
        : { id: args.orgUnitId };
  const folded = args.search ? foldVietnamese(args.search) : "";
  const exited = args.status && !ACTIVE_MEMBER_STATUSES.includes(args.status);
  return and<Prisma.MemberWhereInput>(
    memberScope(ctx),
    exited
      ? and<Prisma.MemberWhereInput>({ status: args.status! }, unitFilter && { unit: unitFilter })
      : {
          assignments: {
            some: and<Prisma.MemberAssignmentWhereInput>(
              { temporary: false },
              validOn(args.asOf),
              unitFilter && { unit: unitFilter },
            ),
          },
        },
    args.status === MemberStatus.OFFICIAL && { officialOn: { lte: date } },
    args.status === MemberStatus.PROBATIONARY && {
      OR: [{ officialOn: null }, { officialOn: { gt: date } }],
    },
    folded && { nameSearch: { contains: folded } },
    filterWhere(args.filter),
  );
}

export async function listMembers(ctx: Context, args: ListMembersArgs) {
  const page = pageRequest(args);
  if (args.orgUnitId !== null) await assertUnitVisible(ctx, args.orgUnitId);
  const where = membersWhere(ctx, args);
  const result = await paginate(
    page,
    (p) =>
      ctx.prisma.member.findMany({
        where,
        orderBy: args.orderBy ? ordering(args.orderBy.field, args.orderBy.direction) : MEMBER_ORDER,
        ...p,
      }),
    () => ctx.prisma.member.count({ where }),
  );
  return { ...result, edges: result.edges.map((e) => ({ ...e, node: maskMember(ctx, e.node) })) };
}
