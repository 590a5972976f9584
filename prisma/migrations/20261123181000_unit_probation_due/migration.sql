-- AlterTable
ALTER TABLE "unit_member_count_history" ADD COLUMN     "ending_soon" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "unit_probation_due" (
    "unit_id" INTEGER NOT NULL,
    "ends_on" DATE NOT NULL,
    "members" INTEGER NOT NULL,

    CONSTRAINT "unit_probation_due_pkey" PRIMARY KEY ("unit_id","ends_on")
);

-- The kept year-ends have no ending_soon yet: stale until rebuilt (readers count live).
UPDATE "rollup_state" SET "changes" = "changes" + 1 WHERE "name" = 'member_count_history';

-- A change of a probation's end can change ending_soon of the year-ends up to 60 days before it.
CREATE OR REPLACE FUNCTION "member_count_history_touched"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    hit := (OLD.official_on IS DISTINCT FROM NEW.official_on
            AND LEAST(COALESCE(OLD.official_on, 'infinity'::date), COALESCE(NEW.official_on, 'infinity'::date)) <= s_through)
        OR (OLD.probation_ends_on IS DISTINCT FROM NEW.probation_ends_on
            AND LEAST(COALESCE(OLD.probation_ends_on, 'infinity'::date), COALESCE(NEW.probation_ends_on, 'infinity'::date)) < s_through + 60);
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

DROP TRIGGER "member_member_count_history" ON "member";
CREATE TRIGGER "member_member_count_history" AFTER UPDATE OF "official_on", "probation_ends_on" ON "member"
  FOR EACH ROW EXECUTE FUNCTION "member_count_history_touched"();

-- unit_probation_due: a member counts (+1 at their probation's end, for every unit above their
-- cell) while on the day counted (rollup_state 'probation_due'.covers_through) they hold a
-- non-temporary assignment and are not yet official. Each write takes back the old row's share
-- and adds the new one's. The state row is read FOR SHARE, so a rebuild (which locks it first)
-- and a write never interleave. A change of the tree makes it stale (null) until the rebuild.
CREATE FUNCTION "probation_due_apply"(p_unit integer, p_ends date, p_delta integer, p_on date) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO unit_probation_due (unit_id, ends_on, members)
  SELECT c.ancestor_id, p_ends, p_delta FROM org_unit_closure c
  WHERE c.descendant_id = p_unit AND c.valid_from <= p_on AND (c.valid_to IS NULL OR c.valid_to > p_on)
  ON CONFLICT (unit_id, ends_on) DO UPDATE SET members = unit_probation_due.members + EXCLUDED.members
$$;

CREATE FUNCTION "probation_due_touched"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t date;
  ends date;
  official date;
  cell integer;
BEGIN
  SELECT covers_through INTO t FROM rollup_state WHERE name = 'probation_due' FOR SHARE;
  IF t IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'org_unit_closure' THEN
    UPDATE rollup_state SET covers_through = NULL, changes = changes + 1 WHERE name = 'probation_due';
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'member_assignment' THEN
    IF TG_OP IN ('UPDATE', 'DELETE') AND NOT OLD.temporary AND OLD.valid_from <= t AND (OLD.valid_to IS NULL OR OLD.valid_to > t) THEN
      SELECT m.probation_ends_on, m.official_on INTO ends, official FROM member m WHERE m.id = OLD.member_id;
      IF ends IS NOT NULL AND (official IS NULL OR official > t) THEN
        PERFORM probation_due_apply(OLD.unit_id, ends, -1, t);
      END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NOT NEW.temporary AND NEW.valid_from <= t AND (NEW.valid_to IS NULL OR NEW.valid_to > t) THEN
      SELECT m.probation_ends_on, m.official_on INTO ends, official FROM member m WHERE m.id = NEW.member_id;
      IF ends IS NOT NULL AND (official IS NULL OR official > t) THEN
        PERFORM probation_due_apply(NEW.unit_id, ends, 1, t);
      END IF;
    END IF;
    RETURN NULL;
  END IF;
  -- member: its probation's end or its recognition changed.
  FOR cell IN
    SELECT a.unit_id FROM member_assignment a
    WHERE a.member_id = NEW.id AND NOT a.temporary AND a.valid_from <= t AND (a.valid_to IS NULL OR a.valid_to > t)
  LOOP
    IF OLD.probation_ends_on IS NOT NULL AND (OLD.official_on IS NULL OR OLD.official_on > t) THEN
      PERFORM probation_due_apply(cell, OLD.probation_ends_on, -1, t);
    END IF;
    IF NEW.probation_ends_on IS NOT NULL AND (NEW.official_on IS NULL OR NEW.official_on > t) THEN
      PERFORM probation_due_apply(cell, NEW.probation_ends_on, 1, t);
    END IF;
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER "member_assignment_probation_due" AFTER INSERT OR UPDATE OR DELETE ON "member_assignment"
  FOR EACH ROW EXECUTE FUNCTION "probation_due_touched"();
CREATE TRIGGER "member_probation_due" AFTER UPDATE OF "official_on", "probation_ends_on" ON "member"
  FOR EACH ROW EXECUTE FUNCTION "probation_due_touched"();
CREATE TRIGGER "org_unit_closure_probation_due" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "org_unit_closure"
  FOR EACH STATEMENT EXECUTE FUNCTION "probation_due_touched"();
