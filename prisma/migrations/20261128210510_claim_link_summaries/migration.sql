-- DropIndex
DROP INDEX "Claim_kind_idx";

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "entityIds" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "quantityCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sectorIds" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "sourceCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Claim_facet_columns_idx" ON "Claim"("kind", "status", "verdict", "citationMissing", "sourceCount", "quantityCount", "documentId");

-- CreateIndex
CREATE INDEX "Claim_sectorIds_idx" ON "Claim" USING GIN ("sectorIds");

-- CreateIndex
CREATE INDEX "Claim_entityIds_idx" ON "Claim" USING GIN ("entityIds");

-- Hand-written: the triggers that keep the summaries, and the backfill of existing claims.
-- Statement-level with transition tables, so an import that links 200,000 rows recomputes each claim once per
-- statement rather than once per row. PostgreSQL allows transition tables on one event per trigger, hence
-- three triggers per table sharing one function.

CREATE FUNCTION "claim_refresh_sector_ids"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Claim" c SET "sectorIds" = COALESCE(
      (SELECT array_agg(cs."sectorId" ORDER BY cs."sectorId") FROM "ClaimSector" cs WHERE cs."claimId" = c."id"), '{}')
  WHERE c."id" IN (SELECT "claimId" FROM changed_rows);
  RETURN NULL;
END $$;

CREATE FUNCTION "claim_refresh_entity_ids"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Claim" c SET "entityIds" = COALESCE(
      (SELECT array_agg(ce."entityId" ORDER BY ce."entityId") FROM "ClaimEntity" ce WHERE ce."claimId" = c."id"), '{}')
  WHERE c."id" IN (SELECT "claimId" FROM changed_rows);
  RETURN NULL;
END $$;

CREATE FUNCTION "claim_refresh_source_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Claim" c SET "sourceCount" = (SELECT count(*) FROM "ClaimSource" s WHERE s."claimId" = c."id")
  WHERE c."id" IN (SELECT "claimId" FROM changed_rows);
  RETURN NULL;
END $$;

CREATE FUNCTION "claim_refresh_quantity_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Claim" c SET "quantityCount" = (SELECT count(*) FROM "Quantity" q WHERE q."claimId" = c."id")
  WHERE c."id" IN (SELECT "claimId" FROM changed_rows);
  RETURN NULL;
END $$;

-- An update may move a link from one claim to another: the new rows name one, the old rows the other.
CREATE TRIGGER "ClaimSector_insert_summary" AFTER INSERT ON "ClaimSector"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_refresh_sector_ids"();
CREATE TRIGGER "ClaimSector_delete_summary" AFTER DELETE ON "ClaimSector"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_refresh_sector_ids"();
CREATE TRIGGER "ClaimSector_update_new_summary" AFTER UPDATE ON "ClaimSector"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_refresh_sector_ids"();
CREATE TRIGGER "ClaimSector_update_old_summary" AFTER UPDATE ON "ClaimSector"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_refresh_sector_ids"();

CREATE TRIGGER "ClaimEntity_insert_summary" AFTER INSERT ON "ClaimEntity"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_refresh_entity_ids"();
CREATE TRIGGER "ClaimEntity_delete_summary" AFTER DELETE ON "ClaimEntity"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_refresh_entity_ids"();
CREATE TRIGGER "ClaimEntity_update_new_summary" AFTER UPDATE ON "ClaimEntity"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_refresh_entity_ids"();
CREATE TRIGGER "ClaimEntity_update_old_summary" AFTER UPDATE ON "ClaimEntity"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_refresh_entity_ids"();

CREATE TRIGGER "ClaimSource_insert_summary" AFTER INSERT ON "ClaimSource"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_refresh_source_count"();
CREATE TRIGGER "ClaimSource_delete_summary" AFTER DELETE ON "ClaimSource"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_refresh_source_count"();
CREATE TRIGGER "ClaimSource_update_new_summary" AFTER UPDATE ON "ClaimSource"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_refresh_source_count"();
CREATE TRIGGER "ClaimSource_update_old_summary" AFTER UPDATE ON "ClaimSource"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_refresh_source_count"();

CREATE TRIGGER "Quantity_insert_summary" AFTER INSERT ON "Quantity"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_refresh_quantity_count"();
CREATE TRIGGER "Quantity_delete_summary" AFTER DELETE ON "Quantity"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_refresh_quantity_count"();
CREATE TRIGGER "Quantity_update_new_summary" AFTER UPDATE ON "Quantity"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_refresh_quantity_count"();
CREATE TRIGGER "Quantity_update_old_summary" AFTER UPDATE ON "Quantity"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_refresh_quantity_count"();

UPDATE "Claim" c SET
  "sectorIds" = COALESCE((SELECT array_agg(cs."sectorId" ORDER BY cs."sectorId") FROM "ClaimSector" cs WHERE cs."claimId" = c."id"), '{}'),
  "entityIds" = COALESCE((SELECT array_agg(ce."entityId" ORDER BY ce."entityId") FROM "ClaimEntity" ce WHERE ce."claimId" = c."id"), '{}'),
  "sourceCount" = (SELECT count(*) FROM "ClaimSource" s WHERE s."claimId" = c."id"),
  "quantityCount" = (SELECT count(*) FROM "Quantity" q WHERE q."claimId" = c."id");
