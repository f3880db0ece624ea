-- CreateIndex
CREATE INDEX "Claim_facet_links_idx" ON "Claim"("kind", "status", "verdict", "citationMissing", "sourceCount", "quantityCount", "documentId", "sectionId", "assigneeId", "updatedAt", "sectorIds", "entityIds");
