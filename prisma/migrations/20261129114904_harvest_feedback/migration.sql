-- AlterTable
ALTER TABLE "Harvest" ADD COLUMN     "notesInSyncWith" TEXT,
ADD COLUMN     "outcomes" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "rawDeletedAt" TIMESTAMP(3),
ADD COLUMN     "reflection" TEXT;

-- CreateTable
CREATE TABLE "StakeholderContact" (
    "id" TEXT NOT NULL,
    "wijk" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "personId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StakeholderContact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StakeholderContact_wijk_idx" ON "StakeholderContact"("wijk");

-- AddForeignKey
ALTER TABLE "StakeholderContact" ADD CONSTRAINT "StakeholderContact_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
