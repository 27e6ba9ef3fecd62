-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "contactUpdatedAt" TIMESTAMPTZ(3);
