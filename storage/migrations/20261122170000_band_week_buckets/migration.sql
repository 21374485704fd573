-- Near-duplicate band keys now carry the article's week in their high bits
-- (dedupe/minhash.ts bucketKeys): week = publication (else fetch) time in
-- whole weeks since 1970, key = week * 2^40 + (old key mod 2^40).
DELETE FROM "DedupeBand" WHERE NOT EXISTS (SELECT 1 FROM "Article" a WHERE a."id" = "DedupeBand"."articleId");
UPDATE "DedupeBand" SET "key" = (
  SELECT (CAST(unixepoch(COALESCE(a."published", a."fetchedAt")) AS INTEGER) / 604800) * 1099511627776 + ("DedupeBand"."key" % 1099511627776)
  FROM "Article" a WHERE a."id" = "DedupeBand"."articleId"
);
