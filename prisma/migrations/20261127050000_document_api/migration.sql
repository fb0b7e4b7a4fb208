-- The document API for agencies' own systems: per-agency keys (stored hashed) and the exchange log.

-- CreateTable
CREATE TABLE "api_key" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "agency_id" INTEGER NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "key_hash" CHAR(64) NOT NULL,
    "label" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exchange_log" (
    "id" BIGSERIAL NOT NULL,
    "agency_id" INTEGER,
    "direction" VARCHAR(8) NOT NULL,
    "operation" VARCHAR(32) NOT NULL,
    "document_key" TEXT,
    "request_in_at" TIMESTAMPTZ(3) NOT NULL,
    "request_out_at" TIMESTAMPTZ(3),
    "response_in_at" TIMESTAMPTZ(3),
    "response_out_at" TIMESTAMPTZ(3),
    "success" BOOLEAN NOT NULL,
    "fault_code" VARCHAR(32),
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64),

    CONSTRAINT "exchange_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_key_prefix_key" ON "api_key"("prefix");

-- CreateIndex
CREATE INDEX "api_key_agency_id_idx" ON "api_key"("agency_id");

-- CreateIndex
CREATE INDEX "exchange_log_agency_id_request_in_at_idx" ON "exchange_log"("agency_id", "request_in_at");

-- AddForeignKey
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exchange_log" ADD CONSTRAINT "exchange_log_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;
