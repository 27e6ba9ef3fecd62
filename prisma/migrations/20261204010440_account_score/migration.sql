-- AlterTable
ALTER TABLE "Account" DROP COLUMN "clvInputs",
DROP COLUMN "clvMinor",
DROP COLUMN "paretoPriority",
DROP COLUMN "rfmFrequency",
DROP COLUMN "rfmMonetary",
DROP COLUMN "rfmRecency",
DROP COLUMN "rfmSegment",
DROP COLUMN "scoredAt";

-- CreateTable
CREATE TABLE "AccountScore" (
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

    CONSTRAINT "AccountScore_pkey" PRIMARY KEY ("accountId")
);

-- AddForeignKey
ALTER TABLE "AccountScore" ADD CONSTRAINT "AccountScore_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
