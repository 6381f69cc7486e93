-- DropIndex
DROP INDEX "InboundEvent_status_receivedAt_idx";

-- CreateIndex
CREATE INDEX "InboundEvent_status_personId_idx" ON "InboundEvent"("status", "personId");
