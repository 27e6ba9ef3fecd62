-- DropForeignKey
ALTER TABLE "AccountScore" DROP CONSTRAINT "AccountScore_accountId_fkey";

-- AlterTable
ALTER TABLE "Offer" ALTER COLUMN "costMinor" SET DATA TYPE BIGINT,
ALTER COLUMN "clvMinor" SET DATA TYPE BIGINT,
ALTER COLUMN "expectedBackMinor" SET DATA TYPE BIGINT;

-- DropTable
DROP TABLE "AccountScore";

-- CreateTable
CREATE TABLE "StoredAccountScore" (
    "accountId" UUID NOT NULL,
    "currency" TEXT NOT NULL,
    "paretoPriority" BOOLEAN NOT NULL,
    "rfmRecency" SMALLINT NOT NULL,
    "rfmFrequency" SMALLINT NOT NULL,
    "rfmMonetary" SMALLINT NOT NULL,
    "rfmSegment" TEXT NOT NULL,
    "revenueSoFarMinor" BIGINT NOT NULL,
    "revenueSource" TEXT NOT NULL,
    "lostMrrMinor" INTEGER,
    "scoredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StoredAccountScore_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "ScoringCurrency" (
    "currency" TEXT NOT NULL,
    "arpaMinor" INTEGER NOT NULL,
    "grossMargin" DOUBLE PRECISION NOT NULL,
    "monthlyChurnRate" DOUBLE PRECISION NOT NULL,
    "churnRateFloored" BOOLEAN NOT NULL,
    "churnRateSource" TEXT NOT NULL,
    "futureValueMinor" BIGINT NOT NULL,
    "measuredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ScoringCurrency_pkey" PRIMARY KEY ("currency")
);

-- CreateView, by hand: Prisma migrates no views. Readers see the scores through it, as the `score` relation
-- of an account (a relation to a view has no foreign key). CLV and lost value are computed here, exactly as
-- computeCustomerLifetimeValue and computeLostValue do (test/scoring/rescore-equivalence.test.ts). The
-- scores are derived, so the table starts empty and the app rescores at start.
CREATE VIEW "AccountScore" AS
SELECT s."accountId",
  s."revenueSoFarMinor" + c."futureValueMinor" AS "clvMinor",
  s."paretoPriority", s."rfmRecency", s."rfmFrequency", s."rfmMonetary", s."rfmSegment",
  s."revenueSoFarMinor", s."revenueSource", s."lostMrrMinor",
  -- Rounded half away from zero, as roundMinor does (x - floor(x) is exact in binary floating point);
  -- NULL for an account that lost no MRR.
  lost.rounded::int8 AS "lostValueMinor",
  c."arpaMinor", c."grossMargin", c."monthlyChurnRate", c."churnRateFloored", c."churnRateSource",
  c."futureValueMinor", s."scoredAt"
FROM "StoredAccountScore" s
JOIN "ScoringCurrency" c ON c.currency = s.currency
CROSS JOIN LATERAL (SELECT (s."lostMrrMinor"::float8 * c."grossMargin") / c."monthlyChurnRate" AS value) exact
CROSS JOIN LATERAL (
  SELECT sign(exact.value) * (floor(abs(exact.value)) + CASE WHEN abs(exact.value) - floor(abs(exact.value)) >= 0.5 THEN 1 ELSE 0 END)
    AS rounded
) lost;

-- Deleting accounts deletes their scores, as the foreign key's ON DELETE CASCADE did, by hand as well: once
-- per DELETE statement, from the rows it deleted, so writing a score checks nothing. TRUNCATE "Account"
-- (which needs CASCADE for the tables that still have a foreign key to it) empties the scores too. Each
-- function keeps the search_path it was created with, so it finds the scores' table whatever the deleting
-- session's is.
CREATE FUNCTION "deleteScoresOfDeletedAccounts"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  DELETE FROM "StoredAccountScore" s USING deleted WHERE s."accountId" = deleted.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Account_deleteScores" AFTER DELETE ON "Account" REFERENCING OLD TABLE AS deleted
  FOR EACH STATEMENT EXECUTE FUNCTION "deleteScoresOfDeletedAccounts"();

CREATE FUNCTION "deleteAllScores"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  TRUNCATE "StoredAccountScore";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Account_truncateScores" AFTER TRUNCATE ON "Account"
  FOR EACH STATEMENT EXECUTE FUNCTION "deleteAllScores"();
