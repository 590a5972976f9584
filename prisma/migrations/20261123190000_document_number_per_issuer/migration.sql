-- Document numbers are each issuer's own sequence ("01-NQ/ĐU" exists in every grassroots
-- committee): unique per issuing unit, and NULLS NOT DISTINCT keeps the centre's documents
-- (no issuing unit) unique by number alone.

-- DropIndex
DROP INDEX "document_number_key";

-- CreateIndex
CREATE UNIQUE INDEX "document_number_issuer_unit_id_key" ON "document"("number", "issuer_unit_id") NULLS NOT DISTINCT;
