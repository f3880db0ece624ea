-- DropIndex
DROP INDEX "Claim_sectionId_idx";

-- DropIndex
DROP INDEX "Claim_status_verdict_idx";

-- CreateIndex
CREATE INDEX "Claim_sectionId_citationMissing_sourceCount_idx" ON "Claim"("sectionId", "citationMissing", "sourceCount");

-- CreateIndex
CREATE INDEX "Claim_status_verdict_updatedAt_idx" ON "Claim"("status", "verdict", "updatedAt");
