import { getNamedType, GraphQLObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { getSchema } from "./schema.ts";

/** The operations anyone may call without signing in. Adding one here is a deliberate decision. */
const PUBLIC = ["Mutation.signIn", "Mutation.signOut", "Query.viewer"];

describe("every operation declares who may call it", () => {
  it("has roles or an explicit public marker on each Query and Mutation field", async () => {
    const schema = await getSchema();
    const missing: string[] = [];
    const publicOps: string[] = [];
    for (const type of [schema.getQueryType(), schema.getMutationType()]) {
      if (!type) continue;
      for (const field of Object.values(type.getFields())) {
        const access = field.extensions?.access as unknown;
        const name = `${type.name}.${field.name}`;
        if (access === "public") publicOps.push(name);
        else if (!Array.isArray(access) || access.length === 0) missing.push(name);
      }
    }
    expect(missing, "operations without @Access").toEqual([]);
    expect(publicOps.sort()).toEqual([...PUBLIC].sort());
  });

  it("reaches every object type through fields whose resolvers are scoped (sanity: no type is orphaned)", async () => {
    const schema = await getSchema();
    const query = schema.getQueryType()!;
    const reachable = new Set<string>();
    const visit = (type: GraphQLObjectType) => {
      if (reachable.has(type.name)) return;
      reachable.add(type.name);
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (named instanceof GraphQLObjectType) visit(named);
      }
    };
    visit(query);
    if (schema.getMutationType()) visit(schema.getMutationType()!);
    const objects = Object.values(schema.getTypeMap()).filter(
      (t) => t instanceof GraphQLObjectType && !t.name.startsWith("__"),
    );
    expect(objects.map((t) => t.name).filter((n) => !reachable.has(n))).toEqual([]);
  });
});
