import { useTranslation } from "react-i18next";
import { useDateTimeFormat } from "../../i18n/datetime.ts";
import { diffJson, type DiffRow } from "./diff.ts";

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The before and after snapshots of a change as a readable table, changed fields marked. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const rows = diffJson(before, after);
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;

  if (rows.length === 0) return <p className="hint">{t("audit.diff.none")}</p>;

  const columns = {
    field: t("audit.diff.field"),
    before: t("audit.diff.before"),
    after: t("audit.diff.after"),
  };
  // A record created (or deleted) has one side only: no empty column, no "changed" marks.
  const both = hasBefore && hasAfter;
  return (
    <div className="audit-diff">
      <table className="diff-table" aria-label={t("audit.diff.label")}>
        <thead>
          <tr>
            <th scope="col">{columns.field}</th>
            {hasBefore && <th scope="col">{columns.before}</th>}
            {hasAfter && <th scope="col">{columns.after}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={both ? `diff-${row.status}` : undefined}>
              <th scope="row">
                <code>{row.key || "—"}</code>
                {both && <DiffMark status={row.status} />}
              </th>
              {hasBefore && (
                <td data-label={columns.before}>
                  <Value value={row.before} present={row.status !== "added"} />
                </td>
              )}
              {hasAfter && (
                <td data-label={columns.after}>
                  <Value value={row.after} present={row.status !== "removed"} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <details className="raw-json">
        <summary>{t("audit.diff.raw")}</summary>
        <pre>{JSON.stringify({ before: before ?? null, after: after ?? null }, null, 2)}</pre>
      </details>
    </div>
  );
}

function DiffMark({ status }: { status: DiffRow["status"] }) {
  const { t } = useTranslation();
  if (status === "unchanged")
    return <span className="visually-hidden"> ({t("audit.diff.unchanged")})</span>;
  return <span className="diff-mark"> {t("audit.diff.changed")}</span>;
}

function Value({ value, present }: { value: unknown; present: boolean }) {
  const { t } = useTranslation();
  const formatInstant = useDateTimeFormat();
  if (!present || value === null || value === undefined || value === "") {
    return <span className="diff-empty">{t("audit.diff.empty")}</span>;
  }
  if (typeof value === "boolean") return <>{value ? t("audit.diff.yes") : t("audit.diff.no")}</>;
  if (typeof value === "string") {
    return ISO_INSTANT.test(value) ? (
      <time dateTime={value}>{formatInstant(value)}</time>
    ) : (
      <>{value}</>
    );
  }
  if (typeof value === "number") return <>{String(value)}</>;
  return <code>{JSON.stringify(value)}</code>;
}
