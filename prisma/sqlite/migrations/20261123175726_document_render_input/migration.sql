-- AlterTable
ALTER TABLE "Document" ADD COLUMN "manifest" TEXT;
ALTER TABLE "Document" ADD COLUMN "renderInput" TEXT;
ALTER TABLE "Document" ADD COLUMN "renderer" TEXT;
