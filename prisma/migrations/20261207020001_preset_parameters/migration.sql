-- AlterTable
ALTER TABLE "Preset" ADD COLUMN "weights" TEXT;
ALTER TABLE "Preset" ADD COLUMN "weightsFittedAt" DATETIME;
ALTER TABLE "Preset" ADD COLUMN "weightsReviews" INTEGER;

