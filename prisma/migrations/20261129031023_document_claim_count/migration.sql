-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "claimCount" INTEGER NOT NULL DEFAULT 0;

-- Hand-written: the triggers that keep the count, and the backfill. Inserts and deletes add and subtract their rows
-- per document (statement-level, with transition tables), so concurrent imports into one document cannot lose each
-- other's claims as a recount in either's snapshot could. A claim moving to another document is the only update that
-- matters; a row trigger on that column alone leaves every other update of a claim untouched.
-- The trigger's argument is the sign: 1 for inserted rows, -1 for deleted ones.
CREATE FUNCTION "document_count_claims"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Document" d SET "claimCount" = d."claimCount" + TG_ARGV[0]::int * c."claims"
  FROM (SELECT "documentId", count(*)::int AS "claims" FROM changed_rows GROUP BY 1) c
  WHERE d."id" = c."documentId";
  RETURN NULL;
END $$;

CREATE FUNCTION "document_move_claim"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Document" SET "claimCount" = "claimCount" - 1 WHERE "id" = OLD."documentId";
  UPDATE "Document" SET "claimCount" = "claimCount" + 1 WHERE "id" = NEW."documentId";
  RETURN NULL;
END $$;

CREATE TRIGGER "Claim_insert_document_count" AFTER INSERT ON "Claim"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "document_count_claims"('1');
CREATE TRIGGER "Claim_delete_document_count" AFTER DELETE ON "Claim"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "document_count_claims"('-1');
CREATE TRIGGER "Claim_move_document_count" AFTER UPDATE OF "documentId" ON "Claim"
  FOR EACH ROW WHEN (OLD."documentId" IS DISTINCT FROM NEW."documentId") EXECUTE FUNCTION "document_move_claim"();

UPDATE "Document" d SET "claimCount" = (SELECT count(*) FROM "Claim" c WHERE c."documentId" = d."id");
