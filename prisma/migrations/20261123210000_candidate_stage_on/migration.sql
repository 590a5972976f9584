-- CreateIndex
CREATE INDEX "candidate_stage_on_idx" ON "candidate"("stage_on");
