import { useCallback, useState } from "react";

export type ChartView = "chart" | "table";

const PREFIX = "dangbo.chartView.";

function stored(panelId: string): ChartView | undefined {
  try {
    const value = globalThis.localStorage?.getItem(PREFIX + panelId);
    return value === "chart" || value === "table" ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Chart or table for one panel, remembered on this device: someone who reads the tables (e.g.
 * with a screen reader) keeps them while drilling from unit to unit.
 */
export function useChartView(panelId: string, initial: ChartView = "chart") {
  const [view, setViewState] = useState<ChartView>(() => stored(panelId) ?? initial);
  const setView = useCallback(
    (next: ChartView) => {
      setViewState(next);
      try {
        globalThis.localStorage?.setItem(PREFIX + panelId, next);
      } catch {
        // Not remembered; the choice still holds on this page.
      }
    },
    [panelId],
  );
  return [view, setView] as const;
}
