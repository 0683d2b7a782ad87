-- AlterTable
ALTER TABLE "Preset" ADD COLUMN     "weights" TEXT,
ADD COLUMN     "weightsFittedAt" TIMESTAMP(3),
ADD COLUMN     "weightsReviews" INTEGER;

