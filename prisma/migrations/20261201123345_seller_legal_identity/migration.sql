-- AlterTable
ALTER TABLE "Seller" ADD COLUMN     "legalAddress" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "legalName" TEXT,
ADD COLUMN     "returnDays" INTEGER NOT NULL DEFAULT 14,
ADD COLUMN     "returnShippingPaidBy" TEXT NOT NULL DEFAULT 'BUYER',
ADD COLUMN     "trader" BOOLEAN NOT NULL DEFAULT true;


-- Sellers already there are named by their shop name until they give their registered one.
UPDATE "Seller" SET "legalName" = "name" WHERE "legalName" IS NULL;
