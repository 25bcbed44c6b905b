-- The plain index on entities.canonical_name served no query: every entity lookup (search --entity, the
-- dashboard) compares LOWER(canonical_name), which has its own index (V7). Each entity row paid for both.
DROP INDEX entities_name;
