-- copydesk storage, version 1. Portable SQL: runs unchanged on SQLite and PostgreSQL.
-- Times are epoch milliseconds (UTC) so both databases store them exactly alike.
CREATE TABLE articles (
    id             TEXT PRIMARY KEY,
    story_id       TEXT NOT NULL,
    version        INTEGER NOT NULL,
    source_ref     TEXT NOT NULL,
    title          TEXT NOT NULL,
    body           TEXT NOT NULL,
    language       TEXT NOT NULL,
    content_hash   TEXT NOT NULL,
    word_count     INTEGER NOT NULL,
    removed_lines  INTEGER NOT NULL,
    received_at_ms BIGINT NOT NULL,
    processed_at_ms BIGINT NOT NULL,
    stored_at_ms   BIGINT NOT NULL
);
CREATE INDEX articles_story_version ON articles (story_id, version);
CREATE INDEX articles_content_hash ON articles (content_hash);

CREATE TABLE duplicates (
    id             TEXT PRIMARY KEY,
    source_ref     TEXT NOT NULL,
    duplicate_of   TEXT NOT NULL,
    kind           TEXT NOT NULL,
    similarity     DOUBLE PRECISION NOT NULL,
    story_id       TEXT NOT NULL,
    detected_at_ms BIGINT NOT NULL
);
CREATE INDEX duplicates_duplicate_of ON duplicates (duplicate_of);

-- the sink's Kafka positions, committed in the same transaction as the rows they cover
CREATE TABLE consumer_offsets (
    group_id     TEXT NOT NULL,
    topic        TEXT NOT NULL,
    partition_id INTEGER NOT NULL,
    next_offset  BIGINT NOT NULL,
    PRIMARY KEY (group_id, topic, partition_id)
);
