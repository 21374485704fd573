-- CreateTable
CREATE TABLE "ArticleChange" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "LinkPlace" (
    "linkId" INTEGER NOT NULL,
    "entityId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("linkId", "entityId")
);

-- CreateTable
CREATE TABLE "StoryPerson" (
    "storyId" INTEGER NOT NULL,
    "entityId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("storyId", "entityId")
);

-- CreateTable
CREATE TABLE "Digest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "slot" TEXT NOT NULL,
    "since" DATETIME NOT NULL,
    "until" DATETIME NOT NULL,
    "itemCount" INTEGER NOT NULL DEFAULT 0,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Digest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DigestItem" (
    "userId" INTEGER NOT NULL,
    "itemKey" TEXT NOT NULL,
    "digestId" INTEGER NOT NULL,

    PRIMARY KEY ("userId", "itemKey"),
    CONSTRAINT "DigestItem_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "Digest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Delivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "idempotencyKey" TEXT NOT NULL,
    "alertId" INTEGER,
    "digestId" INTEGER,
    "userId" INTEGER,
    "channel" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "leaseUntil" DATETIME,
    "heldBy" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    CONSTRAINT "Delivery_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Delivery_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "Digest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Delivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Delivery" ("alertId", "attempts", "channel", "createdAt", "id", "idempotencyKey", "lastError", "nextAttemptAt", "payload", "sentAt", "status", "target", "userId") SELECT "alertId", "attempts", "channel", "createdAt", "id", "idempotencyKey", "lastError", "nextAttemptAt", "payload", "sentAt", "status", "target", "userId" FROM "Delivery";
DROP TABLE "Delivery";
ALTER TABLE "new_Delivery" RENAME TO "Delivery";
CREATE UNIQUE INDEX "Delivery_idempotencyKey_key" ON "Delivery"("idempotencyKey");
CREATE INDEX "Delivery_status_nextAttemptAt_idx" ON "Delivery"("status", "nextAttemptAt");
CREATE TABLE "new_Subscription" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "rules" TEXT NOT NULL DEFAULT '[]',
    "channel" TEXT NOT NULL,
    "target" TEXT,
    "mode" TEXT NOT NULL DEFAULT 'immediate',
    "minSeverity" TEXT NOT NULL DEFAULT 'low',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Subscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Subscription" ("channel", "createdAt", "id", "mode", "rules", "target", "userId") SELECT "channel", "createdAt", "id", "mode", "rules", "target", "userId" FROM "Subscription";
DROP TABLE "Subscription";
ALTER TABLE "new_Subscription" RENAME TO "Subscription";
CREATE INDEX "Subscription_userId_idx" ON "Subscription"("userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ArticleChange_articleId_idx" ON "ArticleChange"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "Digest_userId_slot_key" ON "Digest"("userId", "slot");

-- Existing articles enter the change journal in id order, and rule watermarks
-- (until now article ids) move to the matching journal position.
INSERT INTO "ArticleChange" ("articleId", "kind", "at") SELECT "id", 'new', "createdAt" FROM "Article" ORDER BY "id";
UPDATE "RuleWatermark" SET "lastId" = COALESCE((SELECT MAX("seq") FROM "ArticleChange" WHERE "articleId" <= "RuleWatermark"."lastId"), 0);
