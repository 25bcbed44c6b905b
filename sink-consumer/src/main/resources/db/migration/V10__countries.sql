-- copydesk storage, version 10: the countries a story mentions (Article.countries, ISO 3166-1 alpha-2, most
-- mentioned first, comma-separated), so that watchlist backtests (copydesk watch test) see what live matching sees.
ALTER TABLE articles ADD COLUMN countries TEXT NOT NULL DEFAULT '';
