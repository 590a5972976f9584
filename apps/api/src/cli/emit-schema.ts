import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { printSdl } from "../graphql/schema.ts";

const target = resolve(import.meta.dirname, "..", "..", "schema.graphql");
writeFileSync(target, await printSdl());
console.log(`wrote ${target}`);
