-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "manifest" TEXT,
ADD COLUMN     "renderInput" TEXT,
ADD COLUMN     "renderer" TEXT;
