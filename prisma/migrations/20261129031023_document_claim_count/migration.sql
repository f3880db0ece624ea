-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "claimCount" INTEGER NOT NULL DEFAULT 0;

-- Hand-written: the triggers that keep the count, and the backfill. Inserts and deletes add and subtract their rows
-- per document (statement-level, with transition tables), so concurrent imports into one document cannot lose each
-- other's claims as a recount in either's snapshot could. A claim moving to another document is the only update that
-- matters; a row trigger on that column alone leaves every other update of a claim untouched.
CREATE FUNCTION "document_add_claims"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Document" d SET "claimCount" = d."claimCount" + n."claims"
  FROM (SELECT "documentId", count(*)::int AS "claims" FROM new_rows GROUP BY 1) n
  WHERE d."id" = n."documentId";
  RETURN NULL;
END $$;

CREATE FUNCTION "document_subtract_claims"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Document" d SET "claimCount" = d."claimCount" - o."claims"
  FROM (SELECT "documentId", count(*)::int AS "claims" FROM old_rows GROUP BY 1) o
  WHERE d."id" = o."documentId";
  RETURN NULL;
END $$;

CREATE FUNCTION "document_move_claim"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Document" SET "claimCount" = "claimCount" - 1 WHERE "id" = OLD."documentId";
  UPDATE "Document" SET "claimCount" = "claimCount" + 1 WHERE "id" = NEW."documentId";
  RETURN NULL;
END $$;

CREATE TRIGGER "Claim_insert_document_count" AFTER INSERT ON "Claim"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "document_add_claims"();
CREATE TRIGGER "Claim_delete_document_count" AFTER DELETE ON "Claim"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "document_subtract_claims"();
CREATE TRIGGER "Claim_move_document_count" AFTER UPDATE OF "documentId" ON "Claim"
  FOR EACH ROW WHEN (OLD."documentId" IS DISTINCT FROM NEW."documentId") EXECUTE FUNCTION "document_move_claim"();

UPDATE "Document" d SET "claimCount" = (SELECT count(*) FROM "Claim" c WHERE c."documentId" = d."id");
