-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "AccountStatus" AS ENUM ('trialing', 'active', 'past_due', 'churned');

-- CreateEnum
CREATE TYPE "ChurnReason" AS ENUM ('price', 'missing_feature', 'support', 'competitor', 'usability', 'involuntary', 'unused', 'low_quality', 'other');

-- CreateEnum
CREATE TYPE "PaymentFailureStatus" AS ENUM ('open', 'recovered', 'void', 'uncollectible');

-- CreateEnum
CREATE TYPE "FeedbackSource" AS ENUM ('call', 'survey', 'email', 'chat', 'billing');

-- CreateEnum
CREATE TYPE "OfferType" AS ENUM ('percent_discount', 'lower_tier', 'annual_incentive', 'extended_trial', 'session', 'beta_access', 'payment_grace');

-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('proposed', 'pending_approval', 'approved', 'rejected', 'expired', 'sent', 'accepted', 'replaced');

-- CreateEnum
CREATE TYPE "OfferDecisionKind" AS ENUM ('approved', 'rejected');

-- CreateEnum
CREATE TYPE "EmailKind" AS ENUM ('winback', 'dunning', 'checkout', 'card_expiry');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('queued', 'sending', 'sent', 'processed', 'delivered', 'opened', 'clicked', 'bounced', 'dropped', 'spam_reported', 'unsubscribed', 'failed', 'needs_review', 'cancelled');

-- CreateEnum
CREATE TYPE "DigestStatus" AS ENUM ('posting', 'posted', 'failed');

-- CreateTable
CREATE TABLE "Account" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "source" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT,
    "company" TEXT,
    "contactName" TEXT,
    "email" TEXT,
    "timezone" TEXT,
    "locale" TEXT,
    "plan" TEXT,
    "mrrMinor" INTEGER NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "seats" INTEGER,
    "totalPaidMinor" INTEGER,
    "paymentCount" INTEGER,
    "tenureMonths" INTEGER,
    "lastPaymentAt" TIMESTAMPTZ(3),
    "startedAt" TIMESTAMPTZ(3),
    "churnedAt" TIMESTAMPTZ(3),
    "churnSeenAt" TIMESTAMPTZ(3),
    "reactivatedAt" TIMESTAMPTZ(3),
    "status" "AccountStatus" NOT NULL DEFAULT 'active',
    "churnReason" "ChurnReason",
    "churnReasonText" TEXT,
    "emailConsent" BOOLEAN NOT NULL DEFAULT true,
    "unsubscribedAt" TIMESTAMPTZ(3),
    "bouncedAt" TIMESTAMPTZ(3),
    "sourceUpdatedAt" TIMESTAMPTZ(3),
    "lostMrrMinor" INTEGER,
    "clvMinor" INTEGER,
    "clvInputs" JSONB,
    "rfmRecency" SMALLINT,
    "rfmFrequency" SMALLINT,
    "rfmMonetary" SMALLINT,
    "rfmSegment" TEXT,
    "paretoPriority" BOOLEAN NOT NULL DEFAULT false,
    "scoredAt" TIMESTAMPTZ(3),
    "threadChannelId" TEXT,
    "threadTs" TEXT,
    "attributes" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BillingEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "source" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "BillingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentFailure" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "declineCode" TEXT,
    "failureMessage" TEXT,
    "attemptCount" INTEGER NOT NULL DEFAULT 1,
    "nextRetryAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "PaymentFailureStatus" NOT NULL DEFAULT 'open',
    "resolvedAt" TIMESTAMPTZ(3),
    "sourceUpdatedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PaymentFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CardExpiry" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "paymentMethodId" TEXT NOT NULL,
    "brand" TEXT,
    "last4" VARCHAR(4),
    "expMonth" SMALLINT NOT NULL,
    "expYear" SMALLINT NOT NULL,
    "remindedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CardExpiry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Checkout" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID,
    "source" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "email" TEXT,
    "status" TEXT NOT NULL,
    "amountMinor" INTEGER,
    "currency" CHAR(3),
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Checkout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "activeAccountId" UUID,
    "ownerSlackId" TEXT NOT NULL,
    "claimedBySlackId" TEXT NOT NULL,
    "claimedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" TIMESTAMPTZ(3),
    "releasedBySlackId" TEXT,
    "escalatedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "authorSlackId" TEXT NOT NULL,
    "reason" "ChurnReason" NOT NULL,
    "details" TEXT,
    "competitor" TEXT,
    "requestedFeature" TEXT,
    "source" "FeedbackSource" NOT NULL,
    "openToReturn" BOOLEAN,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "proposerSlackId" TEXT NOT NULL,
    "type" "OfferType" NOT NULL,
    "percentOff" SMALLINT,
    "durationMonths" SMALLINT,
    "targetPlan" TEXT,
    "trialDays" SMALLINT,
    "note" TEXT,
    "costMinor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "clvMinor" INTEGER NOT NULL,
    "status" "OfferStatus" NOT NULL DEFAULT 'proposed',
    "autoApproved" BOOLEAN NOT NULL DEFAULT false,
    "approvalChannelId" TEXT,
    "approvalTs" TEXT,
    "approvalExpiresAt" TIMESTAMPTZ(3),
    "code" TEXT,
    "codeExpiresAt" TIMESTAMPTZ(3),
    "codeRedeemedAt" TIMESTAMPTZ(3),
    "replacedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferDecision" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "offerId" UUID NOT NULL,
    "deciderSlackId" TEXT NOT NULL,
    "decision" "OfferDecisionKind" NOT NULL,
    "reason" TEXT,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfferDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "offerId" UUID,
    "paymentFailureId" UUID,
    "kind" "EmailKind" NOT NULL,
    "template" TEXT NOT NULL,
    "variant" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "toEmail" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'queued',
    "providerMessageId" TEXT,
    "lastError" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "scheduledFor" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "createdBySlackId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "messageId" UUID,
    "providerEventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Digest" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "channelId" TEXT NOT NULL,
    "localDate" DATE NOT NULL,
    "timezone" TEXT NOT NULL,
    "status" "DigestStatus" NOT NULL DEFAULT 'posting',
    "messageTs" TEXT,
    "itemCount" INTEGER NOT NULL DEFAULT 0,
    "periodStart" TIMESTAMPTZ(3),
    "periodEnd" TIMESTAMPTZ(3) NOT NULL,
    "postedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Digest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestItem" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "digestId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "messageTs" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "DigestItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WinbackOutcome" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "recoveredMrrMinor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "offerId" UUID,
    "sourceKey" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WinbackOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedSegment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "description" TEXT,
    "filter" JSONB NOT NULL,
    "createdBy" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SavedSegment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Account_status_churnSeenAt_idx" ON "Account"("status", "churnSeenAt");

