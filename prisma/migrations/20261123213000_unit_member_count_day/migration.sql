-- CreateIndex
CREATE INDEX "unit_member_count_counted_on_idx" ON "unit_member_count"("counted_on");
