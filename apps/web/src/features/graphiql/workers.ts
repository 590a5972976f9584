// Monaco's web workers (the GraphQL language service, JSON for variables and results, the base
// editor worker), bundled by Vite from these `?worker` imports and served from 'self' — the
// API's CSP allows `worker-src 'self' blob:`; nothing comes from a CDN.
//
// The same as `graphiql/setup-workers/vite`, but in the app's own source: imported from
// node_modules, that file goes through Vite's dependency pre-bundling, which cannot read
// `?worker` imports, and the dev server stops at startup (graphql/graphiql#4038, #4473).
import EditorWorker from "monaco-editor/esm/vs/editor/editor.worker.js?worker";
import JsonWorker from "monaco-editor/esm/vs/language/json/json.worker.js?worker";
import GraphQLWorker from "monaco-graphql/esm/graphql.worker.js?worker";
import type { Environment } from "monaco-editor";

// Monaco reads its environment from this global.
(globalThis as typeof globalThis & { MonacoEnvironment?: Environment }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    switch (label) {
      case "graphql":
        return new GraphQLWorker();
      case "json":
        return new JsonWorker();
      default:
        return new EditorWorker();
    }
  },
};
