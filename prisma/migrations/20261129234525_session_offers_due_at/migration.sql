-- AlterTable
ALTER TABLE "DialogueSession" ADD COLUMN     "offersDueAt" TIMESTAMP(3);
