-- The user's own actor dictionary entries (`whosaid actors add` / `actors import`): extra
-- aliases and dated roles that extend the shipped dictionary on the next ingest and on
-- `whosaid relink`. Same shape as actors/dictionary.py's extra entries, JSON as TEXT.

CREATE TABLE user_actors (
    id         TEXT PRIMARY KEY,              -- dictionary id, e.g. 'user:BOLA_TINUBU'
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL DEFAULT 'person',
    country    TEXT,
    sector     TEXT,
    aliases    TEXT NOT NULL DEFAULT '[]',    -- JSON list of names
    roles      TEXT NOT NULL DEFAULT '[]',    -- JSON list of {title, country, sector, start, end}
    created_at TEXT NOT NULL
);
