-- CreateTable
CREATE TABLE "unit_member_count_history" (
    "unit_id" INTEGER NOT NULL,
    "counted_on" DATE NOT NULL,
    "official" INTEGER NOT NULL,
    "probationary" INTEGER NOT NULL,

    CONSTRAINT "unit_member_count_history_pkey" PRIMARY KEY ("counted_on","unit_id")
);

-- CreateTable
CREATE TABLE "rollup_state" (
    "name" TEXT NOT NULL,
    "changes" INTEGER NOT NULL DEFAULT 0,
    "refreshed_changes" INTEGER NOT NULL DEFAULT -1,
    "refreshed_at" TIMESTAMP(3),
    "covers_from" DATE,
    "covers_through" DATE,

    CONSTRAINT "rollup_state_pkey" PRIMARY KEY ("name")
);

-- The member counts of past year-ends are rebuilt (rebuildMemberCountHistory in
-- packages/db/src/rollups.ts), not maintained row by row: these triggers only mark them stale
-- (changes + 1) when a write can change a count on a date they hold, and readers count live
-- until the next rebuild. No state row until the first rebuild: stale (readers count live).

CREATE FUNCTION "member_count_history_touched"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s_from date;
  s_through date;
  hit boolean := false;
BEGIN
  SELECT covers_from, covers_through INTO s_from, s_through FROM rollup_state WHERE name = 'member_count_history';
  IF s_through IS NULL THEN
    hit := true;
  ELSIF TG_TABLE_NAME = 'org_unit_closure' THEN
    hit := true;
  ELSIF TG_TABLE_NAME = 'member' THEN
    hit := OLD.official_on IS DISTINCT FROM NEW.official_on
      AND LEAST(COALESCE(OLD.official_on, 'infinity'::date), COALESCE(NEW.official_on, 'infinity'::date)) <= s_through;
  ELSIF TG_OP = 'INSERT' THEN
    hit := NEW.valid_from <= s_through AND (NEW.valid_to IS NULL OR NEW.valid_to > s_from);
  ELSIF TG_OP = 'DELETE' THEN
    hit := OLD.valid_from <= s_through AND (OLD.valid_to IS NULL OR OLD.valid_to > s_from);
  ELSE
    hit := ((OLD.unit_id, OLD.member_id, OLD.temporary) IS DISTINCT FROM (NEW.unit_id, NEW.member_id, NEW.temporary)
             AND ((OLD.valid_from <= s_through AND (OLD.valid_to IS NULL OR OLD.valid_to > s_from))
               OR (NEW.valid_from <= s_through AND (NEW.valid_to IS NULL OR NEW.valid_to > s_from))))
        OR (OLD.valid_from IS DISTINCT FROM NEW.valid_from AND LEAST(OLD.valid_from, NEW.valid_from) <= s_through)
        OR (OLD.valid_to IS DISTINCT FROM NEW.valid_to
            AND LEAST(COALESCE(OLD.valid_to, 'infinity'::date), COALESCE(NEW.valid_to, 'infinity'::date)) <= s_through);
  END IF;
  IF hit THEN
    UPDATE rollup_state SET changes = changes + 1 WHERE name = 'member_count_history';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "member_assignment_member_count_history" AFTER INSERT OR UPDATE OR DELETE ON "member_assignment"
  FOR EACH ROW EXECUTE FUNCTION "member_count_history_touched"();
CREATE TRIGGER "member_member_count_history" AFTER UPDATE OF "official_on" ON "member"
  FOR EACH ROW EXECUTE FUNCTION "member_count_history_touched"();
CREATE TRIGGER "org_unit_closure_member_count_history" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "org_unit_closure"
  FOR EACH STATEMENT EXECUTE FUNCTION "member_count_history_touched"();
