/** Largest page any list returns; larger `first` values are refused, not silently capped. */
export const PAGE_CAP = 500;
export const DEFAULT_PAGE_SIZE = 50;
