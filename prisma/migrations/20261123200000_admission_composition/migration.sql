-- CreateTable
CREATE TABLE "admission_composition" (
    "unit_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "admitted" INTEGER NOT NULL,

    CONSTRAINT "admission_composition_pkey" PRIMARY KEY ("unit_id","year","dimension","month","key")
);

-- Rebuilt (rebuildComposition in packages/db/src/rollups.ts), not maintained row by row: these
-- triggers mark it stale (changes + 1) on any write that can change a figure — an admission
-- written, moved or removed, an edit of a member's gender, ethnicity, occupation or birth date,
-- of a unit's sector or kind, any change of the closure — and readers count live until the next
-- rebuild. No state row until the first rebuild: stale.
CREATE FUNCTION "composition_touched"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE rollup_state SET changes = changes + 1 WHERE name = 'composition';
  RETURN NULL;
END $$;

CREATE FUNCTION "composition_events_touched"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hit boolean := false;
BEGIN
  IF TG_OP <> 'DELETE' THEN
    hit := EXISTS (SELECT 1 FROM new_rows WHERE kind = 'ADMITTED');
  END IF;
  IF NOT hit AND TG_OP <> 'INSERT' THEN
    hit := EXISTS (SELECT 1 FROM old_rows WHERE kind = 'ADMITTED');
  END IF;
  IF hit THEN
    UPDATE rollup_state SET changes = changes + 1 WHERE name = 'composition';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "member_event_composition_insert" AFTER INSERT ON "member_event"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "composition_events_touched"();
CREATE TRIGGER "member_event_composition_update" AFTER UPDATE ON "member_event"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "composition_events_touched"();
CREATE TRIGGER "member_event_composition_delete" AFTER DELETE ON "member_event"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "composition_events_touched"();
CREATE TRIGGER "member_event_composition_truncate" AFTER TRUNCATE ON "member_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "composition_touched"();
CREATE TRIGGER "member_composition" AFTER UPDATE OF "gender", "ethnicity", "occupation", "birth_date" ON "member"
  FOR EACH ROW WHEN ((OLD."gender", OLD."ethnicity", OLD."occupation", OLD."birth_date")
    IS DISTINCT FROM (NEW."gender", NEW."ethnicity", NEW."occupation", NEW."birth_date"))
  EXECUTE FUNCTION "composition_touched"();
CREATE TRIGGER "org_unit_composition" AFTER UPDATE OF "sector", "kind" ON "org_unit"
  FOR EACH STATEMENT EXECUTE FUNCTION "composition_touched"();
CREATE TRIGGER "org_unit_closure_composition" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "org_unit_closure"
  FOR EACH STATEMENT EXECUTE FUNCTION "composition_touched"();
