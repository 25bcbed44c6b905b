-- copydesk storage, version 2: near duplicates and story versions.
ALTER TABLE duplicates ADD COLUMN containment DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE duplicates ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

-- the newest stored version of every story: SELECT * FROM story_latest
CREATE VIEW story_latest AS
SELECT a.*
FROM articles a
WHERE a.version = (SELECT MAX(b.version) FROM articles b WHERE b.story_id = a.story_id);
