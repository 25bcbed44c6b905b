-- copydesk storage, version 3: entities and keywords of articles (filled by enrichment). Portable SQL.
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

CREATE INDEX articles_received ON articles (received_at_ms);
