-- AlterTable
ALTER TABLE "Digest" ADD COLUMN     "summary" JSONB;

-- AlterTable
ALTER TABLE "DigestItem" ADD COLUMN     "escalatedAt" TIMESTAMPTZ(3);
