-- copydesk storage, version 5: Article v2's page metadata (author, publish time as the source gave it, canonical URL).
ALTER TABLE articles ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN published_at TEXT;
ALTER TABLE articles ADD COLUMN canonical_url TEXT NOT NULL DEFAULT '';

-- PostgreSQL fixes a view's columns when it is created: re-create it so that it carries the new ones
DROP VIEW story_latest;
CREATE VIEW story_latest AS
SELECT a.*
FROM articles a
WHERE a.version = (SELECT MAX(b.version) FROM articles b WHERE b.story_id = a.story_id);
