-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "confirmedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "DialogueSession" ADD COLUMN     "calendarSequence" INTEGER NOT NULL DEFAULT 0;
