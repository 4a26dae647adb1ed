-- Trigram indexes for Chinese substring search (power-list item names and legal bases). pg_trgm is a
-- trusted extension (PostgreSQL 13+): the database owner may create it. PGlite loads it at start-up.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
