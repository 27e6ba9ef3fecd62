-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "cardExpiryId" UUID,
ADD COLUMN     "checkoutId" UUID,
ADD COLUMN     "mergeValues" JSONB,
ADD COLUMN     "providerBatchId" TEXT,
ADD COLUMN     "slackChannelId" TEXT;

-- CreateIndex
CREATE INDEX "EmailMessage_paymentFailureId_idx" ON "EmailMessage"("paymentFailureId");

-- CreateIndex
CREATE INDEX "EmailMessage_checkoutId_idx" ON "EmailMessage"("checkoutId");

-- CreateIndex
CREATE INDEX "EmailMessage_providerBatchId_idx" ON "EmailMessage"("providerBatchId");

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_checkoutId_fkey" FOREIGN KEY ("checkoutId") REFERENCES "Checkout"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_cardExpiryId_fkey" FOREIGN KEY ("cardExpiryId") REFERENCES "CardExpiry"("id") ON DELETE SET NULL ON UPDATE CASCADE;
