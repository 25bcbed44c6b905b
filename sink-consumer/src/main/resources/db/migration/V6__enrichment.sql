-- copydesk storage, version 6: Article v2's enrichment (language confidence and script, wire dateline and agency,
-- sizes and lede), so that consumers of the tables can filter and route on them without parsing text.
ALTER TABLE articles ADD COLUMN language_confidence DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN script TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN dateline_place TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN dateline_date TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN agency TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN sentence_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN reading_time_seconds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN lede TEXT NOT NULL DEFAULT '';
CREATE INDEX articles_agency ON articles (agency);
-- places carry the ISO 3166-1 alpha-2 code of their country: SELECT article_id FROM entities WHERE country_code = 'KP'
ALTER TABLE entities ADD COLUMN country_code TEXT NOT NULL DEFAULT '';
CREATE INDEX entities_country ON entities (country_code);

DROP VIEW story_latest;
CREATE VIEW story_latest AS
SELECT a.*
FROM articles a
WHERE a.version = (SELECT MAX(b.version) FROM articles b WHERE b.story_id = a.story_id);
