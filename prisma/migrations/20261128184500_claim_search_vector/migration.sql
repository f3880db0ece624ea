-- Hand-written: a stored, generated tsvector of the claim text. Ranking search results needs each matching claim's
-- vector; computing to_tsvector per row made a broad search take seconds at 100k claims. Prisma cannot declare a
-- generated column: schema.prisma describes it as a dbgenerated default with the same expression, which is how its
-- engine reads the column back, so the drift check stays clean.
ALTER TABLE "Claim" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "text")) STORED;

-- CreateIndex
CREATE INDEX "Claim_searchVector_idx" ON "Claim" USING GIN ("searchVector");

-- The expression index it replaces.
DROP INDEX "Claim_text_fts_idx";
