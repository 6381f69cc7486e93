-- CreateEnum
CREATE TYPE "MediaStatus" AS ENUM ('PENDING', 'STORED', 'TOO_LARGE', 'FAILED');

-- CreateTable
CREATE TABLE "MediaFile" (
    "id" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "personId" TEXT,
    "kind" TEXT NOT NULL,
    "platformFileId" TEXT NOT NULL,
    "mimeType" TEXT,
    "fileName" TEXT,
    "sizeBytes" INTEGER,
    "status" "MediaStatus" NOT NULL DEFAULT 'PENDING',
    "content" BYTEA,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "storedAt" TIMESTAMP(3),

    CONSTRAINT "MediaFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MediaFile_ref_key" ON "MediaFile"("ref");

-- CreateIndex
CREATE INDEX "MediaFile_status_createdAt_idx" ON "MediaFile"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "MediaFile" ADD CONSTRAINT "MediaFile_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
