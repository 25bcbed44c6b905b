-- copydesk storage, version 4 (PostgreSQL): full-text search over title and body.
-- A generated tsvector ('simple': no stemming, the same for every language) with a GIN index; title weighs more.
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', coalesce(body, '')), 'B')) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);
