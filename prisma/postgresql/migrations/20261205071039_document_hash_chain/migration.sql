-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "chainHash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Document_caseId_prevHash_key" ON "Document"("caseId", "prevHash");
