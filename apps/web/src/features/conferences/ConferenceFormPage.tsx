import { useMutation, useQuery } from "@apollo/client/react";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { getFragmentData } from "../../gql/index.ts";
import type { Audience, ConferenceFormat, ConferenceKind } from "../../gql/graphql.ts";
import { errorCode } from "../../ui/errors.ts";
import { useDebouncedValue, useDocumentTitle } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { provinceToday } from "../documents/access.ts";
import { DocumentDetailQuery, DocumentRowFragment } from "../documents/documents.operations.ts";
import { DocumentPicker, type PickedDocument } from "../documents/DocumentPicker.tsx";
import {
  badInput,
  evictDocumentFigures,
  translateKnown,
  type BadInput,
} from "../documents/errors.ts";
import { InputField, SelectField } from "../documents/fields.tsx";
import { UnitSearchField, type PickedUnit } from "../documents/UnitSearchField.tsx";
import {
  AttendeeSearchQuery,
  ConferenceQuery,
  ConferenceRowFragment,
  RecordConferenceMutation,
  UpdateConferenceMutation,
} from "./conferences.operations.ts";
import { AUDIENCES, CONFERENCE_FORMATS, CONFERENCE_KINDS, conferencePath } from "./paths.ts";
import "../documents/documents.css";

export interface PickedMember {
  id: string;
  fullName: string;
}

export interface ConferenceValues {
  kind: ConferenceKind;
  title: string;
  organiser: PickedUnit | null;
  heldOn: string;
  format: ConferenceFormat;
  audience: Audience;
  documents: PickedDocument[];
  attendeeCount: string;
  attendees: PickedMember[];
}

const FIELDS = [
  "kind",
  "title",
  "organiserUnitId",
  "heldOn",
  "format",
  "audience",
  "documentIds",
  "attendeeCount",
  "memberIds",
] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field, string>>;

function isField(value: string): value is Field {
  return (FIELDS as readonly string[]).includes(value);
}

const KNOWN = [
  [/cannot be recorded before it is held/i, "heldOnFuture"],
  [/organising unit did not exist/i, "organiserNotExisting"],
  [/issued after the conference/i, "documentLater"],
  [/listed twice/i, "documentTwice"],
  [/was not a member of the organising unit/i, "memberOutside"],
] as const;

/** `/conferences/new?document=`: records a conference (the document pre-chosen when given). */
export function NewConferencePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const documentId = params.get("document");
  useDocumentTitle(t("conferences.form.newTitle"));
  const document = useQuery(DocumentDetailQuery, {
    variables: { id: documentId ?? "" },
    skip: !documentId,
  });
  const preset = document.data
    ? getFragmentData(DocumentRowFragment, document.data.document)
    : undefined;
  const waiting = !!documentId && document.loading;
  return (
    <div className="documents-page narrow-form">
      <header className="page-header">
        <p>
          <Link to="/conferences">{t("conferences.form.back")}</Link>
        </p>
        <h1>{t("conferences.form.newTitle")}</h1>
        <p className="lead">{t("conferences.form.newIntro")}</p>
      </header>
      {waiting ? (
        <QueryState
          loading
          error={undefined}
          data={undefined}
          onRetry={() => undefined}
          loadingLabel={t("conferences.form.loading")}
        >
          {() => null}
        </QueryState>
      ) : (
        <ConferenceForm
          initial={{
            ...EMPTY,
            ...(preset
              ? { documents: [{ id: preset.id, number: preset.number, title: preset.title }] }
              : {}),
          }}
        />
      )}
    </div>
  );
}

const EMPTY: ConferenceValues = {
  kind: "DISSEMINATION",
  title: "",
  organiser: null,
  heldOn: "",
  format: "IN_PERSON",
  audience: "CADRES",
  documents: [],
  attendeeCount: "",
  attendees: [],
};

