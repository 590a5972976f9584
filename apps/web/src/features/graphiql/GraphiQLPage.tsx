import "./workers.ts";
import "graphiql/style.css";
import "./graphiql.css";
import { ToolbarButton, useGraphiQLActions, type GraphiQLPlugin } from "@graphiql/react";
import { GraphiQL, HISTORY_PLUGIN } from "graphiql";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { CostStatus } from "./CostStatus.tsx";
import { ExamplesPanel } from "./ExamplesPanel.tsx";
import { ExportPanel } from "./ExportPanel.tsx";
import { createDangboFetcher } from "./fetcher.ts";
import { DownloadIcon, ExamplesIcon } from "./icons.tsx";
import { isWideScreen } from "./layout.ts";
import { createRunStore, RunStoreContext, useLastRun } from "./run.ts";
import { userStorage } from "./storage.ts";

function LastRunCost() {
  return <CostStatus run={useLastRun()} />;
}

function ExportToolbarButton({ plugin }: { plugin: GraphiQLPlugin }) {
  const { t } = useTranslation();
  const { setVisiblePlugin } = useGraphiQLActions();
  return (
    <ToolbarButton label={t("graphiql.export.title")} onClick={() => setVisiblePlugin(plugin)}>
      <DownloadIcon className="graphiql-toolbar-icon" aria-hidden="true" />
    </ToolbarButton>
  );
}

/**
 * /graphiql: GraphiQL 5, bundled with the app and loaded with this page only. Requests go to
 * /graphql with the session cookie; the schema's documentation comes from introspection (for
 * signed-in users); history, tabs and the open panel are kept per user in localStorage. Two
 * panels of our own: ready example queries, and the export of a result to CSV / XLSX.
 */
export function GraphiQLPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("graphiql.title"));
  const viewer = useViewer();
  const username = viewer?.username ?? "";

  const store = useMemo(() => createRunStore(), []);
  const fetcher = useMemo(() => createDangboFetcher(store), [store]);
  const storage = useMemo(() => userStorage(username), [username]);
  const plugins = useMemo(() => {
    const examples: GraphiQLPlugin = {
      title: t("graphiql.examples.tab"),
      icon: ExamplesIcon,
      content: ExamplesPanel,
    };
    const exporter: GraphiQLPlugin = {
      title: t("graphiql.export.tab"),
      icon: DownloadIcon,
      content: ExportPanel,
    };
    return { examples, exporter, all: [examples, exporter, HISTORY_PLUGIN] };
  }, [t]);
  // The examples are open at first on a wide screen; a phone starts with the editors alone.
  const [wide] = useState(isWideScreen);

  return (
    <RunStoreContext.Provider value={store}>
      <section className="graphiql-page" aria-labelledby="graphiql-page-title">
        <div className="graphiql-page-head">
          <div>
            <h1 id="graphiql-page-title">{t("graphiql.title")}</h1>
            <p className="graphiql-page-lead">{t("graphiql.lead")}</p>
          </div>
          <LastRunCost />
        </div>
        <p className="graphiql-page-small-screen">{t("graphiql.smallScreen")}</p>
        <div className="graphiql-page-frame">
          <GraphiQL
            key={username}
            fetcher={fetcher}
            storage={storage}
            plugins={plugins.all}
            {...(wide ? { visiblePlugin: plugins.examples } : {})}
            defaultQuery={t("graphiql.defaultQuery")}
            defaultEditorToolsVisibility="variables"
            isHeadersEditorEnabled
          >
            <GraphiQL.Logo>
              <span className="graphiql-page-logo">GraphiQL</span>
            </GraphiQL.Logo>
            <GraphiQL.Toolbar>
              {({ prettify, merge, copy }) => (
                <>
                  {prettify}
                  {merge}
                  {copy}
                  <ExportToolbarButton plugin={plugins.exporter} />
                </>
              )}
            </GraphiQL.Toolbar>
          </GraphiQL>
        </div>
      </section>
    </RunStoreContext.Provider>
  );
}
