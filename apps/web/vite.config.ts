import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { graphiqlDataFonts } from "./src/features/graphiql/build/dataFonts.ts";

const api = "http://localhost:4000";

export default defineConfig({
  // graphiqlDataFonts: GraphiQL's embedded fonts as files, allowed by the CSP (see the plugin).
  plugins: [react(), graphiqlDataFonts()],
  server: {
    port: 5173,
    proxy: {
      "/graphql": { target: api, changeOrigin: false },
      "/health": { target: api, changeOrigin: false },
      "/export": { target: api, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      "/graphql": { target: api, changeOrigin: false },
      "/health": { target: api, changeOrigin: false },
      "/export": { target: api, changeOrigin: false },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // The API serves dist/assets/ as immutable: keep libraries in their own chunks, so that a
    // change to the app's code does not make returning users download React or Apollo again.
    assetsDir: "assets",
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "operations", test: /[\\/]src[\\/]gql[\\/]/ },
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
            {
              name: "apollo",
              test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib|@graphql-typed-document-node)[\\/]/,
              // Only what the first load needs: the rest of graphql (validation, schema
              // building) is GraphiQL's and loads with it.
              tags: ["$initial"],
            },
            {
              name: "i18n",
              test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements|use-sync-external-store)[\\/]/,
            },
            {
              // Charts only, loaded with the first chart drawn. Last: a group also takes the
              // dependencies of what it matches, and react-redux's use-sync-external-store is i18n's.
              // No clsx here: recharts brings its own (v2) along; GraphiQL's (v1) stays with GraphiQL.
              name: "recharts",
              test: /node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor|internmap|@reduxjs|redux|react-redux|reselect|immer|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant|react-is)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
