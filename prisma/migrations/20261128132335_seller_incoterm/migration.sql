-- CreateEnum
CREATE TYPE "Incoterm" AS ENUM ('DDP', 'DAP');

-- AlterTable
ALTER TABLE "Seller" ADD COLUMN     "incoterm" "Incoterm";

