import { Navigate } from "react-router";
import { homeFor } from "./home.ts";
import { useViewer } from "./ViewerProvider.tsx";

/** "/": the signed-in user's home (see homeFor). */
export function HomeRedirect() {
  const viewer = useViewer();
  return <Navigate to={viewer ? homeFor(viewer) : "/units"} replace />;
}
