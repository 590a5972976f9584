import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed operations from the committed API contract: runs offline, and the output depends only
 * on ../api/schema.graphql and the operations in src/, so two runs write the same files.
 */
const config: CodegenConfig = {
  schema: "../api/schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*", "!src/**/*.test.{ts,tsx}"],
  ignoreNoDocuments: true,
  generates: {
    "./src/gql/": {
      preset: "client",
      presetConfig: {
        // Not a hook (it only narrows types), so it is not named like one.
        fragmentMasking: { unmaskFunctionName: "getFragmentData" },
      },
      config: {
        scalars: { Date: "string" },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        nonOptionalTypename: false,
      },
    },
  },
};

export default config;
