import {
  dateFromIso,
  foldVietnamese,
  probationEnd,
  type Gender,
  type IsoDate,
  type MemberStatus,
  type Occupation,
  type OrgUnitKind,
  type Sector,
  type Role,
} from "@dangbo/shared";
import type { Database } from "./client.ts";
import { applyAdmissionToRollup, rebuildMemberCounts, rebuildTreeDerived } from "./rollups.ts";
import type { Member, OrgUnit, User } from "./generated/prisma/client.ts";
import { hashPassword } from "./password.ts";

export interface UnitInput {
  name?: string;
  kind: OrgUnitKind;
  sector?: Sector;
  parent?: OrgUnit | null;
  validFrom?: IsoDate;
  validTo?: IsoDate | null;
  code?: string;
}

export interface MemberInput {
  unit: OrgUnit;
  fullName?: string;
  gender?: Gender;
  birthDate?: IsoDate;
  ethnicity?: string;
  occupation?: Occupation;
  admittedOn?: IsoDate;
  /** Recognised as official on this date; omitted: still probationary. */
  officialOn?: IsoDate | null;
  phone?: string | null;
  nationalId?: string | null;
  address?: string | null;
  status?: MemberStatus;
  exitedOn?: IsoDate | null;
}

/**
 * Factories for tests: small trees and members with sensible defaults and unique values,
 * written through Prisma and keeping the closure table up to date.
 */
export function fixtures(db: Database, options: { today?: IsoDate } = {}) {
  let sequence = 0;
  const next = () => ++sequence + Math.floor(Math.random() * 1e6) * 1000;

  return {
    async unit(input: UnitInput): Promise<OrgUnit> {
      const n = next();
      const name = input.name ?? `Chi bộ thử nghiệm ${n}`;
      const validFrom = input.validFrom ?? "2015-01-01";
      const unit = await db.prisma.orgUnit.create({
        data: {
          code: input.code ?? `T${n}`,
          name,
          nameSearch: foldVietnamese(name),
          kind: input.kind,
          sector: input.sector ?? "STATE_AGENCY",
          parentId: input.parent?.id ?? null,
          validFrom: dateFromIso(validFrom),
          validTo: input.validTo ? dateFromIso(input.validTo) : null,
          periods: {
            create: {
              parentId: input.parent?.id ?? null,
              validFrom: dateFromIso(validFrom),
              validTo: input.validTo ? dateFromIso(input.validTo) : null,
            },
          },
        },
      });
      await rebuildTreeDerived(db, options.today);
      return unit;
    },

    /** Moves a unit under a new parent from `on` (the old period ends that day). */
    async moveUnit(unit: OrgUnit, newParent: OrgUnit, on: IsoDate): Promise<void> {
      await db.prisma.$transaction([
        db.prisma.orgUnitPeriod.updateMany({
          where: { unitId: unit.id, validTo: null },
          data: { validTo: dateFromIso(on) },
        }),
        db.prisma.orgUnitPeriod.create({
          data: { unitId: unit.id, parentId: newParent.id, validFrom: dateFromIso(on) },
        }),
        db.prisma.orgUnit.update({ where: { id: unit.id }, data: { parentId: newParent.id } }),
      ]);
      await rebuildTreeDerived(db, options.today);
    },

    /** Ends a unit's existence on `on`. */
    async dissolveUnit(unit: OrgUnit, on: IsoDate, successor?: OrgUnit): Promise<void> {
      await db.prisma.$transaction([
        db.prisma.orgUnitPeriod.updateMany({
          where: { unitId: unit.id, validTo: null },
          data: { validTo: dateFromIso(on) },
        }),
        db.prisma.orgUnit.update({
          where: { id: unit.id },
          data: { validTo: dateFromIso(on), successorId: successor?.id ?? null },
        }),
      ]);
      await rebuildTreeDerived(db, options.today);
    },

    async member(input: MemberInput): Promise<Member> {
      const n = next();
      const fullName = input.fullName ?? `Nguyễn Văn Thử ${n}`;
      const admittedOn = input.admittedOn ?? "2010-05-19";
      const officialOn =
        input.officialOn === undefined ? probationEnd(admittedOn) : input.officialOn;
      const exitedOn = input.exitedOn ?? null;
      const status: MemberStatus = input.status ?? (officialOn ? "OFFICIAL" : "PROBATIONARY");
      const member = await db.prisma.member.create({
        data: {
          code: `TEST.${n}`,
          fullName,
          nameSearch: foldVietnamese(fullName),
          gender: input.gender ?? "MALE",
          birthDate: dateFromIso(input.birthDate ?? "1980-03-15"),
          ethnicity: input.ethnicity ?? "Kinh",
          occupation: input.occupation ?? "CIVIL_SERVANT",
          phone: input.phone === undefined ? "0912345678" : input.phone,
          nationalId: input.nationalId === undefined ? "058080001234" : input.nationalId,
          address:
            input.address === undefined ? "Phường Đô Vinh, Phan Rang - Tháp Chàm" : input.address,
          status,
          unitId: input.unit.id,
          admittedOn: dateFromIso(admittedOn),
          probationEndsOn: dateFromIso(probationEnd(admittedOn)),
          officialOn: officialOn ? dateFromIso(officialOn) : null,
          exitedOn: exitedOn ? dateFromIso(exitedOn) : null,
          assignments: {
            create: {
              unitId: input.unit.id,
              validFrom: dateFromIso(admittedOn),
              validTo: exitedOn ? dateFromIso(exitedOn) : null,
            },
          },
          events: {
            create: [
              {
                kind: "ADMITTED",
                effectiveOn: dateFromIso(admittedOn),
                statusAfter: "PROBATIONARY",
                unitId: input.unit.id,
              },
              ...(officialOn
                ? [
                    {
                      kind: "RECOGNISED_OFFICIAL" as const,
                      effectiveOn: dateFromIso(officialOn),
                      statusAfter: "OFFICIAL" as const,
                      unitId: input.unit.id,
                    },
                  ]
                : []),
            ],
          },
        },
      });
      await applyAdmissionToRollup(db, input.unit.id, admittedOn, 1);
      await rebuildMemberCounts(db, options.today);
      return member;
    },

    /** An account (password "secret-password" unless given). */
    async user(input: {
      unit: OrgUnit;
      role: Role;
      username?: string;
      password?: string;
      pii?: boolean;
      disabled?: boolean;
    }): Promise<User> {
      const n = next();
      return db.prisma.user.create({
        data: {
          username: input.username ?? `user${n}`,
          displayName: `Người dùng ${n}`,
          passwordHash: await hashPassword(input.password ?? "secret-password"),
          role: input.role,
          unitId: input.unit.id,
          pii: input.pii ?? false,
          disabled: input.disabled ?? false,
        },
      });
    },

    /** Moves a member to another cell from `on`, keeping the history. */
    async transferMember(member: Member, to: OrgUnit, on: IsoDate): Promise<void> {
      await db.prisma.$transaction([
        db.prisma.memberAssignment.updateMany({
          where: { memberId: member.id, validTo: null, temporary: false },
          data: { validTo: dateFromIso(on) },
        }),
        db.prisma.memberAssignment.create({
          data: { memberId: member.id, unitId: to.id, validFrom: dateFromIso(on) },
        }),
        db.prisma.member.update({ where: { id: member.id }, data: { unitId: to.id } }),
      ]);
      await rebuildMemberCounts(db, options.today);
    },
  };
}
export type Fixtures = ReturnType<typeof fixtures>;
