/** `/documents/:id/implementation?unit=&asOf=`: the implementation tracker of a document. */
export function implementationPath(
  documentId: string,
  { unit, asOf }: { unit?: string | undefined; asOf?: string | undefined } = {},
): string {
  const search = new URLSearchParams();
  if (unit) search.set("unit", unit);
  if (asOf) search.set("asOf", asOf);
  const query = search.toString();
  return `/documents/${encodeURIComponent(documentId)}/implementation${query ? `?${query}` : ""}`;
}
