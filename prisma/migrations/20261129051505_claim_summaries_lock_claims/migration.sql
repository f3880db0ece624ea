-- Hand-written: the claim summaries (sectorIds, entityIds, sourceCount, quantityCount) are recounted from the link
-- tables, and a recount runs in its statement's snapshot. Two transactions linking the same claim at once each
-- recounted without the other's link; the second waited for the first's lock of the claim's row and then wrote its
-- recount over the first's (tests/integration/claim-link-summaries.test.ts). Each trigger now locks the claims first,
-- in a statement of its own: the recount after it takes a new snapshot (READ COMMITTED), which sees every link
-- committed before the lock was granted. Under REPEATABLE READ the lock fails with a serialization error instead,
-- and the transaction is retried. Claims are locked in id order so that two imports do not deadlock on each other.

CREATE FUNCTION "claim_lock_rows"("ids" integer[]) RETURNS void LANGUAGE sql AS $$
  SELECT 1 FROM "Claim" WHERE "id" = ANY ("ids") ORDER BY "id" FOR UPDATE;
$$;

CREATE OR REPLACE FUNCTION "claim_refresh_sector_ids"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claim_lock_rows"(ARRAY(SELECT DISTINCT "claimId" FROM changed_rows));
  UPDATE "Claim" c SET "sectorIds" = COALESCE(
      (SELECT array_agg(cs."sectorId" ORDER BY cs."sectorId") FROM "ClaimSector" cs WHERE cs."claimId" = c."id"), '{}')
  WHERE c."id" IN (SELECT "claimId" FROM changed_rows);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "claim_refresh_entity_ids"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claim_lock_rows"(ARRAY(SELECT DISTINCT "claimId" FROM changed_rows));
  UPDATE "Claim" c SET "entityIds" = COALESCE(
      (SELECT array_agg(ce."entityId" ORDER BY ce."entityId") FROM "ClaimEntity" ce WHERE ce."claimId" = c."id"), '{}')
  WHERE c."id" IN (SELECT "claimId" FROM changed_rows);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "claim_refresh_source_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claim_lock_rows"(ARRAY(SELECT DISTINCT "claimId" FROM changed_rows));
  UPDATE "Claim" c SET "sourceCount" = (SELECT count(*) FROM "ClaimSource" s WHERE s."claimId" = c."id")
  WHERE c."id" IN (SELECT "claimId" FROM changed_rows);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "claim_refresh_quantity_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claim_lock_rows"(ARRAY(SELECT DISTINCT "claimId" FROM changed_rows));
  UPDATE "Claim" c SET "quantityCount" = (SELECT count(*) FROM "Quantity" q WHERE q."claimId" = c."id")
  WHERE c."id" IN (SELECT "claimId" FROM changed_rows);
  RETURN NULL;
END $$;
