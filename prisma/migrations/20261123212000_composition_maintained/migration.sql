-- admission_composition and unit_recognition_month are now maintained in the transaction of
-- every admission and recognition, as admission_rollup is: a statement inserting ADMITTED or
-- RECOGNISED_OFFICIAL events adds them to the kept rows of every kept ancestor they had that day
-- while the rows are fresh, and keeps them fresh. Rarer writes still only mark them stale (an
-- event updated or deleted, an edit of a member's gender, ethnicity, occupation or birth date, of
-- a unit's sector or kind, a change of the closure): readers count live until the background
-- rebuild. The statements below are COMPOSITION_ROWS and RECOGNITION_ROWS of
-- packages/db/src/rollups.ts over the inserted rows; rollupDrift tests compare them with a live count.
CREATE FUNCTION "composition_events_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s_from date;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM new_rows WHERE kind IN ('ADMITTED', 'RECOGNISED_OFFICIAL')) THEN
    RETURN NULL;
  END IF;
  -- Writers serialise on the state row (as the stale marks always did). Fresh: it stays fresh and
  -- the rows are added below; stale (or never built): only the mark, the rebuild counts them.
  UPDATE rollup_state
     SET changes = changes + 1,
         refreshed_changes = CASE WHEN changes = refreshed_changes THEN refreshed_changes + 1 ELSE refreshed_changes END
   WHERE name = 'composition'
  RETURNING CASE WHEN changes = refreshed_changes THEN covers_from END INTO s_from;
  IF s_from IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO admission_composition (unit_id, year, month, dimension, key, admitted)
  SELECT c.ancestor_id, x.year, x.month, k.dimension, k.key, COUNT(*)::int
  FROM (
    SELECT e.unit_id, e.effective_on, EXTRACT(YEAR FROM e.effective_on)::int AS year,
           EXTRACT(MONTH FROM e.effective_on)::int AS month,
           u.sector::text AS "SECTOR",
           m.gender::text AS "GENDER",
           m.ethnicity AS "ETHNICITY",
           m.occupation::text AS "OCCUPATION",
           CASE WHEN date_part('year', age(e.effective_on, m.birth_date)) < 30 THEN 'UNDER_30'
           WHEN date_part('year', age(e.effective_on, m.birth_date)) <= 45 THEN '30_45'
           WHEN date_part('year', age(e.effective_on, m.birth_date)) <= 60 THEN '46_60'
           ELSE 'OVER_60' END AS "AGE_BAND"
    FROM new_rows e
    JOIN member m ON m.id = e.member_id
    JOIN org_unit u ON u.id = e.unit_id
    WHERE e.kind = 'ADMITTED' AND e.effective_on >= s_from) x
  JOIN org_unit_closure c ON c.descendant_id = x.unit_id
   AND c.valid_from <= x.effective_on AND (c.valid_to IS NULL OR c.valid_to > x.effective_on)
  JOIN org_unit a ON a.id = c.ancestor_id AND a.kind::text IN ('PROVINCIAL_COMMITTEE', 'DISTRICT_COMMITTEE', 'BLOCK_COMMITTEE', 'DIRECT_COMMITTEE')
  CROSS JOIN LATERAL (VALUES ('SECTOR', x."SECTOR"), ('GENDER', x."GENDER"), ('ETHNICITY', x."ETHNICITY"), ('OCCUPATION', x."OCCUPATION"), ('AGE_BAND', x."AGE_BAND")) k (dimension, key)
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (unit_id, year, dimension, month, key)
  DO UPDATE SET admitted = admission_composition.admitted + EXCLUDED.admitted;
  INSERT INTO unit_recognition_month (unit_id, year, month, recognised)
  SELECT c.ancestor_id, EXTRACT(YEAR FROM e.effective_on)::int, EXTRACT(MONTH FROM e.effective_on)::int, COUNT(*)::int
  FROM new_rows e
  JOIN org_unit_closure c ON c.descendant_id = e.unit_id
   AND c.valid_from <= e.effective_on AND (c.valid_to IS NULL OR c.valid_to > e.effective_on)
  JOIN org_unit a ON a.id = c.ancestor_id AND a.kind::text IN ('PROVINCIAL_COMMITTEE', 'DISTRICT_COMMITTEE', 'BLOCK_COMMITTEE', 'DIRECT_COMMITTEE')
  WHERE e.kind = 'RECOGNISED_OFFICIAL' AND e.effective_on >= s_from
  GROUP BY 1, 2, 3
  ON CONFLICT (unit_id, year, month)
  DO UPDATE SET recognised = unit_recognition_month.recognised + EXCLUDED.recognised;
  RETURN NULL;
END $$;

DROP TRIGGER "member_event_composition_insert" ON "member_event";
CREATE TRIGGER "member_event_composition_insert" AFTER INSERT ON "member_event"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "composition_events_inserted"();
