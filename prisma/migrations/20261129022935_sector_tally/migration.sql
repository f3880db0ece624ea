-- CreateTable
CREATE TABLE "SectorTally" (
    "sectorId" INTEGER NOT NULL,
    "verdict" TEXT NOT NULL,
    "citationMissing" BOOLEAN NOT NULL,
    "hasSources" BOOLEAN NOT NULL,
    "claims" INTEGER NOT NULL,

    CONSTRAINT "SectorTally_pkey" PRIMARY KEY ("sectorId","verdict","citationMissing","hasSources")
);

-- Hand-written: the triggers that keep the tally, and its backfill. Statement-level with transition tables like the
-- other summaries. A statement adds the tallied columns of its new rows and subtracts those of its old ones, so the
-- many updates that change none of them (a review note's updatedAt, the entity links' entityIds) net to nothing and
-- write nothing. Claim's sectorIds and sourceCount are kept by triggers on the link tables; their updates of Claim
-- fire these in turn.
CREATE FUNCTION "sector_tally_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- A trigger sees only the transition tables it declares: an insert has no old rows, a delete no new ones.
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS "delta" FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS "delta" FROM old_rows o'
    ELSE 'SELECT n.*, 1 AS "delta" FROM new_rows n UNION ALL SELECT o.*, -1 FROM old_rows o'
  END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO "SectorTally" AS t ("sectorId", "verdict", "citationMissing", "hasSources", "claims")
    SELECT s."sectorId", COALESCE(c."verdict"::text, 'none'), c."citationMissing", c."sourceCount" > 0, sum(c."delta")
    FROM (%s) c CROSS JOIN LATERAL unnest(c."sectorIds") AS s("sectorId")
    GROUP BY 1, 2, 3, 4
    HAVING sum(c."delta") <> 0
    ON CONFLICT ("sectorId", "verdict", "citationMissing", "hasSources")
      DO UPDATE SET "claims" = t."claims" + EXCLUDED."claims"
  $sql$, changes);
  RETURN NULL;
END $$;

CREATE TRIGGER "Claim_insert_sector_tally" AFTER INSERT ON "Claim"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "sector_tally_apply"();
CREATE TRIGGER "Claim_update_sector_tally" AFTER UPDATE ON "Claim"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "sector_tally_apply"();
CREATE TRIGGER "Claim_delete_sector_tally" AFTER DELETE ON "Claim"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "sector_tally_apply"();

INSERT INTO "SectorTally" ("sectorId", "verdict", "citationMissing", "hasSources", "claims")
SELECT s."sectorId", COALESCE(c."verdict"::text, 'none'), c."citationMissing", c."sourceCount" > 0, count(*)
FROM "Claim" c CROSS JOIN LATERAL unnest(c."sectorIds") AS s("sectorId")
GROUP BY 1, 2, 3, 4;
