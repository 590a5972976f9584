import { useMutation, useQuery } from "@apollo/client/react";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { getFragmentData } from "../../gql/index.ts";
import type { DocumentDetailQuery as DocumentDetailData } from "../../gql/graphql.ts";
import { errorCode, type ErrorCode } from "../../ui/errors.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { RequireRole } from "../auth/guards.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { provinceToday, WRITER_ROLES } from "./access.ts";
import { DocumentPicker, type PickedDocument } from "./DocumentPicker.tsx";
import { documentPath } from "./DocumentsPage.tsx";
import {
  CreateDocumentMutation,
  DocumentDetailQuery,
  DocumentRowFragment,
  OwnUnitQuery,
  UpdateDocumentMutation,
} from "./documents.operations.ts";
import { badInput, evictDocumentFigures, translateKnown, type BadInput } from "./errors.ts";
import { InputField, TextAreaField } from "./fields.tsx";
import {
  CENTRAL_ISSUER,
  checkDocumentNumber,
  describeNumber,
  numberProblemText,
  PROVINCIAL_ISSUER,
} from "./number.ts";
import { UnitSearchField, type PickedUnit } from "./UnitSearchField.tsx";
import "./documents.css";

const FIELDS = ["number", "issuedOn", "title", "summary", "issuerUnitId", "replacesIds"] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field, string>>;

function isField(value: string): value is Field {
  return (FIELDS as readonly string[]).includes(value);
}

export interface DocumentValues {
  number: string;
  issuedOn: string;
  title: string;
  summary: string;
  issuerUnit: PickedUnit | null;
  replaces: PickedDocument[];
}

/** `/documents/new`: registers a document. */
export function NewDocumentPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("documents.form.newTitle"));
  return (
    <RequireRole roles={WRITER_ROLES}>
      <div className="documents-page narrow-form">
        <p className="back-link">
          <Link to="/documents">{t("documents.form.back")}</Link>
        </p>
        <h1>{t("documents.form.newTitle")}</h1>
        <p className="lead">{t("documents.form.newIntro")}</p>
        <DocumentForm />
      </div>
    </RequireRole>
  );
}

/** `/documents/:id/edit`: changes a document. */
export function EditDocumentPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const query = useQuery(DocumentDetailQuery, { variables: { id } });
  const number = query.data
    ? getFragmentData(DocumentRowFragment, query.data.document).number
    : undefined;
  useDocumentTitle(
    number ? t("documents.form.editTitle", { number }) : t("documents.form.loading"),
  );
  return (
    <RequireRole roles={WRITER_ROLES}>
      <div className="documents-page narrow-form">
        <QueryState
          loading={query.loading}
          error={query.error}
          data={query.data}
          onRetry={() => query.refetch()}
          loadingLabel={t("documents.form.loading")}
          notFound={<DocumentNotFound />}
        >
          {({ document }) => {
            const row = getFragmentData(DocumentRowFragment, document);
            return (
              <>
                <p className="back-link">
                  <Link to={documentPath(row.id)}>
                    {t("documents.form.backToDocument", { number: row.number })}
                  </Link>
                </p>
                <h1>{t("documents.form.editTitle", { number: row.number })}</h1>
                <DocumentForm documentId={row.id} initial={valuesOf(document)} />
              </>
            );
          }}
        </QueryState>
      </div>
    </RequireRole>
  );
}

export function DocumentNotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t("documents.detail.notFoundTitle"));
  return (
    <section className="not-found">
      <h1>{t("documents.detail.notFoundTitle")}</h1>
      <p>{t("documents.detail.notFoundText")}</p>
      <p>
        <Link to="/documents" className="button">
          {t("documents.detail.back")}
        </Link>
      </p>
    </section>
  );
}

function valuesOf(document: DocumentDetailData["document"]): DocumentValues {
  const row = getFragmentData(DocumentRowFragment, document);
  return {
    number: row.number,
    issuedOn: row.issuedOn,
    title: row.title,
    summary: document.summary ?? "",
    issuerUnit: document.issuerUnit
      ? {
          id: document.issuerUnit.id,
          name: document.issuerUnit.name,
          kind: document.issuerUnit.kind,
        }
      : null,
    replaces: document.replaces.map((replaced) => {
      const r = getFragmentData(DocumentRowFragment, replaced);
      return { id: r.id, number: r.number, title: r.title };
    }),
  };
}

