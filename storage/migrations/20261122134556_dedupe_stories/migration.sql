-- CreateTable
CREATE TABLE "ArticleUrl" (
    "url" TEXT NOT NULL PRIMARY KEY,
    "articleId" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "DedupeBand" (
    "key" BIGINT NOT NULL,
    "articleId" INTEGER NOT NULL,

    PRIMARY KEY ("key", "articleId")
);

-- CreateTable
CREATE TABLE "StoryKey" (
    "key" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "storyId" INTEGER NOT NULL,

    PRIMARY KEY ("key", "at", "storyId"),
    CONSTRAINT "StoryKey_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TermDf" (
    "term" TEXT NOT NULL PRIMARY KEY,
    "df" INTEGER NOT NULL DEFAULT 0
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
    "minhash" BLOB,
    "shingles" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Article_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("author", "contentHash", "createdAt", "duplicateOfId", "fetchedAt", "fetchedUrl", "id", "lang", "langConfidence", "published", "rendered", "script", "storyId", "text", "title", "updatedAt", "url") SELECT "author", "contentHash", "createdAt", "duplicateOfId", "fetchedAt", "fetchedUrl", "id", "lang", "langConfidence", "published", "rendered", "script", "storyId", "text", "title", "updatedAt", "url" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_url_key" ON "Article"("url");
CREATE INDEX "Article_contentHash_idx" ON "Article"("contentHash");
CREATE INDEX "Article_published_idx" ON "Article"("published");
CREATE INDEX "Article_storyId_idx" ON "Article"("storyId");
CREATE TABLE "new_Story" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "headline" TEXT NOT NULL,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "languages" TEXT NOT NULL DEFAULT '',
    "outletCount" INTEGER NOT NULL DEFAULT 1,
    "articleCount" INTEGER NOT NULL DEFAULT 1,
    "profile" TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO "new_Story" ("firstSeenAt", "headline", "id", "languages", "lastSeenAt", "outletCount") SELECT "firstSeenAt", "headline", "id", "languages", "lastSeenAt", "outletCount" FROM "Story";
DROP TABLE "Story";
ALTER TABLE "new_Story" RENAME TO "Story";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ArticleUrl_articleId_idx" ON "ArticleUrl"("articleId");
