-- copydesk storage, version 4 (SQLite): full-text search over title and body.
-- FTS5 external-content table kept in sync with articles by triggers (an upsert fires the update trigger).
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body); END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body); INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
