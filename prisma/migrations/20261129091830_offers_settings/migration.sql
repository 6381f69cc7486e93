-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "messageId" TEXT;

-- CreateTable
CREATE TABLE "SessionExclusion" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionExclusion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "SessionExclusion_sessionId_personId_key" ON "SessionExclusion"("sessionId", "personId");

-- AddForeignKey
ALTER TABLE "SessionExclusion" ADD CONSTRAINT "SessionExclusion_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "DialogueSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
