-- DropForeignKey
ALTER TABLE "AccountScore" DROP CONSTRAINT "AccountScore_accountId_fkey";

-- DropTable
DROP TABLE "AccountScore";

-- CreateTable
CREATE TABLE "StoredAccountScore" (
    "accountId" UUID NOT NULL,
    "clvMinor" INTEGER,
    "paretoPriority" BOOLEAN,
    "rfmRecency" SMALLINT NOT NULL,
    "rfmFrequency" SMALLINT NOT NULL,
    "rfmMonetary" SMALLINT NOT NULL,
    "rfmSegment" TEXT NOT NULL,
    "revenueSoFarMinor" INTEGER NOT NULL,
    "revenueSource" TEXT NOT NULL,
    "lostMrrMinor" INTEGER,
    "lostValueMinor" INTEGER,
    "arpaMinor" INTEGER NOT NULL,
    "grossMargin" DOUBLE PRECISION NOT NULL,
    "monthlyChurnRate" DOUBLE PRECISION NOT NULL,
    "churnRateFloored" BOOLEAN NOT NULL,
    "churnRateSource" TEXT NOT NULL,
    "futureValueMinor" INTEGER NOT NULL,
    "scoredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StoredAccountScore_pkey" PRIMARY KEY ("accountId")
);

-- CreateView (by hand: Prisma migrates no views). Readers see the scores through it, as the `score` relation
-- of an account; a relation to a view has no foreign key. The scores are derived, so the table starts empty
-- and the app rescores at start.
CREATE VIEW "AccountScore" AS SELECT * FROM "StoredAccountScore";

-- Deleting accounts deletes their scores, as the foreign key's ON DELETE CASCADE did, by hand as well: once
-- per DELETE statement, from the rows it deleted, so writing a score checks nothing.
CREATE FUNCTION "deleteScoresOfDeletedAccounts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "StoredAccountScore" s USING deleted WHERE s."accountId" = deleted.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Account_deleteScores" AFTER DELETE ON "Account" REFERENCING OLD TABLE AS deleted
  FOR EACH STATEMENT EXECUTE FUNCTION "deleteScoresOfDeletedAccounts"();
