-- AlterTable
ALTER TABLE "ButtonToken" ADD COLUMN     "question" TEXT;

-- CreateIndex
CREATE INDEX "ButtonToken_personId_question_idx" ON "ButtonToken"("personId", "question");
