import type { ApolloClient } from "@apollo/client";
import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { createContext, useContext } from "react";
import { reportSessionEnded } from "../auth/session-events.ts";
import { errorCode } from "../../ui/errors.ts";

/**
 * Sends one GraphQL mutation carrying a file and reports how much of the request body has been
 * uploaded (0–1). The app's transport is XMLHttpRequest, the one browser API with upload
 * progress; tests use the Apollo client instead (see apolloTransport).
 */
export type ImportTransport = <TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  onUploadProgress: (fraction: number) => void,
) => Promise<TData>;

interface GraphQLBody<TData> {
  data?: TData | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** POST /graphql with XMLHttpRequest: JSON, same-origin cookies (the API's CSRF rule is met by the content type). */
export const xhrTransport: ImportTransport = (document, variables, onUploadProgress) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/graphql");
    xhr.withCredentials = true;
    xhr.setRequestHeader("content-type", "application/json");
    xhr.setRequestHeader("accept", "application/graphql-response+json, application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onUploadProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => onUploadProgress(1);
    xhr.onerror = () => reject(new TypeError("Network request failed"));
    xhr.onload = () => {
      let body: GraphQLBody<never> | null = null;
      try {
        body = JSON.parse(xhr.responseText) as GraphQLBody<never>;
      } catch {
        body = null;
      }
      if (body?.errors?.length) {
        const error = new CombinedGraphQLErrors({ data: body.data ?? null, errors: body.errors });
        if (errorCode(error) === "UNAUTHENTICATED") reportSessionEnded();
        reject(error);
        return;
      }
      if (xhr.status < 200 || xhr.status >= 300 || !body?.data) {
        reject(
          new ServerError(`Response not successful: ${xhr.status}`, {
            response: new Response(xhr.responseText, { status: xhr.status || 500 }),
            bodyText: xhr.responseText,
          }),
        );
        return;
      }
      resolve(body.data);
    };
    xhr.send(JSON.stringify({ query: print(document), variables }));
  });

/** The same requests through an Apollo client (no upload progress): for tests with MockedProvider. */
export function apolloTransport(client: ApolloClient): ImportTransport {
  return async (document, variables, onUploadProgress) => {
    const result = await client.mutate({ mutation: document, variables });
    onUploadProgress(1);
    if (!result.data) throw new TypeError("No data");
    return result.data;
  };
}

export const ImportTransportContext = createContext<ImportTransport | null>(null);

export function useImportTransport(): ImportTransport {
  return useContext(ImportTransportContext) ?? xhrTransport;
}
