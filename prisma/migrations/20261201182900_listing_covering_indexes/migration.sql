-- DropIndex
DROP INDEX "Product_listed_sortPriceEur_id_idx";

-- CreateIndex
CREATE INDEX "Product_listed_sortPriceEur_id_kind_fromPriceMinor_currency_idx" ON "Product"("listed", "sortPriceEur", "id", "kind", "fromPriceMinor", "currency");

-- CreateIndex
CREATE INDEX "Product_listed_originCountry_kind_sortPriceEur_id_fromPrice_idx" ON "Product"("listed", "originCountry", "kind", "sortPriceEur", "id", "fromPriceMinor", "currency", "featured", "createdAt", "categoryId");

-- CreateIndex
CREATE INDEX "Product_listed_categoryId_kind_sortPriceEur_id_fromPriceMin_idx" ON "Product"("listed", "categoryId", "kind", "sortPriceEur", "id", "fromPriceMinor", "currency", "featured", "createdAt", "originCountry");

-- CreateIndex
CREATE INDEX "Product_listed_sellerId_idx" ON "Product"("listed", "sellerId");

-- CreateIndex
CREATE INDEX "Product_listed_categoryId_idx" ON "Product"("listed", "categoryId");