-- CreateIndex
CREATE INDEX "Account_email_idx" ON "Account"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Account_source_externalId_key" ON "Account"("source", "externalId");

-- CreateIndex
CREATE INDEX "BillingEvent_processedAt_idx" ON "BillingEvent"("processedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BillingEvent_source_eventId_key" ON "BillingEvent"("source", "eventId");

-- CreateIndex
CREATE INDEX "PaymentFailure_status_failedAt_idx" ON "PaymentFailure"("status", "failedAt");

-- CreateIndex
CREATE INDEX "PaymentFailure_accountId_idx" ON "PaymentFailure"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentFailure_source_invoiceId_key" ON "PaymentFailure"("source", "invoiceId");

-- CreateIndex
CREATE INDEX "CardExpiry_accountId_idx" ON "CardExpiry"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "CardExpiry_source_paymentMethodId_key" ON "CardExpiry"("source", "paymentMethodId");

-- CreateIndex
CREATE UNIQUE INDEX "Checkout_source_externalId_key" ON "Checkout"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_activeAccountId_key" ON "Claim"("activeAccountId");

-- CreateIndex
CREATE INDEX "Claim_accountId_idx" ON "Claim"("accountId");

-- CreateIndex
CREATE INDEX "Claim_ownerSlackId_releasedAt_idx" ON "Claim"("ownerSlackId", "releasedAt");

-- CreateIndex
CREATE INDEX "Feedback_accountId_idx" ON "Feedback"("accountId");

-- CreateIndex
CREATE INDEX "Feedback_reason_createdAt_idx" ON "Feedback"("reason", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_code_key" ON "Offer"("code");

-- CreateIndex
CREATE INDEX "Offer_accountId_status_idx" ON "Offer"("accountId", "status");

-- CreateIndex
CREATE INDEX "Offer_status_approvalExpiresAt_idx" ON "Offer"("status", "approvalExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "OfferDecision_offerId_key" ON "OfferDecision"("offerId");

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_idempotencyKey_key" ON "EmailMessage"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_providerMessageId_key" ON "EmailMessage"("providerMessageId");

-- CreateIndex
CREATE INDEX "EmailMessage_accountId_createdAt_idx" ON "EmailMessage"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "EmailMessage_status_scheduledFor_idx" ON "EmailMessage"("status", "scheduledFor");

-- CreateIndex
CREATE INDEX "EmailMessage_template_variant_idx" ON "EmailMessage"("template", "variant");

-- CreateIndex
CREATE UNIQUE INDEX "EmailEvent_providerEventId_key" ON "EmailEvent"("providerEventId");

-- CreateIndex
CREATE INDEX "EmailEvent_messageId_idx" ON "EmailEvent"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "Digest_channelId_localDate_key" ON "Digest"("channelId", "localDate");

-- CreateIndex
CREATE INDEX "DigestItem_accountId_idx" ON "DigestItem"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "DigestItem_digestId_accountId_kind_key" ON "DigestItem"("digestId", "accountId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "WinbackOutcome_sourceKey_key" ON "WinbackOutcome"("sourceKey");

-- CreateIndex
CREATE INDEX "WinbackOutcome_occurredAt_idx" ON "WinbackOutcome"("occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "SavedSegment_name_key" ON "SavedSegment"("name");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_at_idx" ON "AuditEntry"("entityType", "entityId", "at");

-- AddForeignKey
ALTER TABLE "PaymentFailure" ADD CONSTRAINT "PaymentFailure_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardExpiry" ADD CONSTRAINT "CardExpiry_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Checkout" ADD CONSTRAINT "Checkout_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferDecision" ADD CONSTRAINT "OfferDecision_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_paymentFailureId_fkey" FOREIGN KEY ("paymentFailureId") REFERENCES "PaymentFailure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailEvent" ADD CONSTRAINT "EmailEvent_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "EmailMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestItem" ADD CONSTRAINT "DigestItem_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "Digest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestItem" ADD CONSTRAINT "DigestItem_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WinbackOutcome" ADD CONSTRAINT "WinbackOutcome_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
