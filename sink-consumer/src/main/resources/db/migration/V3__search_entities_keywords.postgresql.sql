-- copydesk storage, version 3 (PostgreSQL): full-text search over title and body, entities and keywords.
-- A generated tsvector ('simple': no stemming, the same for every language) with a GIN index; title weighs more.
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', coalesce(body, '')), 'B')) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);
CREATE INDEX articles_received ON articles (received_at_ms);

CREATE TABLE entities (
    article_id     TEXT NOT NULL,
    type           TEXT NOT NULL,
    canonical_name TEXT NOT NULL,
    mentions       INTEGER NOT NULL,
    PRIMARY KEY (article_id, type, canonical_name)
);
CREATE INDEX entities_name ON entities (canonical_name);

CREATE TABLE keywords (
    article_id TEXT NOT NULL,
    keyword    TEXT NOT NULL,
    weight     DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (article_id, keyword)
);
