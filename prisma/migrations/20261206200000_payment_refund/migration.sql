-- Money a gateway took that must go back to the payer (dossier withdrawn after paying, or closed first).
ALTER TABLE "payment" ADD COLUMN "refund_due_at" TIMESTAMPTZ(3);
