-- DropTable
DROP TABLE "Market";

