-- CreateTable
CREATE TABLE "Revision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "fetchedAt" DATETIME NOT NULL,
    "replacedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Revision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Article" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "url" TEXT NOT NULL,
    "fetchedUrl" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "author" TEXT,
    "published" DATETIME,
    "lang" TEXT NOT NULL,
    "script" TEXT NOT NULL,
    "langConfidence" REAL NOT NULL DEFAULT 0,
    "text" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "fetchedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "storyId" INTEGER,
    "duplicateOfId" INTEGER,
    "rendered" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Article_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("author", "contentHash", "createdAt", "duplicateOfId", "fetchedAt", "fetchedUrl", "id", "lang", "langConfidence", "published", "script", "storyId", "text", "title", "url") SELECT "author", "contentHash", "createdAt", "duplicateOfId", "fetchedAt", "fetchedUrl", "id", "lang", "langConfidence", "published", "script", "storyId", "text", "title", "url" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_url_key" ON "Article"("url");
CREATE INDEX "Article_contentHash_idx" ON "Article"("contentHash");
CREATE INDEX "Article_published_idx" ON "Article"("published");
CREATE INDEX "Article_storyId_idx" ON "Article"("storyId");
CREATE TABLE "new_FetchLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceId" TEXT,
    "url" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" INTEGER,
    "ok" BOOLEAN NOT NULL,
    "notModified" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,
    "rendered" BOOLEAN NOT NULL DEFAULT false,
    "bytes" INTEGER NOT NULL DEFAULT 0,
    "durationMs" INTEGER NOT NULL DEFAULT 0,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FetchLog_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_FetchLog" ("at", "bytes", "durationMs", "error", "id", "notModified", "ok", "purpose", "sourceId", "status", "url") SELECT "at", "bytes", "durationMs", "error", "id", "notModified", "ok", "purpose", "sourceId", "status", "url" FROM "FetchLog";
DROP TABLE "FetchLog";
ALTER TABLE "new_FetchLog" RENAME TO "FetchLog";
CREATE INDEX "FetchLog_sourceId_at_idx" ON "FetchLog"("sourceId", "at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Revision_articleId_idx" ON "Revision"("articleId");
