-- AlterTable
ALTER TABLE "FrontierUrl" ADD COLUMN "hintAuthor" TEXT;
