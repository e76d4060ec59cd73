-- CreateTable
CREATE TABLE "ContractAcceptance" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "termsVersionId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "textSha256" CHAR(64) NOT NULL,
    "locale" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3) NOT NULL,
    "ipSealed" TEXT,
    "userAgentSealed" TEXT,
    "totals" JSONB NOT NULL,
    "consents" JSONB NOT NULL,
    "signature" TEXT NOT NULL,
    "signingKeyId" TEXT NOT NULL,

    CONSTRAINT "ContractAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContractAcceptance_orderId_key" ON "ContractAcceptance"("orderId");

-- AddForeignKey
ALTER TABLE "ContractAcceptance" ADD CONSTRAINT "ContractAcceptance_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- Evidence of what a buyer accepted is never changed or removed: UPDATE, DELETE and
-- TRUNCATE are refused, whoever runs them. A table owner can still disable the triggers;
-- the Ed25519 signature on every row shows what such a change did.
CREATE FUNCTION "ContractAcceptance_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ContractAcceptance is append-only: % refused', TG_OP
    USING HINT = 'An acceptance is evidence of a contract; record a new one instead of changing it.';
END;
$$;

CREATE TRIGGER "ContractAcceptance_append_only" BEFORE UPDATE OR DELETE ON "ContractAcceptance"
  FOR EACH ROW EXECUTE FUNCTION "ContractAcceptance_refuse_change"();

CREATE TRIGGER "ContractAcceptance_no_truncate" BEFORE TRUNCATE ON "ContractAcceptance"
  FOR EACH STATEMENT EXECUTE FUNCTION "ContractAcceptance_refuse_change"();
