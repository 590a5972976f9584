import { getMetadataStorage as validatorMetadata, Length } from "class-validator";
import { ArgumentValidationError, getMetadataStorage } from "type-graphql";
import { describe, expect, it } from "vitest";
import { getSchema } from "./schema.ts";
import { validateArgs } from "./validate-args.ts";

/**
 * With `forbidUnknownValues`, class-validator rejects an input object whose class declares no
 * validation rule at all ("an unknown value was passed to the validate function") — a runtime
 * error on a perfectly good request. Every input and argument class must declare at least one
 * rule (its own or inherited).
 */
const rulesOf = (target: new () => object) =>
  validatorMetadata().getTargetValidationMetadatas(target, "", true, false).length;

class WithoutRules {
  x!: string;
}
class WithRule {
  @Length(1, 2)
  x!: string;
}
class Inheriting extends WithRule {}

describe("input validation", () => {
  it("detects classes without rules (control)", () => {
    expect([rulesOf(WithoutRules), rulesOf(WithRule), rulesOf(Inheriting)]).toEqual([0, 1, 1]);
  });

  it("gives every @InputType and @ArgsType class at least one class-validator rule", async () => {
    await getSchema();
    const storage = getMetadataStorage();
    const classes = [...storage.inputTypes, ...storage.argumentTypes].map(
      (c) => c.target as new () => object,
    );
    const missing = [...new Set(classes)]
      .filter((target) => rulesOf(target) === 0)
      .map((target) => target.name);
    expect(missing).toEqual([]);
    expect(classes.length).toBeGreaterThan(20);
  });
});

describe("validateArgs (class-validator imported once)", () => {
  const run = (value: unknown) =>
    validateArgs(value, undefined as never, undefined as never) as Promise<void>;
  const valid = Object.assign(new WithRule(), { x: "ab" });
  const invalid = Object.assign(new WithRule(), { x: "abc" });

  it("accepts valid objects, scalars and null", async () => {
    await expect(run(valid)).resolves.toBeUndefined();
    await expect(run("text")).resolves.toBeUndefined();
    await expect(run(null)).resolves.toBeUndefined();
  });

  it("rejects a breach with type-graphql's ArgumentValidationError, naming the field", async () => {
    const error = await run(invalid).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArgumentValidationError);
    expect((error as ArgumentValidationError).extensions.validationErrors).toEqual([
      expect.objectContaining({ property: "x" }),
    ]);
  });

  it("validates each object of a list, and forbids objects of unknown classes", async () => {
    await expect(run([valid, invalid])).rejects.toBeInstanceOf(ArgumentValidationError);
    await expect(run({ x: "a" })).rejects.toBeInstanceOf(ArgumentValidationError);
  });
});