/** `/conferences/:id/edit`. */
export function EditConferencePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  useDocumentTitle(t("conferences.form.editTitle"));
  const query = useQuery(ConferenceQuery, { variables: { id } });
  return (
    <div className="documents-page narrow-form">
      <header className="page-header">
        <p>
          <Link to={conferencePath(id)}>{t("conferences.detail.back")}</Link>
        </p>
        <h1>{t("conferences.form.editTitle")}</h1>
      </header>
      <QueryState
        loading={query.loading}
        error={query.error}
        data={query.data}
        onRetry={() => query.refetch()}
        loadingLabel={t("conferences.form.loading")}
        notFound={<p className="state state-empty">{t("conferences.detail.notFoundText")}</p>}
      >
        {({ conference }) => {
          const row = getFragmentData(ConferenceRowFragment, conference);
          return (
            <ConferenceForm
              conferenceId={conference.id}
              initial={{
                kind: row.kind,
                title: row.title,
                organiser: {
                  id: conference.organiser.id,
                  name: conference.organiser.name,
                  kind: conference.organiser.kind,
                },
                heldOn: row.heldOn,
                format: row.format,
                audience: row.audience,
                documents: conference.documents.map((d) => ({
                  id: d.id,
                  number: d.number,
                  title: d.title,
                })),
                attendeeCount: String(row.attendeeCount),
                attendees: conference.attendees.map((m) => ({ id: m.id, fullName: m.fullName })),
              }}
            />
          );
        }}
      </QueryState>
    </div>
  );
}

export interface ConferenceFormProps {
  conferenceId?: string;
  initial: ConferenceValues;
  today?: string;
}

