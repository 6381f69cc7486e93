-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN     "retryAt" TIMESTAMP(3);
