import "reflect-metadata";
import { Role } from "@dangbo/shared";
import { Authorized, Extensions, type AuthChecker } from "type-graphql";
import type { Context } from "./context.ts";
import { ErrorCode, UserFacingError } from "./errors.ts";

/** Every role: what a signed-in user of any kind may call (rows are still scoped to their subtree). */
export const ANY_ROLE: readonly Role[] = [
  Role.ADMIN,
  Role.LEADER,
  Role.STAFF,
  Role.SECRETARY,
  Role.ANALYST,
];
/** Roles that read everything in their subtree (dashboards, lists, analysts' API). */
export const READERS: readonly Role[] = [Role.ADMIN, Role.LEADER, Role.STAFF, Role.ANALYST];

export type AccessRule = readonly Role[] | "public";

function methodDecorators(...decorators: MethodDecorator[]): MethodDecorator {
  return (target, key, descriptor) => {
    for (const decorator of decorators) decorator(target, key, descriptor);
  };
}

/**
 * Declares who may call a Query or Mutation: a list of roles, or `"public"` (sign-in, health).
 * The rule is enforced by the auth checker and recorded in the schema's field extensions, where
 * a test checks that no operation goes without one.
 */
export function Access(rule: AccessRule): MethodDecorator {
  if (rule === "public") return Extensions({ access: "public" });
  if (rule.length === 0) throw new Error('Access needs at least one role, or "public"');
  return methodDecorators(Extensions({ access: [...rule] }), Authorized([...rule]));
}

export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  if (!context.viewer) throw new UserFacingError(ErrorCode.UNAUTHENTICATED, "Sign in to continue");
  return roles.length === 0 || roles.includes(context.viewer.role as Role);
};
