-- Hand-written: Sector.claimCount and Entity.claimCount follow their links by adding and subtracting, as
-- Document.claimCount does, instead of recounting. A recount runs in its statement's snapshot: two transactions
-- linking claims to one sector at once each counted without the other's link, and the one that committed last wrote
-- its count over the other's (tests/integration/claim-link-summaries.test.ts). An update of a link subtracts its old
-- row and adds its new one, each through its own trigger as before.

-- The trigger's argument is the sign: 1 for new rows, -1 for old ones.
CREATE FUNCTION "sector_count_claims"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Sector" s SET "claimCount" = s."claimCount" + TG_ARGV[0]::int * c."claims"
  FROM (SELECT "sectorId", count(*)::int AS "claims" FROM changed_rows GROUP BY 1) c
  WHERE s."id" = c."sectorId";
  RETURN NULL;
END $$;

CREATE FUNCTION "entity_count_claims"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Entity" e SET "claimCount" = e."claimCount" + TG_ARGV[0]::int * c."claims"
  FROM (SELECT "entityId", count(*)::int AS "claims" FROM changed_rows GROUP BY 1) c
  WHERE e."id" = c."entityId";
  RETURN NULL;
END $$;

DROP TRIGGER "ClaimSector_insert_count" ON "ClaimSector";
DROP TRIGGER "ClaimSector_delete_count" ON "ClaimSector";
DROP TRIGGER "ClaimSector_update_new_count" ON "ClaimSector";
DROP TRIGGER "ClaimSector_update_old_count" ON "ClaimSector";
DROP TRIGGER "ClaimEntity_insert_count" ON "ClaimEntity";
DROP TRIGGER "ClaimEntity_delete_count" ON "ClaimEntity";
DROP TRIGGER "ClaimEntity_update_new_count" ON "ClaimEntity";
DROP TRIGGER "ClaimEntity_update_old_count" ON "ClaimEntity";
DROP FUNCTION "sector_refresh_claim_count"();
DROP FUNCTION "entity_refresh_claim_count"();

CREATE TRIGGER "ClaimSector_insert_count" AFTER INSERT ON "ClaimSector"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "sector_count_claims"('1');
CREATE TRIGGER "ClaimSector_delete_count" AFTER DELETE ON "ClaimSector"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "sector_count_claims"('-1');
CREATE TRIGGER "ClaimSector_update_new_count" AFTER UPDATE ON "ClaimSector"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "sector_count_claims"('1');
CREATE TRIGGER "ClaimSector_update_old_count" AFTER UPDATE ON "ClaimSector"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "sector_count_claims"('-1');

CREATE TRIGGER "ClaimEntity_insert_count" AFTER INSERT ON "ClaimEntity"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "entity_count_claims"('1');
CREATE TRIGGER "ClaimEntity_delete_count" AFTER DELETE ON "ClaimEntity"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "entity_count_claims"('-1');
CREATE TRIGGER "ClaimEntity_update_new_count" AFTER UPDATE ON "ClaimEntity"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "entity_count_claims"('1');
CREATE TRIGGER "ClaimEntity_update_old_count" AFTER UPDATE ON "ClaimEntity"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "entity_count_claims"('-1');

-- Any count a race already got wrong is right again.
UPDATE "Sector" s SET "claimCount" = (SELECT count(*) FROM "ClaimSector" cs WHERE cs."sectorId" = s."id");
UPDATE "Entity" e SET "claimCount" = (SELECT count(*) FROM "ClaimEntity" ce WHERE ce."entityId" = e."id");
