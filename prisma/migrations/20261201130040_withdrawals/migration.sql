-- CreateEnum
CREATE TYPE "WithdrawalStatus" AS ENUM ('REQUESTED', 'RETURN_RECEIVED', 'REFUNDED');

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "digitalConsent" BOOLEAN;

-- AlterTable
ALTER TABLE "SubOrder" ADD COLUMN     "deliveredAt" TIMESTAMPTZ(3),
ADD COLUMN     "standardShippingMinor" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "withdrawnQuantity" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Withdrawal" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "subOrderId" TEXT NOT NULL,
    "requestToken" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "status" "WithdrawalStatus" NOT NULL DEFAULT 'REQUESTED',
    "refundMinor" INTEGER NOT NULL DEFAULT 0,
    "refundId" TEXT,
    "reversalId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "receivedAt" TIMESTAMPTZ(3),
    "refundedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Withdrawal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Withdrawal_orderId_idx" ON "Withdrawal"("orderId");

-- CreateIndex
CREATE INDEX "Withdrawal_subOrderId_idx" ON "Withdrawal"("subOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "Withdrawal_requestToken_subOrderId_key" ON "Withdrawal"("requestToken", "subOrderId");

-- AddForeignKey
ALTER TABLE "Withdrawal" ADD CONSTRAINT "Withdrawal_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Withdrawal" ADD CONSTRAINT "Withdrawal_subOrderId_fkey" FOREIGN KEY ("subOrderId") REFERENCES "SubOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A line is never withdrawn from more than it holds.
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_withdrawn_within_quantity" CHECK ("withdrawnQuantity" >= 0 AND "withdrawnQuantity" <= "quantity");
