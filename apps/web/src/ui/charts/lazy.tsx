import { lazy, Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LoadingState } from "../QueryState.tsx";

/*
 * The chart components, each in its own chunk with recharts: pages, tables and exports work
 * before (and without) the charting library, which stays out of the first load.
 */
export const CategoryBarChart = lazy(() => import("./CategoryBarChart.tsx"));
export const SeriesLineChart = lazy(() => import("./SeriesLineChart.tsx"));

export function ChartSuspense({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <Suspense fallback={<LoadingState label={t("charts.loading")} />}>{children}</Suspense>;
}