/** Messages the API sends in English, by field, recognised and translated. */
const KNOWN = [
  [/cannot be registered before it is issued/i, "issuedOnFuture"],
  [/issuing committee did not exist/i, "issuerNotExisting"],
  [/centre .* have no issuing unit/i, "centralHasNoUnit"],
  [/are the provincial committee's/i, "provinceOnly"],
  [/cannot replace itself/i, "replacesSelf"],
  [/listed twice/i, "replacesTwice"],
  [/issued after this document/i, "replacesLater"],
  [/\(indirectly\) replaces it/i, "replacesCycle"],
] as const;

export interface DocumentFormProps {
  /** Editing this document; omitted: a new one. */
  documentId?: string;
  initial?: DocumentValues;
  today?: string;
}

/**
 * The register/edit form. The number is checked as it is typed with the API's own parser (the
 * canonical form is shown, or what is wrong); the server's errors land on their fields.
 */
export function DocumentForm({ documentId, initial, today = provinceToday() }: DocumentFormProps) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const navigate = useNavigate();
  const formId = useId();
  const own = useQuery(OwnUnitQuery, {
    variables: { id: viewer?.unit.id ?? "" },
    skip: !viewer,
  });
  const ownUnit: PickedUnit | null = own.data
    ? { id: own.data.orgUnit.id, name: own.data.orgUnit.name, kind: own.data.orgUnit.kind }
    : viewer
      ? { id: viewer.unit.id, name: viewer.unit.name }
      : null;
  const isProvince = own.data?.orgUnit.kind === "PROVINCIAL_COMMITTEE";

  const [number, setNumber] = useState(initial?.number ?? "");
  const [numberTouched, setNumberTouched] = useState(!!initial);
  const [issuedOn, setIssuedOn] = useState(initial?.issuedOn ?? "");
  const [title, setTitle] = useState(initial?.title ?? "");
  const [summary, setSummary] = useState(initial?.summary ?? "");
  const [pickedUnit, setPickedUnit] = useState<PickedUnit | null>(initial?.issuerUnit ?? null);
  const [replaces, setReplaces] = useState<PickedDocument[]>(initial?.replaces ?? []);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const refs = {
    number: useRef<HTMLInputElement>(null),
    issuedOn: useRef<HTMLInputElement>(null),
    title: useRef<HTMLInputElement>(null),
    summary: useRef<HTMLTextAreaElement>(null),
    issuerUnitId: useRef<HTMLInputElement>(null),
    replacesIds: useRef<HTMLInputElement>(null),
  };
  const [create, created] = useMutation(CreateDocumentMutation, {
    update: (cache) => evictDocumentFigures(cache),
  });
  const [update, updated] = useMutation(UpdateDocumentMutation, {
    update: (cache) => evictDocumentFigures(cache),
  });
  const saving = created.loading || updated.loading;

  const check = checkDocumentNumber(t, number);
  const issuer = check.ok ? check.issuer : null;
  const mode: "central" | "province" | "unit" =
    issuer === CENTRAL_ISSUER ? "central" : issuer === PROVINCIAL_ISSUER ? "province" : "unit";
  // The issuing committee: none for the centre, the province for …/TU, else the one chosen
  // (the user's own unit until another is picked).
  const issuerUnit =
    mode === "central" ? null : mode === "province" ? ownUnit : (pickedUnit ?? ownUnit);

  const show = (found: Errors) => {
    setErrors(found);
    const first = FIELDS.find((field) => found[field]);
    if (first) refs[first].current?.focus();
  };

  const describe = (input: BadInput): string => {
    if (input.field === "number" && input.problem) {
      return numberProblemText(t, input.problem as Parameters<typeof numberProblemText>[1], number);
    }
    const key = translateKnown(input.message, KNOWN);
    return key ? t(`documents.serverErrors.${key}`) : input.message;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setFailure(null);
    setNumberTouched(true);
    const found: Errors = {};
    if (!check.ok) found.number = check.message;
    if (!issuedOn) found.issuedOn = t("documents.form.missing.issuedOn");
    else if (issuedOn > today) found.issuedOn = t("documents.form.future");
    if (!title.trim()) found.title = t("documents.form.missing.title");
    if (mode === "unit" && !issuerUnit) found.issuerUnitId = t("documents.form.missing.issuerUnit");
    if (Object.keys(found).length > 0) return show(found);
    setErrors({});
    const common = {
      number: number.trim(),
      issuedOn,
      title: title.trim(),
      issuerUnitId: issuerUnit?.id ?? null,
      replacesIds: replaces.map((d) => d.id),
    };
    try {
      let id: string | undefined;
      if (documentId) {
        // An empty summary removes it; the whole replaces list is sent.
        const { data } = await update({
          variables: { id: documentId, input: { ...common, summary: summary.trim() } },
        });
        id = data?.updateDocument.id;
      } else {
        const { data } = await create({
          variables: {
            input: {
              ...common,
              issuerUnitId: common.issuerUnitId ?? undefined,
              ...(summary.trim() ? { summary: summary.trim() } : {}),
            },
          },
        });
        id = data?.createDocument.id;
      }
      if (id) void navigate(documentPath(id), { state: { saved: true } });
    } catch (error) {
      const input = badInput(error);
      if (input && isField(input.field)) show({ [input.field]: describe(input) });
      else if (input) setFailure(describe(input));
      else {
        const code: ErrorCode = errorCode(error);
        setFailure(
          code === "FORBIDDEN" ? t("documents.serverErrors.forbidden") : t(`errors.${code}`),
        );
      }
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  const numberStatus = number.trim() === "" ? null : check.ok ? describeNumber(t, check) : null;
  const numberError =
    errors.number ?? (numberTouched && !check.ok && number.trim() !== "" ? check.message : null);

  return (
    <>
      {(hasErrors || failure) && (
        <p className="form-error" role="alert">
          {failure ?? t("documents.form.notSaved")}
        </p>
      )}
      <form id={formId} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <InputField
          label={t("documents.form.number")}
          hint={t("documents.form.numberHint")}
          status={numberStatus}
          value={number}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          required
          error={numberError}
          inputRef={refs.number}
          onChange={(event) => {
            setNumber(event.target.value);
            if (errors.number) setErrors(({ number: _n, ...rest }) => rest);
          }}
          onBlur={() => setNumberTouched(true)}
        />
        <InputField
          type="date"
          label={t("documents.form.issuedOn")}
          hint={t("documents.form.issuedOnHint")}
          max={today}
          required
          value={issuedOn}
          error={errors.issuedOn}
          inputRef={refs.issuedOn}
          onChange={(event) => setIssuedOn(event.target.value)}
        />
        <InputField
          label={t("documents.form.title")}
          hint={t("documents.form.titleHint")}
          required
          value={title}
          error={errors.title}
          inputRef={refs.title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <TextAreaField
          label={t("documents.form.summary")}
          value={summary}
          error={errors.summary}
          inputRef={refs.summary}
          onChange={(event) => setSummary(event.target.value)}
        />
        {mode === "central" && <p className="field-note">{t("documents.form.issuerCentral")}</p>}
        {mode === "province" && (
          <div className="field-note">
            <p>{t("documents.form.issuerProvince")}</p>
            {errors.issuerUnitId && (
              <p className="field-error" role="alert">
                {errors.issuerUnitId}
              </p>
            )}
            {!isProvince && own.data && !errors.issuerUnitId && (
              <p className="hint">{t("documents.serverErrors.forbidden")}</p>
            )}
          </div>
        )}
        {mode === "unit" && (
          <UnitSearchField
            label={t("documents.form.issuerUnit")}
            hint={t("documents.form.issuerUnitHint")}
            value={issuerUnit}
            onChange={setPickedUnit}
            error={errors.issuerUnitId}
            inputRef={refs.issuerUnitId}
          />
        )}
        <DocumentPicker
          label={t("documents.form.replaces")}
          hint={t("documents.form.replacesHint")}
          value={replaces}
          onChange={setReplaces}
          excludeId={documentId}
          error={errors.replacesIds}
          inputRef={refs.replacesIds}
        />
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={saving}>
            {saving
              ? t("documents.form.submitting")
              : documentId
                ? t("documents.form.submitEdit")
                : t("documents.form.submitNew")}
          </button>
          <Link
            to={documentId ? documentPath(documentId) : "/documents"}
            className="button button-secondary"
          >
            {t("documents.form.cancel")}
          </Link>
        </div>
      </form>
    </>
  );
}
