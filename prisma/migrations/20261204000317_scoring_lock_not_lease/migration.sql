-- DropIndex
DROP INDEX "ScoringRun_lease_key";

-- AlterTable
ALTER TABLE "ScoringRun" DROP COLUMN "lease";
