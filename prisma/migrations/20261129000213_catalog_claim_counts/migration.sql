-- AlterTable
ALTER TABLE "Entity" ADD COLUMN     "claimCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Sector" ADD COLUMN     "claimCount" INTEGER NOT NULL DEFAULT 0;

-- Hand-written: the triggers that keep the counts, and the backfill. Statement-level with transition tables like the
-- claims' own link summaries (20261128210510_claim_link_summaries), so an import recounts each sector or entity once
-- per statement. Each count is recomputed from the link table's (id, claimId) index rather than incremented, so a
-- count can never drift from the links.

CREATE FUNCTION "sector_refresh_claim_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Sector" s SET "claimCount" = (SELECT count(*) FROM "ClaimSector" cs WHERE cs."sectorId" = s."id")
  WHERE s."id" IN (SELECT "sectorId" FROM changed_rows);
  RETURN NULL;
END $$;

CREATE FUNCTION "entity_refresh_claim_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Entity" e SET "claimCount" = (SELECT count(*) FROM "ClaimEntity" ce WHERE ce."entityId" = e."id")
  WHERE e."id" IN (SELECT "entityId" FROM changed_rows);
  RETURN NULL;
END $$;

CREATE TRIGGER "ClaimSector_insert_count" AFTER INSERT ON "ClaimSector"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "sector_refresh_claim_count"();
CREATE TRIGGER "ClaimSector_delete_count" AFTER DELETE ON "ClaimSector"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "sector_refresh_claim_count"();
CREATE TRIGGER "ClaimSector_update_new_count" AFTER UPDATE ON "ClaimSector"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "sector_refresh_claim_count"();
CREATE TRIGGER "ClaimSector_update_old_count" AFTER UPDATE ON "ClaimSector"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "sector_refresh_claim_count"();

CREATE TRIGGER "ClaimEntity_insert_count" AFTER INSERT ON "ClaimEntity"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "entity_refresh_claim_count"();
CREATE TRIGGER "ClaimEntity_delete_count" AFTER DELETE ON "ClaimEntity"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "entity_refresh_claim_count"();
CREATE TRIGGER "ClaimEntity_update_new_count" AFTER UPDATE ON "ClaimEntity"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "entity_refresh_claim_count"();
CREATE TRIGGER "ClaimEntity_update_old_count" AFTER UPDATE ON "ClaimEntity"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "entity_refresh_claim_count"();

UPDATE "Sector" s SET "claimCount" = (SELECT count(*) FROM "ClaimSector" cs WHERE cs."sectorId" = s."id");
UPDATE "Entity" e SET "claimCount" = (SELECT count(*) FROM "ClaimEntity" ce WHERE ce."entityId" = e."id");
