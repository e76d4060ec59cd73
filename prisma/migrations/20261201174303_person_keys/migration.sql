-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "retainUntil" TIMESTAMPTZ(3),
ADD COLUMN     "subjectId" TEXT;

-- AlterTable
ALTER TABLE "user" ADD COLUMN     "emailSealed" TEXT,
ADD COLUMN     "subjectId" TEXT;

-- CreateTable
CREATE TABLE "DataSubject" (
    "id" TEXT NOT NULL,
    "emailIndex" TEXT,
    "wrappedKey" TEXT,
    "masterKeyId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "erasedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DataSubject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeyMaterial" (
    "name" TEXT NOT NULL,
    "wrapped" TEXT NOT NULL,
    "masterKeyId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KeyMaterial_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "PrivacyRequest" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "userId" TEXT,
    "tokenHash" TEXT,
    "expiresAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),
    "kept" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "PrivacyRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DataSubject_emailIndex_key" ON "DataSubject"("emailIndex");

-- CreateIndex
CREATE INDEX "DataSubject_masterKeyId_idx" ON "DataSubject"("masterKeyId");

-- CreateIndex
CREATE UNIQUE INDEX "PrivacyRequest_tokenHash_key" ON "PrivacyRequest"("tokenHash");

-- CreateIndex
CREATE INDEX "PrivacyRequest_subjectId_idx" ON "PrivacyRequest"("subjectId");

-- CreateIndex
CREATE INDEX "Order_subjectId_idx" ON "Order"("subjectId");

-- CreateIndex
CREATE INDEX "Order_retainUntil_idx" ON "Order"("retainUntil");

-- CreateIndex
CREATE UNIQUE INDEX "user_subjectId_key" ON "user"("subjectId");


-- Contract evidence stays append-only, with two exceptions that keep it lawful:
-- * moving its sealed fields under the buyer's own key (`npm run privacy:migrate`, which
--   re-signs the row): only inside a transaction that sets caravan.reseal to 'on', and only
--   the sealed fields and the signature may change;
-- * deleting it once its order's retention has ended (the retention job).
CREATE OR REPLACE FUNCTION "ContractAcceptance_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('caravan.reseal', true) = 'on'
     AND NEW."id" = OLD."id" AND NEW."orderId" = OLD."orderId" AND NEW."termsVersionId" = OLD."termsVersionId"
     AND NEW."text" = OLD."text" AND NEW."textSha256" = OLD."textSha256" AND NEW."locale" = OLD."locale"
     AND NEW."jurisdiction" = OLD."jurisdiction" AND NEW."acceptedAt" = OLD."acceptedAt"
     AND NEW."totals" = OLD."totals" AND NEW."consents" = OLD."consents" THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' AND EXISTS (
       SELECT 1 FROM "Order" o WHERE o."id" = OLD."orderId" AND o."retainUntil" IS NOT NULL AND o."retainUntil" <= now()) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'ContractAcceptance is append-only: % refused', TG_OP
    USING HINT = 'An acceptance is evidence of a contract; record a new one instead of changing it.';
END;
$$;
