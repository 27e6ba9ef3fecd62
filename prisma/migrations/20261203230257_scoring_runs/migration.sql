-- CreateTable
CREATE TABLE "ScoringRun" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "asOf" TIMESTAMPTZ(3) NOT NULL,
    "lease" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "accounts" INTEGER NOT NULL DEFAULT 0,
    "written" INTEGER NOT NULL DEFAULT 0,
    "stats" JSONB,

    CONSTRAINT "ScoringRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScoringRun_lease_key" ON "ScoringRun"("lease");

-- CreateIndex
CREATE INDEX "ScoringRun_kind_finishedAt_idx" ON "ScoringRun"("kind", "finishedAt");
