-- CreateTable
CREATE TABLE "LinkReview" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "balkan" TEXT NOT NULL,
    "latam" TEXT NOT NULL,
    "userId" INTEGER,
    "status" TEXT NOT NULL,
    "note" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Link" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "balkan" TEXT NOT NULL,
    "balkanType" TEXT NOT NULL,
    "latam" TEXT NOT NULL,
    "latamType" TEXT NOT NULL,
    "firstSeen" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeen" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "articleCount" INTEGER NOT NULL DEFAULT 0,
    "review" TEXT NOT NULL DEFAULT 'open'
);
INSERT INTO "new_Link" ("articleCount", "balkan", "balkanType", "firstSeen", "id", "lastSeen", "latam", "latamType") SELECT "articleCount", "balkan", "balkanType", "firstSeen", "id", "lastSeen", "latam", "latamType" FROM "Link";
DROP TABLE "Link";
ALTER TABLE "new_Link" RENAME TO "Link";
CREATE UNIQUE INDEX "Link_balkan_latam_key" ON "Link"("balkan", "latam");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "LinkReview_balkan_latam_idx" ON "LinkReview"("balkan", "latam");
