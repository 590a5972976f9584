import { ApolloProvider } from "@apollo/client/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { createApolloClient } from "./apollo.ts";
import { ViewerProvider } from "./features/auth/ViewerProvider.tsx";
import "./i18n/index.ts";
import { AppRoutes } from "./routes.tsx";
import "./ui/styles.css";

const client = createApolloClient();
const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

createRoot(container).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <ViewerProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </ViewerProvider>
    </ApolloProvider>
  </StrictMode>,
);
