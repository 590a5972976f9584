import type { Prisma } from "@dangbo/db";
import type { Context } from "../../graphql/context.ts";
import { unitScope } from "../committee/committee.access.ts";
import { memberScope } from "../member/member.access.ts";

/** The units that are or were in a unit's subtree (the unit itself included). */
export function everInSubtree(unitId: number): Prisma.OrgUnitWhereInput {
  return { ancestorLinks: { some: { ancestorId: unitId } } };
}

/**
 * The campaigns that concern a unit: organised by a unit in its subtree, or open to a unit of its
 * line — the unit itself, a unit below it, or a superior (a campaign open to the province is open
 * to every district). Trees as they are or were at any time, like `unitScope`.
 */
export function campaignsOf(unitId: number): Prisma.EmulationCampaignWhereInput {
  return {
    OR: [
      { organiser: everInSubtree(unitId) },
      {
        eligibility: {
          some: {
            unit: {
              OR: [everInSubtree(unitId), { descendantLinks: { some: { descendantId: unitId } } }],
            },
          },
        },
      },
    ],
  };
}

/** Campaigns the caller may see: those that concern the caller's unit. */
export function campaignScope(ctx: Context): Prisma.EmulationCampaignWhereInput {
  if (!ctx.viewer) return { id: { in: [] } };
  return campaignsOf(ctx.viewer.unitId);
}

/** Registrations the caller may see: those of units in the caller's subtree. */
export function registrationScope(ctx: Context): Prisma.CampaignRegistrationWhereInput {
  return { unit: unitScope(ctx) };
}

/** Awards the caller may see: to a unit in the caller's subtree, or to a member they may see. */
export function awardScope(ctx: Context): Prisma.AwardWhereInput {
  return { OR: [{ unit: unitScope(ctx) }, { member: memberScope(ctx) }] };
}

export function standardScope(ctx: Context): Prisma.EthicalStandardWhereInput {
  return { unit: unitScope(ctx) };
}

export function goodModelScope(ctx: Context): Prisma.GoodModelWhereInput {
  return { unit: unitScope(ctx) };
}
