-- DropIndex
DROP INDEX "Product_currency_fromPriceMinor_idx";

-- DropIndex
DROP INDEX "Product_createdAt_idx";

-- DropIndex
DROP INDEX "Product_featured_idx";

-- DropIndex
DROP INDEX "ProductTranslation_searchVector_idx";

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "listed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "searchVector" tsvector,
ADD COLUMN     "sortPriceEur" BIGINT;

-- AlterTable
ALTER TABLE "ProductTranslation" DROP COLUMN "searchVector",
ADD COLUMN     "searchTitle" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Product_listed_featured_createdAt_id_idx" ON "Product"("listed", "featured" DESC, "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Product_listed_createdAt_id_idx" ON "Product"("listed", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Product_listed_sortPriceEur_id_idx" ON "Product"("listed", "sortPriceEur", "id");

-- CreateIndex
CREATE INDEX "Product_searchVector_idx" ON "Product" USING GIN ("searchVector");


-- Backfill what can be derived in SQL; `npm start` and `npm run db:migrate` then
-- rebuild the search text and the sort prices (lib/server/catalogue/derived.ts).
UPDATE "Product" p SET "listed" = (p.status = 'ACTIVE' AND s.status = 'ACTIVE') FROM "Seller" s WHERE s.id = p."sellerId";
