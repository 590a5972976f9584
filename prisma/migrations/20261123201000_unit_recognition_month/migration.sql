-- CreateTable
CREATE TABLE "unit_recognition_month" (
    "unit_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "recognised" INTEGER NOT NULL,

    CONSTRAINT "unit_recognition_month_pkey" PRIMARY KEY ("unit_id","year","month")
);

-- Rebuilt with admission_composition (rebuildComposition) under the same state row: a
-- recognition written, moved or removed marks both stale too.
CREATE OR REPLACE FUNCTION "composition_events_touched"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hit boolean := false;
BEGIN
  IF TG_OP <> 'DELETE' THEN
    hit := EXISTS (SELECT 1 FROM new_rows WHERE kind IN ('ADMITTED', 'RECOGNISED_OFFICIAL'));
  END IF;
  IF NOT hit AND TG_OP <> 'INSERT' THEN
    hit := EXISTS (SELECT 1 FROM old_rows WHERE kind IN ('ADMITTED', 'RECOGNISED_OFFICIAL'));
  END IF;
  IF hit THEN
    UPDATE rollup_state SET changes = changes + 1 WHERE name = 'composition';
  END IF;
  RETURN NULL;
END $$;
