-- admission_rollup is derived data: empty it, add the direct subordinate each admission came
-- through, and rebuild it from the admissions and the closure.
DELETE FROM "admission_rollup";

-- AlterTable
ALTER TABLE "admission_rollup" DROP CONSTRAINT "admission_rollup_pkey",
ADD COLUMN     "via_unit_id" INTEGER NOT NULL,
ADD CONSTRAINT "admission_rollup_pkey" PRIMARY KEY ("unit_id", "via_unit_id", "year", "month");

-- CreateIndex
CREATE INDEX "admission_rollup_unit_id_year_idx" ON "admission_rollup"("unit_id", "year");

-- Rebuild (the same statement as rebuildAdmissionRollup in packages/db/src/rollups.ts)
INSERT INTO "admission_rollup" ("unit_id", "via_unit_id", "year", "month", "admitted")
SELECT c.ancestor_id, v.ancestor_id, EXTRACT(YEAR FROM e.effective_on)::int, EXTRACT(MONTH FROM e.effective_on)::int, COUNT(*)::int
FROM "member_event" e
JOIN "org_unit_closure" c ON c.descendant_id = e.unit_id
 AND c.valid_from <= e.effective_on AND (c.valid_to IS NULL OR c.valid_to > e.effective_on)
JOIN "org_unit_closure" v ON v.descendant_id = e.unit_id AND v.depth = GREATEST(c.depth - 1, 0)
 AND v.valid_from <= e.effective_on AND (v.valid_to IS NULL OR v.valid_to > e.effective_on)
WHERE e.kind = 'ADMITTED'
GROUP BY 1, 2, 3, 4;
