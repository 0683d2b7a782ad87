-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN "presetId" TEXT;

-- AlterTable
ALTER TABLE "UserSettings" ADD COLUMN "defaultPresetId" TEXT;

-- CreateTable
CREATE TABLE "Preset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "desiredRetention" REAL NOT NULL DEFAULT 0.9,
    "newPerDay" INTEGER NOT NULL DEFAULT 20,
    "maxReviewsPerDay" INTEGER NOT NULL DEFAULT 200,
    "learningSteps" TEXT NOT NULL DEFAULT '1m 10m',
    "relearningSteps" TEXT NOT NULL DEFAULT '10m',
    "maximumIntervalDays" INTEGER NOT NULL DEFAULT 36500,
    "easyDays" TEXT NOT NULL DEFAULT 'nnnnnnn',
    "loadBalance" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Preset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeckPreset" (
    "userId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "presetId" TEXT NOT NULL,

    PRIMARY KEY ("userId", "documentId"),
    CONSTRAINT "DeckPreset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeckPreset_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeckPreset_presetId_fkey" FOREIGN KEY ("presetId") REFERENCES "Preset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Preset_userId_name_key" ON "Preset"("userId", "name");

-- CreateIndex
CREATE INDEX "DeckPreset_presetId_idx" ON "DeckPreset"("presetId");


-- Existing settings become each learner's "Default" preset (learners without a settings row get theirs when they
-- first need one: until then the defaults apply, which are the same values). Id derived from the user id so the
-- statement is plain SQL, valid in SQLite and PostgreSQL alike.
INSERT INTO "Preset" ("id", "userId", "name", "desiredRetention", "newPerDay", "maxReviewsPerDay", "learningSteps",
    "relearningSteps", "maximumIntervalDays", "easyDays", "loadBalance", "createdAt", "updatedAt")
SELECT 'default-' || "userId", "userId", 'Default', "desiredRetention", "newPerDay", "maxReviewsPerDay",
    "learningSteps", "relearningSteps", 36500, 'nnnnnnn', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM "UserSettings";

UPDATE "UserSettings" SET "defaultPresetId" = 'default-' || "userId";
