/** Wide enough to show a side panel beside GraphiQL's editors (48rem). */
const WIDE = "(min-width: 48rem)";

/** Whether the window is that wide now (true where matchMedia is missing, as in tests). */
export function isWideScreen(): boolean {
  return typeof window.matchMedia !== "function" || window.matchMedia(WIDE).matches;
}
