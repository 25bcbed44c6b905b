-- copydesk storage, version 7 (SQLite): the sink keeps the full-text index in step itself, one statement per batch.
-- Row triggers made FTS5 flush a segment per row (each trigger runs as a nested statement): ~2,300 articles/s;
-- one INSERT ... SELECT per batch of the rows it wrote: ~5,000/s (StorageBench). The delete trigger stays, so a
-- DELETE by hand still leaves the index right; anyone else who INSERTs or UPDATEs articles must run
-- INSERT INTO articles_fts(articles_fts) VALUES ('rebuild') afterwards, or keep the index in step the same way.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_update;
-- entity filters (search --entity) compare the lower-cased name: an index on that expression (both databases use it for LOWER(canonical_name) = ?)
CREATE INDEX entities_name_lower ON entities (LOWER(canonical_name));
