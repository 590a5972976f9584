-- CreateTable
CREATE TABLE "unit_member_count" (
    "unit_id" INTEGER NOT NULL,
    "official" INTEGER NOT NULL,
    "probationary" INTEGER NOT NULL,
    "counted_on" DATE NOT NULL,

    CONSTRAINT "unit_member_count_pkey" PRIMARY KEY ("unit_id")
);

-- Fill it for existing data (the same statement as rebuildMemberCounts in packages/db/src/rollups.ts).
INSERT INTO "unit_member_count" ("unit_id", "official", "probationary", "counted_on")
SELECT c.ancestor_id,
       COUNT(*) FILTER (WHERE m.official_on IS NOT NULL AND m.official_on <= CURRENT_DATE)::int,
       COUNT(*) FILTER (WHERE m.official_on IS NULL OR m.official_on > CURRENT_DATE)::int,
       CURRENT_DATE
FROM "member_assignment" a
JOIN "member" m ON m.id = a.member_id
JOIN "org_unit_closure" c ON c.descendant_id = a.unit_id
 AND c.valid_from <= CURRENT_DATE AND (c.valid_to IS NULL OR c.valid_to > CURRENT_DATE)
WHERE NOT a.temporary AND a.valid_from <= CURRENT_DATE AND (a.valid_to IS NULL OR a.valid_to > CURRENT_DATE)
GROUP BY c.ancestor_id;
