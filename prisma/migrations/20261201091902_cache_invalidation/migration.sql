-- CreateTable
CREATE TABLE "CacheInvalidation" (
    "id" BIGSERIAL NOT NULL,
    "tags" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CacheInvalidation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CacheInvalidation_createdAt_idx" ON "CacheInvalidation"("createdAt");

