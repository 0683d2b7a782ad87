-- AlterTable
ALTER TABLE "Item" ADD COLUMN "editedAt" DATETIME;
ALTER TABLE "Item" ADD COLUMN "suspendedAt" DATETIME;

-- CreateTable
CREATE TABLE "ItemFlag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    "resolution" TEXT,
    CONSTRAINT "ItemFlag_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ItemFlag_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ItemFlag_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ItemFlag_itemId_resolvedAt_idx" ON "ItemFlag"("itemId", "resolvedAt");

-- CreateIndex
CREATE INDEX "ItemFlag_userId_idx" ON "ItemFlag"("userId");

