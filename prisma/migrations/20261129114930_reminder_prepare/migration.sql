-- AlterTable: reminders prepared ahead of their due time (docs/reminders.md)
ALTER TABLE "ScheduledReminder" ADD COLUMN     "outboxId" TEXT,
ADD COLUMN     "prepared" JSONB,
ADD COLUMN     "preparedAt" TIMESTAMP(3);
