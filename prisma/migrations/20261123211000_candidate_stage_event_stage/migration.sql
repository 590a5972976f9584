-- CreateIndex
CREATE INDEX "candidate_stage_event_stage_occurred_on_candidate_id_idx" ON "candidate_stage_event"("stage", "occurred_on", "candidate_id");
