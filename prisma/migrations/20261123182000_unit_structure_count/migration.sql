-- CreateTable
CREATE TABLE "unit_structure_count" (
    "unit_id" INTEGER NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "grassroots" INTEGER NOT NULL,
    "cells" INTEGER NOT NULL,

    CONSTRAINT "unit_structure_count_pkey" PRIMARY KEY ("unit_id","valid_from")
);

-- Stale (readers count live) after any change of the closure or of a unit's kind, until rebuilt
-- (rebuildStructureCounts in packages/db/src/rollups.ts: with the closure, and in the background).
CREATE FUNCTION "structure_touched"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE rollup_state SET changes = changes + 1 WHERE name = 'structure';
  RETURN NULL;
END $$;

CREATE TRIGGER "org_unit_closure_structure" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "org_unit_closure"
  FOR EACH STATEMENT EXECUTE FUNCTION "structure_touched"();
CREATE TRIGGER "org_unit_structure" AFTER UPDATE OF "kind" ON "org_unit"
  FOR EACH STATEMENT EXECUTE FUNCTION "structure_touched"();
