-- CreateIndex
CREATE INDEX "Product_featured_idx" ON "Product"("featured");

