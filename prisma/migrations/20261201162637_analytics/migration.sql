-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ProductDayStat" (
    "productId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "country" CHAR(2) NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "carts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProductDayStat_pkey" PRIMARY KEY ("productId","day","country")
);

-- CreateTable
CREATE TABLE "SalesWeek" (
    "sellerId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "destination" CHAR(2) NOT NULL,
    "week" DATE NOT NULL,
    "orders" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "revenueMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "withdrawnUnits" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SalesWeek_pkey" PRIMARY KEY ("productId","destination","week")
);

-- CreateTable
CREATE TABLE "ForecastResult" (
    "productId" TEXT NOT NULL,
    "destination" CHAR(2) NOT NULL,
    "sellerId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "mase" DOUBLE PRECISION,
    "smape" DOUBLE PRECISION,
    "payload" JSONB NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ForecastResult_pkey" PRIMARY KEY ("productId","destination")
);

-- CreateIndex
CREATE INDEX "ProductDayStat_day_idx" ON "ProductDayStat"("day");

-- CreateIndex
CREATE INDEX "SalesWeek_sellerId_week_idx" ON "SalesWeek"("sellerId", "week");

-- CreateIndex
CREATE INDEX "ForecastResult_sellerId_idx" ON "ForecastResult"("sellerId");

