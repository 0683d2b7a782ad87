-- Deck lifecycle and visibility (issue 14 part 1). Made with `migrate diff` from the previous schema, then the
-- Document table's redefinition replaced by ADD COLUMN statements (same columns, types and defaults; valid
-- PostgreSQL with TIMESTAMP for DATETIME), so no existing table is copied and other branches' migrations to
-- other tables merge cleanly. Existing documents keep being what they were: published to the library.

-- AlterTable
ALTER TABLE "Document" ADD COLUMN "description" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Document" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'published';
ALTER TABLE "Document" ADD COLUMN "visibility" TEXT NOT NULL DEFAULT 'library';
ALTER TABLE "Document" ADD COLUMN "publishedAt" DATETIME;

-- CreateTable
CREATE TABLE "DeckClass" (
    "documentId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,

    PRIMARY KEY ("documentId", "classId"),
    CONSTRAINT "DeckClass_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeckClass_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StudyDeck" (
    "userId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "documentId"),
    CONSTRAINT "StudyDeck_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StudyDeck_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DeckClass_classId_idx" ON "DeckClass"("classId");

-- CreateIndex
CREATE INDEX "StudyDeck_documentId_idx" ON "StudyDeck"("documentId");

-- Learners keep studying what they studied: every deck they have a card in becomes one of their studied decks
-- (added when they first answered one of its items, in the DateTime format Prisma stores).
INSERT INTO "StudyDeck" ("userId", "documentId", "addedAt")
SELECT c."userId", i."documentId", MIN(c."createdAt")
FROM "Card" c JOIN "Item" i ON i."id" = c."itemId"
GROUP BY c."userId", i."documentId";
