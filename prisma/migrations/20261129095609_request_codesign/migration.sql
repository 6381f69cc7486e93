-- AlterTable
ALTER TABLE "DialogueRequest" ADD COLUMN     "codesign" JSONB;
