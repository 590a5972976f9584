import { todayIso } from "@dangbo/shared";
import { useGraphiQL, useGraphiQLActions } from "@graphiql/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage, type Language } from "../../i18n/index.ts";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { EXAMPLES, exampleContents, type Example, type ExampleContext } from "./examples.ts";
import { isWideScreen } from "./layout.ts";

/**
 * The id of a document by its number (`21-NQ/TW`), through the `documents` search; null when
 * it is not there or cannot be read.
 */
export async function findDocumentId(
  number: string,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): Promise<string | null> {
  try {
    const response = await fetchImpl("/graphql", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query:
          "query FindDocument($search: String!) { documents(search: $search, first: 5) { edges { node { id number } } } }",
        variables: { search: number },
      }),
    });
    const body = (await response.json()) as {
      data?: { documents?: { edges?: { node?: { id?: unknown; number?: unknown } }[] } };
    };
    const nodes = (body.data?.documents?.edges ?? []).map((e) => e.node);
    const match = nodes.find((n) => n?.number === number) ?? nodes[0];
    return typeof match?.id === "string" ? match.id : null;
  } catch {
    return null;
  }
}

export interface ExampleListProps {
  examples: readonly Example[];
  language: Language;
  onLoad: (example: Example) => void | Promise<void>;
  /** The example being prepared (its button is busy). */
  loading?: string | null;
  /** False until the editors exist (Monaco loads after the panel): the buttons wait. */
  ready?: boolean;
}

/** The ready queries, each with its title, what it answers, and a button to load it. */
export function ExampleList({
  examples,
  language,
  onLoad,
  loading = null,
  ready = true,
}: ExampleListProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <ul className="dangbo-graphiql-examples">
      {examples.map((example) => {
        const { title, description } = example.text[language];
        return (
          <li key={example.id}>
            <h3 id={`${id}-${example.id}`}>{title}</h3>
            <p id={`${id}-${example.id}-description`}>{description}</p>
            <button
              type="button"
              className="graphiql-button"
              aria-label={t("graphiql.examples.loadNamed", { title })}
              aria-describedby={`${id}-${example.id}-description`}
              aria-busy={loading === example.id}
              disabled={!ready || loading !== null}
              onClick={() => void onLoad(example)}
            >
              {t("graphiql.examples.load")}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The examples panel of GraphiQL's sidebar: loads an example into the editors — in a new tab
 * when the current one holds the user's own work — with the variables filled in for the
 * signed-in user's unit.
 */
export function ExamplesPanel() {
  const { t, i18n } = useTranslation();
  const defaultQuery = t("graphiql.defaultQuery");
  const language = currentLanguage(i18n.language);
  const viewer = useViewer();
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const { addTab, setVisiblePlugin } = useGraphiQLActions();
  const [loading, setLoading] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const load = async (example: Example) => {
    if (!viewer || !queryEditor || !variableEditor) return;
    setNote(null);
    const context: ExampleContext = { unitId: viewer.unit.id, today: todayIso() };
    if (example.needsDocument) {
      setLoading(example.id);
      context.documentId = await findDocumentId(example.needsDocument);
      setLoading(null);
      if (!context.documentId)
        setNote(t("graphiql.examples.documentMissing", { number: example.needsDocument }));
    }
    const contents = exampleContents(example, language, context);
    const current = queryEditor.getValue().trim();
    if (current !== "" && current !== defaultQuery.trim()) addTab();
    queryEditor.setValue(contents.query);
    variableEditor.setValue(contents.variables);
    // A phone has no room for the panel beside the editors: show the query.
    if (!isWideScreen()) setVisiblePlugin(null);
    queryEditor.focus();
  };

  return (
    <section className="dangbo-graphiql-panel" aria-labelledby="dangbo-graphiql-examples-title">
      <h2 className="graphiql-doc-explorer-title" id="dangbo-graphiql-examples-title">
        {t("graphiql.examples.title")}
      </h2>
      <p>{t("graphiql.examples.intro")}</p>
      {note && (
        <p role="status" className="dangbo-graphiql-note">
          {note}
        </p>
      )}
      <ExampleList
        examples={EXAMPLES}
        language={language}
        onLoad={load}
        loading={loading}
        ready={Boolean(queryEditor && variableEditor)}
      />
    </section>
  );
}
