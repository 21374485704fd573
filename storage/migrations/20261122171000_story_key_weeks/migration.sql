-- Story lookup keys are stored under their week (storage/dedupe-index.ts
-- storedStoryKey): "WEEK|key", week = whole weeks since 1970 of "at".
UPDATE "StoryKey" SET "key" = (CAST(unixepoch("at") AS INTEGER) / 604800) || '|' || "key";