export function ConferenceForm({
  conferenceId,
  initial,
  today = provinceToday(),
}: ConferenceFormProps) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const navigate = useNavigate();
  const [kind, setKind] = useState<ConferenceKind>(initial.kind);
  const [title, setTitle] = useState(initial.title);
  const [organiser, setOrganiser] = useState<PickedUnit | null>(
    initial.organiser ?? (viewer ? { id: viewer.unit.id, name: viewer.unit.name } : null),
  );
  const [heldOn, setHeldOn] = useState(initial.heldOn);
  const [format, setFormat] = useState<ConferenceFormat>(initial.format);
  const [audience, setAudience] = useState<Audience>(initial.audience);
  const [documents, setDocuments] = useState<PickedDocument[]>(initial.documents);
  const [attendeeCount, setAttendeeCount] = useState(initial.attendeeCount);
  const [attendees, setAttendees] = useState<PickedMember[]>(initial.attendees);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const refs = {
    kind: useRef<HTMLSelectElement>(null),
    title: useRef<HTMLInputElement>(null),
    organiserUnitId: useRef<HTMLInputElement>(null),
    heldOn: useRef<HTMLInputElement>(null),
    format: useRef<HTMLSelectElement>(null),
    audience: useRef<HTMLSelectElement>(null),
    documentIds: useRef<HTMLInputElement>(null),
    attendeeCount: useRef<HTMLInputElement>(null),
    memberIds: useRef<HTMLInputElement>(null),
  };
  const [record, recorded] = useMutation(RecordConferenceMutation, {
    update: (cache) => evictDocumentFigures(cache),
  });
  const [update, updated] = useMutation(UpdateConferenceMutation, {
    update: (cache) => evictDocumentFigures(cache),
  });
  const saving = recorded.loading || updated.loading;

  const show = (found: Errors) => {
    setErrors(found);
    const first = FIELDS.find((field) => found[field]);
    if (first) refs[first].current?.focus();
  };

  const describe = (input: BadInput): string => {
    const key = translateKnown(input.message, KNOWN);
    return key ? t(`conferences.serverErrors.${key}`) : input.message;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setFailure(null);
    const found: Errors = {};
    const count = attendeeCount.trim() === "" ? null : Number(attendeeCount);
    if (!title.trim()) found.title = t("conferences.form.missing.title");
    if (!organiser) found.organiserUnitId = t("conferences.form.missing.organiser");
    if (!heldOn) found.heldOn = t("conferences.form.missing.heldOn");
    else if (heldOn > today) found.heldOn = t("conferences.form.future");
    if (kind === "DISSEMINATION" && documents.length === 0)
      found.documentIds = t("conferences.form.missing.documents");
    if (count !== null && (!Number.isInteger(count) || count < 0))
      found.attendeeCount = t("conferences.form.countInvalid");
    else if (count === null && attendees.length === 0)
      found.attendeeCount = t("conferences.form.missing.attendance");
    else if (count !== null && count < attendees.length)
      found.attendeeCount = t("conferences.form.countBelowList", {
        count,
        listed: attendees.length,
      });
    if (Object.keys(found).length > 0) return show(found);
    setErrors({});
    const input = {
      kind,
      title: title.trim(),
      organiserUnitId: organiser!.id,
      heldOn,
      format,
      audience,
      documentIds: documents.map((d) => d.id),
      memberIds: attendees.map((m) => m.id),
      ...(count !== null ? { attendeeCount: count } : {}),
    };
    try {
      let id: string | undefined;
      if (conferenceId) {
        const { data } = await update({ variables: { id: conferenceId, input } });
        id = data?.updateConference.id;
      } else {
        const { data } = await record({ variables: { input } });
        id = data?.recordConference.id;
      }
      if (id) void navigate(conferencePath(id), { state: { saved: true } });
    } catch (error) {
      const bad = badInput(error);
      if (bad && isField(bad.field)) show({ [bad.field]: describe(bad) });
      else if (bad) setFailure(describe(bad));
      else {
        const code = errorCode(error);
        setFailure(
          code === "FORBIDDEN" ? t("conferences.serverErrors.forbidden") : t(`errors.${code}`),
        );
      }
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <>
      {(hasErrors || failure) && (
        <p className="form-error" role="alert">
          {failure ?? t("conferences.form.notSaved")}
        </p>
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <SelectField
          label={t("conferences.form.kind")}
          hint={t(`conferences.kindHints.${kind}`)}
          value={kind}
          error={errors.kind}
          selectRef={refs.kind}
          onChange={(event) => setKind(event.target.value as ConferenceKind)}
        >
          {CONFERENCE_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`conferences.kinds.${value}`)}
            </option>
          ))}
        </SelectField>
        <InputField
          label={t("conferences.form.title")}
          hint={t("conferences.form.titleHint")}
          required
          value={title}
          error={errors.title}
          inputRef={refs.title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <UnitSearchField
          label={t("conferences.form.organiser")}
          hint={t("conferences.form.organiserHint")}
          value={organiser}
          onChange={(unit) => {
            setOrganiser(unit);
            setAttendees([]);
          }}
          error={errors.organiserUnitId}
          inputRef={refs.organiserUnitId}
        />
        <InputField
          type="date"
          label={t("conferences.form.heldOn")}
          hint={t("conferences.form.heldOnHint")}
          max={today}
          required
          value={heldOn}
          error={errors.heldOn}
          inputRef={refs.heldOn}
          onChange={(event) => setHeldOn(event.target.value)}
        />
        <SelectField
          label={t("conferences.form.format")}
          value={format}
          error={errors.format}
          selectRef={refs.format}
          onChange={(event) => setFormat(event.target.value as ConferenceFormat)}
        >
          {CONFERENCE_FORMATS.map((value) => (
            <option key={value} value={value}>
              {t(`conferences.formats.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("conferences.form.audience")}
          value={audience}
          error={errors.audience}
          selectRef={refs.audience}
          onChange={(event) => setAudience(event.target.value as Audience)}
        >
          {AUDIENCES.map((value) => (
            <option key={value} value={value}>
              {t(`conferences.audiences.${value}`)}
            </option>
          ))}
        </SelectField>
        <DocumentPicker
          label={t("conferences.form.documents")}
          hint={t("conferences.form.documentsHint")}
          value={documents}
          onChange={setDocuments}
          error={errors.documentIds}
          inputRef={refs.documentIds}
        />
        <InputField
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          label={t("conferences.form.attendeeCount")}
          hint={t("conferences.form.attendeeCountHint")}
          value={attendeeCount}
          error={errors.attendeeCount}
          inputRef={refs.attendeeCount}
          onChange={(event) => setAttendeeCount(event.target.value)}
        />
        <AttendeesField
          organiser={organiser}
          heldOn={heldOn}
          value={attendees}
          onChange={setAttendees}
          error={errors.memberIds}
          inputRef={refs.memberIds}
        />
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={saving}>
            {saving
              ? t("conferences.form.submitting")
              : conferenceId
                ? t("conferences.form.submitEdit")
                : t("conferences.form.submitNew")}
          </button>
          <Link
            to={conferenceId ? conferencePath(conferenceId) : "/conferences"}
            className="button button-secondary"
          >
            {t("conferences.form.cancel")}
          </Link>
        </div>
      </form>
    </>
  );
}

const MEMBER_RESULTS = 8;

/** The optional list of attendees: members of the organiser's subtree, found by name. */
function AttendeesField({
  organiser,
  heldOn,
  value,
  onChange,
  error,
  inputRef,
}: {
  organiser: PickedUnit | null;
  heldOn: string;
  value: PickedMember[];
  onChange: (members: PickedMember[]) => void;
  error: string | undefined;
  inputRef: React.Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const search = useDebouncedValue(text.trim().replace(/\s+/g, " "), 300);
  const chosen = new Set(value.map((m) => m.id));
  const query = useQuery(AttendeeSearchQuery, {
    variables: {
      unitId: organiser?.id ?? "",
      search,
      first: MEMBER_RESULTS,
      ...(heldOn ? { asOf: heldOn } : {}),
    },
    skip: !organiser || search.length < 2,
  });
  return (
    <fieldset className="fieldset attendees-field">
      <legend>{t("conferences.form.attendees")}</legend>
      <p className="hint" id={`${id}-hint`}>
        {t("conferences.form.attendeesHint")}
      </p>
      {value.length > 0 ? (
        <>
          <p aria-live="polite">{t("conferences.form.attendeesCount", { count: value.length })}</p>
          <ul className="chip-list">
            {value.map((member) => (
              <li key={member.id} className="chip">
                <span>{member.fullName}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t("conferences.form.removeMember", { name: member.fullName })}
                  onClick={() => onChange(value.filter((m) => m.id !== member.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {organiser ? (
        <div className="field">
          <label htmlFor={id}>{t("conferences.form.memberSearch")}</label>
          <input
            id={id}
            ref={inputRef}
            type="search"
            value={text}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-search-hint`}
            onChange={(event) => setText(event.target.value)}
          />
          <p id={`${id}-search-hint`} className="hint">
            {t("conferences.form.memberSearchHint")}
          </p>
          {search.length >= 2 && (
            <QueryState
              loading={query.loading}
              error={query.error}
              data={query.data}
              onRetry={() => query.refetch()}
              loadingLabel={t("conferences.form.memberLoading")}
              isEmpty={(d) => d.members.edges.length === 0}
              empty={t("conferences.form.memberEmpty")}
            >
              {({ members }) => (
                <ul className="item-list" aria-label={t("conferences.form.memberResults")}>
                  {members.edges
                    .filter(({ node }) => !chosen.has(node.id))
                    .map(({ node }) => (
                      <li key={node.id}>
                        <button
                          type="button"
                          className="button button-secondary unit-option"
                          aria-label={t("conferences.form.addMember", { name: node.fullName })}
                          onClick={() =>
                            onChange([...value, { id: node.id, fullName: node.fullName }])
                          }
                        >
                          {node.fullName} · {node.unit?.name}
                        </button>
                      </li>
                    ))}
                </ul>
              )}
            </QueryState>
          )}
        </div>
      ) : (
        <p className="hint">{t("conferences.form.chooseOrganiserFirst")}</p>
      )}
    </fieldset>
  );
}
