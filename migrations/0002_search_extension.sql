-- Keyword search over Chinese product texts uses trigram indexes; PGlite ships the same extension.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
