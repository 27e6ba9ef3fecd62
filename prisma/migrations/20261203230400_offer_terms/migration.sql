-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "expectedBackMinor" INTEGER,
ADD COLUMN     "feature" TEXT,
ADD COLUMN     "graceDays" SMALLINT,
ADD COLUMN     "sessionMinutes" SMALLINT,
ADD COLUMN     "targetMrrMinor" INTEGER,
ALTER COLUMN "clvMinor" DROP NOT NULL;
