-- whosaid schema, version 1: articles, rejected inputs, actors, quotes, events.
-- Portable SQL where possible (SQLite and PostgreSQL): TEXT ids, JSON kept as TEXT,
-- dates as ISO 'YYYY-MM-DD' TEXT. Full-text search (dialect-specific) is in 0002.

CREATE TABLE articles (
    -- An explicit integer key: full-text search indexes rows by it, and VACUUM may
    -- renumber an implicit rowid.
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    source      TEXT NOT NULL,
    title       TEXT,
    authors     TEXT NOT NULL DEFAULT '[]',   -- JSON list of names
    published   TEXT,                         -- ISO date
    url         TEXT,
    publisher   TEXT,
    language    TEXT,
    format      TEXT NOT NULL DEFAULT 'txt',
    text        TEXT NOT NULL,
    body_start  INTEGER NOT NULL DEFAULT 0,
    excluded    TEXT NOT NULL DEFAULT '[]',   -- JSON list of spans
    warnings    TEXT NOT NULL DEFAULT '[]',   -- JSON list of strings
    -- Counts written in the same transaction as the rows they count: a check that
    -- no article was half written.
    n_actors    INTEGER NOT NULL DEFAULT 0,
    n_mentions  INTEGER NOT NULL DEFAULT 0,
    n_quotes    INTEGER NOT NULL DEFAULT 0,
    n_events    INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE rejected (
    source TEXT NOT NULL,
    code   TEXT NOT NULL,
    reason TEXT NOT NULL,
    at     TEXT NOT NULL,
    UNIQUE (source, code)
);

-- Corpus-level actors: one row per actor across all articles.
CREATE TABLE actors (
    id      TEXT PRIMARY KEY,
    key     TEXT NOT NULL UNIQUE,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    country TEXT,
    sector  TEXT,
    role    TEXT
);
CREATE INDEX actors_name ON actors (name);
CREATE INDEX actors_country ON actors (country);

-- Every name an actor is known by (its name and the names it is mentioned by), folded
-- for matching (no accents, lower case): what --speaker NAME and friends look up.
CREATE TABLE actor_names (
    actor_id TEXT NOT NULL REFERENCES actors (id),
    norm     TEXT NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (actor_id, norm)
);
CREATE INDEX actor_names_norm ON actor_names (norm);

-- An article's own actors (a1, a2 ...) and the corpus actor each maps to, with the
-- fields as the article's analysis gave them.
CREATE TABLE article_actors (
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    local_id     TEXT NOT NULL,
    actor_id     TEXT NOT NULL REFERENCES actors (id),
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    country      TEXT,
    sector       TEXT,
    role         TEXT,
    canonical_id TEXT,
    confidence   REAL NOT NULL DEFAULT 1.0,
    position     INTEGER NOT NULL,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX article_actors_actor ON article_actors (actor_id);

CREATE TABLE actor_mentions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    local_id   TEXT NOT NULL,
    actor_id   TEXT NOT NULL REFERENCES actors (id),
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    position   INTEGER NOT NULL
);
CREATE INDEX actor_mentions_article ON actor_mentions (article_id, local_id);
CREATE INDEX actor_mentions_actor ON actor_mentions (actor_id);

CREATE TABLE quotes (
    seq               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,      -- article id + ':' + local id
    article_id        TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    local_id          TEXT NOT NULL,
    kind              TEXT NOT NULL,
    content           TEXT NOT NULL,             -- JSON list of spans
    text              TEXT NOT NULL,             -- the spans' text joined
    cue               TEXT,                      -- JSON span
    speaker           TEXT,                      -- JSON: the contract's speaker object, corpus ids
    speaker_id        TEXT REFERENCES actors (id),
    speaker_mention   TEXT,                      -- JSON span
    speaker_reason    TEXT,
    addressee_id      TEXT REFERENCES actors (id),
    addressee_mention TEXT,                      -- JSON span
    confidence        REAL NOT NULL,
    start             INTEGER NOT NULL,
    position          INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX quotes_speaker ON quotes (speaker_id);
CREATE INDEX quotes_addressee ON quotes (addressee_id);

-- Actors mentioned inside a quote's content: what (whom) the quote is about.
CREATE TABLE quote_about (
    quote_id TEXT NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES actors (id),
    PRIMARY KEY (quote_id, actor_id)
);
CREATE INDEX quote_about_actor ON quote_about (actor_id);

-- Corpus-level events: one row per event however many articles report it.
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    type       TEXT NOT NULL,
    cameo      TEXT,
    mode       TEXT,
    actors     TEXT NOT NULL DEFAULT '[]',      -- JSON list of corpus actor ids, sorted
    recipients TEXT NOT NULL DEFAULT '[]',      -- JSON list of corpus actor ids, sorted
    date       TEXT,
    location   TEXT,                            -- JSON
    claimed    INTEGER NOT NULL DEFAULT 0,      -- 1 when every report is a claim inside a quote
    mentions   INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT                             -- earliest published date of a reporting article
);
CREATE INDEX events_match ON events (type, actors, recipients);
CREATE INDEX events_date ON events (date);

CREATE TABLE event_actors (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES actors (id),
    role     TEXT NOT NULL,                     -- 'actor' or 'recipient'
    PRIMARY KEY (event_id, actor_id, role)
);
CREATE INDEX event_actors_actor ON event_actors (actor_id, role);

-- One row per article reporting an event, with that article's evidence.
CREATE TABLE event_reports (
    event_id     INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    local_id     TEXT NOT NULL,
    evidence     TEXT NOT NULL,                 -- JSON span
    claimed_by   TEXT NOT NULL DEFAULT '[]',    -- JSON list of corpus actor ids
    quote_id     TEXT REFERENCES quotes (id),
    negated      INTEGER NOT NULL DEFAULT 0,
    hypothetical INTEGER NOT NULL DEFAULT 0,
    confidence   REAL NOT NULL,
    record       TEXT NOT NULL,                 -- JSON: the article's own event record, corpus ids
    position     INTEGER NOT NULL,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX event_reports_event ON event_reports (event_id);
