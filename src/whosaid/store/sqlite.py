"""The SQLite backend of the whosaid store (the embedded default).

Dialect-specific parts live here: connection pragmas (WAL, foreign keys), the
migration runner, FTS5 query building. Writes are explicit ``BEGIN IMMEDIATE`` ...
``COMMIT`` transactions, one per article, so a killed process leaves every
committed article whole and no half-written one.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import logging
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from whosaid.errors import ActorNotFound, ArticleNotFound, StoreError, UsageError
from whosaid.records import Actor, Analysis, Rejected
from whosaid.store import Page, Store
from whosaid.store.user_actors import UserActorsMixin

log = logging.getLogger(__name__)

MAX_LIMIT = 1000
#: Events reported this many days apart (or less) with the same type and actors are one event.
EVENT_MERGE_DAYS = 1


# ---- migrations --------------------------------------------------------------------------


def migrations() -> list[tuple[int, str, str]]:
    """The schema migrations shipped with whosaid: (version, name, sql), in order."""
    found = []
    for entry in resources.files("whosaid.store").joinpath("migrations").iterdir():
        match = re.fullmatch(r"(\d{4})_(\w+)\.sql", entry.name)
        if match:
            found.append((int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(f"schema migrations are not numbered 1..n: {versions}")
    return found


def latest_version() -> int:
    return len(migrations())


def split_statements(script: str) -> list[str]:
    """The statements of a SQL script, triggers kept whole (``sqlite3.complete_statement``)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


# ---- helpers -----------------------------------------------------------------------------


def normalise_name(name: str) -> str:
    """A name folded for matching: no accents, lower case, words separated by one space."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = re.sub(r"[\W_]+", " ", folded).strip()
    return re.sub(r"^the ", "", folded)


def actor_key(actor: Actor) -> str:
    """The corpus-level id of an article's actor: its canonical id, else kind + normalised name + country."""
    if actor.canonical_id:
        return actor.canonical_id
    return f"{actor.kind}:{normalise_name(actor.name)}:{actor.country or ''}"


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _load(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def _date(value: Any, name: str) -> str | None:
    """An inclusive date filter as ISO text; a clear UsageError for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise UsageError(f"{name} must be a date as YYYY-MM-DD, not {value!r}") from None


def _date_range(column: str, since: Any, until: Any, where: list[str], params: list) -> None:
    """Add an inclusive ``since``/``until`` filter on ``column`` (trusted SQL) to a query being built."""
    since, until = _date(since, "since"), _date(until, "until")
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        where.append(f"{column} <= ?")
        params.append(until)


def fts_query(text: str | None) -> str | None:
    """A safe FTS5 query from free text: every word required, each quoted as a literal.

    Operators, quotes and column filters in the input lose their meaning, so no input
    can make a syntax error. None when the text holds no word at all.
    """
    if not text:
        return None
    words = re.findall(r"\w+", text)
    if not words:
        return None
    return " ".join(f'"{w}"' for w in words[:32])


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _encode_cursor(offset: int, snapshot: int | None = None) -> str:
    state = {"o": offset} if snapshot is None else {"o": offset, "s": snapshot}
    return base64.urlsafe_b64encode(json.dumps(state).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str | None) -> tuple[int, int | None]:
    """(offset, snapshot) from a cursor: the snapshot is the newest row id when paging began,
    so rows stored while a client pages (the store only appends) do not shift its pages."""
    if not cursor:
        return 0, None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        state = json.loads(base64.urlsafe_b64decode(padded.encode()))
        offset, snapshot = state["o"], state.get("s")
        if isinstance(offset, int) and offset >= 0 and (snapshot is None or isinstance(snapshot, int)):
            return offset, snapshot
    except (ValueError, KeyError, TypeError, AttributeError):
        pass
    raise UsageError("the cursor is not one this store gave out")


def _encode_key_cursor(key: str, snapshot: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"k": key, "s": snapshot}).encode()).decode().rstrip("=")


def _decode_key_cursor(cursor: str | None) -> tuple[str | None, int, int | None]:
    """(last key, offset, snapshot) from a cursor of a keyset-paged listing.

    Keyset cursors carry the sort key of the last item given out; the offset cursors
    this store gave out before keyset paging (``{"o": ...}``) still work.
    """
    if not cursor:
        return None, 0, None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        state = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if isinstance(state, dict) and "k" in state:
            key, snapshot = state["k"], state.get("s")
            if isinstance(key, str) and isinstance(snapshot, int):
                return key, 0, snapshot
    except (ValueError, TypeError, AttributeError):
        pass
    offset, snapshot = _decode_cursor(cursor)
    return None, offset, snapshot


_INVERT_DIGITS = str.maketrans("0123456789", "jihgfedcba")


def _inverted_date(iso: str) -> str:
    """An ISO date whose ascending text order is the dates' descending order (digit d -> 'j' - d)."""
    return iso.translate(_INVERT_DIGITS)


def quote_sort_key(published: str | None, article_id: str, position: int) -> str:
    """The key whose ascending order is the quote listing's: newest first, undated last,
    then article id and position (as migration 0003 computes it for stored quotes)."""
    date = _inverted_date(published) if published else "~"
    return f"{date}\x01{article_id}\x01{position:08d}"


def _limit(limit: Any) -> int:
    try:
        value = int(limit)
    except (TypeError, ValueError):
        raise UsageError(f"limit must be a whole number, not {limit!r}") from None
    if not 1 <= value <= MAX_LIMIT:
        raise UsageError(f"limit must be between 1 and {MAX_LIMIT}, not {value}")
    return value


def _spans_overlap_inside(start: int, end: int, spans: Sequence[dict]) -> bool:
    return any(s["start"] <= start and end <= s["end"] for s in spans)


def quad_class(event_type: str) -> str:
    """cooperation, conflict or neutral for an event type, from the events registry.

    Reads ``whosaid.events.quad_class(type)`` (a PLOVER quad class such as "verbal
    conflict" or "material cooperation") when the events stage provides it;
    until then, and for unknown types, "neutral".
    """
    try:
        from whosaid import events as registry
    except ImportError:  # pragma: no cover - the package always has it
        return "neutral"
    lookup = getattr(registry, "quad_class", None)
    if callable(lookup):
        try:
            quad = str(lookup(event_type) or "").lower()
        except Exception:  # noqa: BLE001 - an unknown type is neutral, not a failure
            quad = ""
        if "cooperation" in quad:
            return "cooperation"
        if "conflict" in quad:
            return "conflict"
    return "neutral"


#: One quote listing item as a JSON object, written by SQLite (``{}``: the seq placeholders).
#: The JSON columns go in as JSON (``json(...)``), the speaker's mention is the one in the
#: speaker object, else the stored mention, and ``about`` lists the other actors in the
#: quote by name.
_QUOTE_ITEM_SQL = """
SELECT q.seq, json_object(
    'id', q.id,
    'article_id', q.article_id,
    'article_title', a.title,
    'published', a.published,
    'kind', q.kind,
    'text', q.text,
    'content', json(q.content),
    'cue', json(q.cue),
    'speaker_id', q.speaker_id,
    'speaker_name', sp.name,
    'speaker_mention', json(coalesce(json_extract(q.speaker, '$.mention'), q.speaker_mention)),
    'addressee_id', q.addressee_id,
    'addressee_name', ad.name,
    'about', (SELECT json_group_array(json_object('id', x.id, 'name', x.name)) FROM (
        SELECT ac.id, ac.name FROM quote_about qa JOIN actors ac ON ac.id = qa.actor_id
        WHERE qa.quote_id = q.id ORDER BY ac.name, ac.id) x),
    'confidence', round(q.confidence, 3),
    'speaker_reason', q.speaker_reason)
FROM quotes q JOIN articles a ON a.id = q.article_id
LEFT JOIN actors sp ON sp.id = q.speaker_id LEFT JOIN actors ad ON ad.id = q.addressee_id
WHERE q.seq IN ({})
"""


# ---- the store ---------------------------------------------------------------------------


class SQLiteStore(UserActorsMixin, Store):
    """A whosaid database in one SQLite file (WAL mode, foreign keys on)."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        try:
            if self.path != ":memory:" and Path(self.path).is_dir():
                raise StoreError(f"{self.path} is a directory, not a database file")
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 30000")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL in WAL mode: a killed process loses nothing committed; only a power cut may.
            self.conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open {self.path} as a whosaid database: {exc}") from None
        try:
            self.migrate()
        except BaseException:
            self.conn.close()
            raise

    # ---- schema ---------------------------------------------------------------------------

    def version(self) -> int:
        """The schema version of this database (0 when empty)."""
        row = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
        ).fetchone()
        if row is None:
            return 0
        return self.conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]

    def migrate(self, target: int | None = None) -> int:
        """Apply the missing migrations up to ``target`` (default: the latest), each in one transaction."""
        known = migrations()
        latest = len(known)
        target = latest if target is None else target
        try:
            current = self.version()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open {self.path} as a whosaid database: {exc}") from None
        if current > latest:
            raise StoreError(
                f"{self.path} has schema version {current}, newer than this whosaid knows ({latest}); "
                "upgrade whosaid to open it"
            )
        for version, name, sql in known:
            if version <= current or version > target:
                continue
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                self.conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations "
                    "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                )
                # Another process may have migrated while we waited for the lock.
                if self.conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)).fetchone():
                    self.conn.execute("COMMIT")
                    continue
                for statement in split_statements(sql):
                    self.conn.execute(statement)
                self.conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, _now()),
                )
                self.conn.execute("COMMIT")
                log.info("applied schema migration %04d_%s to %s", version, name, self.path)
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise StoreError(f"schema migration {version:04d}_{name} failed on {self.path}: {exc}") from None
        return self.version()

    def close(self) -> None:
        self.conn.close()

    # ---- writing --------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def save_rejected(self, rejected: Rejected) -> None:
        try:
            self.conn.execute(
                "INSERT INTO rejected (source, code, reason, at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (source, code) DO UPDATE SET reason = excluded.reason, at = excluded.at",
                (rejected.source, rejected.code, rejected.reason, _now()),
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot record rejected input {rejected.source}: {exc}") from None

    @contextlib.contextmanager
    def _transaction(self, failure: str) -> Iterator[sqlite3.Connection]:
        """One write transaction: ``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any error.

        SQLite errors become ``StoreError(f"{failure}: …")``; other errors pass through
        after the rollback, so a killed or failing write never leaves half an article.
        """
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise StoreError(f"{failure}: {exc}") from None

    def save_analysis(self, analysis: Analysis) -> bool:
        with self._transaction(f"cannot store article {analysis.article.id}"):
            if self.has_article(analysis.article.id):
                return False
            self._write(analysis)
            return True

    def _write(self, analysis: Analysis) -> None:
        conn = self.conn
        art = analysis.article
        mentions = sum(len(a.mentions) for a in analysis.actors)
        conn.execute(
            "INSERT INTO articles (id, source, title, authors, published, url, publisher, language, format, "
            "text, body_start, excluded, warnings, n_actors, n_mentions, n_quotes, n_events, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                art.id, art.source, art.title, _json(list(art.authors)),
                art.published.isoformat() if art.published else None, art.url, art.publisher, art.language,
                art.format, art.text, art.body_start, _json([s.to_dict() for s in art.excluded]),
                _json(list(analysis.warnings)), len(analysis.actors), mentions, len(analysis.quotes),
                len(analysis.events), _now(),
            ),
        )

        # Actors: article-local ids -> corpus ids.
        corpus: dict[str, str] = {}
        for position, actor in enumerate(analysis.actors):
            key = actor_key(actor)
            corpus[actor.id] = key
            conn.execute(
                "INSERT INTO actors (id, key, name, kind, country, sector, role) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET country = coalesce(actors.country, excluded.country), "
                "sector = coalesce(actors.sector, excluded.sector), role = coalesce(actors.role, excluded.role)",
                (key, key, actor.name, actor.kind, actor.country, actor.sector, actor.role),
            )
            conn.execute(
                "INSERT INTO article_actors (article_id, local_id, actor_id, name, kind, country, sector, role, "
                "canonical_id, confidence, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (art.id, actor.id, key, actor.name, actor.kind, actor.country, actor.sector, actor.role,
                 actor.canonical_id, actor.confidence, position),
            )
            names = {normalise_name(n): n for n in [actor.name, *(m.text for m in actor.mentions if m.kind == "name")]}
            conn.executemany(
                "INSERT INTO actor_names (actor_id, norm, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [(key, norm, name) for norm, name in names.items() if norm],
            )
            conn.executemany(
                'INSERT INTO actor_mentions (article_id, local_id, actor_id, start, "end", text, kind, position) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(art.id, actor.id, key, m.start, m.end, m.text, m.kind, i) for i, m in enumerate(actor.mentions)],
            )

        def to_corpus(local: str | None) -> str | None:
            if local is None:
                return None
            if local not in corpus:
                log.warning("article %s refers to unknown actor %r; left unlinked", art.id, local)
            return corpus.get(local)

        # Quotes, and the actors mentioned inside each.
        published = art.published.isoformat() if art.published else None
        quote_ids: dict[str, str] = {}
        for position, quote in enumerate(analysis.quotes):
            qid = f"{art.id}:{quote.id}"
            quote_ids[quote.id] = qid
            record = quote.to_dict()
            speaker = record["speaker"]
            speaker_ids: list[str] = []
            if speaker is not None and speaker["actors"]:
                speaker_ids = [c for c in (to_corpus(a) for a in speaker["actors"]) if c]
                mapped = [to_corpus(a) for a in speaker["actors"]]
                speaker = {**speaker, "actors": mapped,
                           "actor": mapped[0] if len(mapped) == 1 else mapped}
            content = record["content"]
            conn.execute(
                "INSERT INTO quotes (id, article_id, local_id, kind, content, text, cue, speaker, speaker_id, "
                "speaker_mention, speaker_reason, addressee_id, addressee_mention, confidence, start, position, "
                "sort_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    qid, art.id, quote.id, quote.kind, _json(content), quote.text, _json(record["cue"]),
                    _json(speaker), speaker_ids[0] if speaker_ids else None,
                    _json(quote.speaker_mention.to_dict() if quote.speaker_mention else None),
                    quote.speaker_reason, to_corpus(quote.addressee), _json(record["addressee_mention"]),
                    quote.confidence, min((s["start"] for s in content), default=0), position,
                    quote_sort_key(published, art.id, position),
                ),
            )
            about = {
                corpus[a.id]
                for a in analysis.actors
                if a.id in corpus and any(_spans_overlap_inside(m.start, m.end, content) for m in a.mentions)
            } - set(speaker_ids)
            conn.executemany(
                "INSERT INTO quote_about (quote_id, actor_id) VALUES (?, ?)", [(qid, a) for a in sorted(about)]
            )

        # Events: merged across articles when type, actors, recipients and date agree.
        for position, event in enumerate(analysis.events):
            actors = sorted({c for c in map(to_corpus, event.actor) if c})
            recipients = sorted({c for c in map(to_corpus, event.recipient) if c})
            claimed_by = [c for c in map(to_corpus, event.claimed_by) if c]
            claimed = bool(event.claimed_by)
            date = event.date.isoformat() if event.date else None
            event_id = self._matching_event(event.type, actors, recipients, event.date)
            if event_id is None:
                event_id = conn.execute(
                    "INSERT INTO events (type, cameo, mode, actors, recipients, date, location, claimed, mentions, "
                    "first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
                    (event.type, event.cameo, event.mode, _json(actors), _json(recipients), date,
                     _json(event.location.to_dict() if event.location else None), int(claimed), published),
                ).lastrowid
                conn.executemany(
                    "INSERT INTO event_actors (event_id, actor_id, role) VALUES (?, ?, ?)",
                    [(event_id, a, "actor") for a in actors] + [(event_id, r, "recipient") for r in recipients],
                )
            else:
                conn.execute(
                    "UPDATE events SET mentions = mentions + 1, claimed = claimed * ?, "
                    "cameo = coalesce(cameo, ?), mode = coalesce(mode, ?), date = coalesce(date, ?), "
                    "location = coalesce(location, ?), "
                    "first_seen = CASE WHEN first_seen IS NULL OR first_seen > ? THEN ? ELSE first_seen END "
                    "WHERE id = ?",
                    (int(claimed), event.cameo, event.mode, date,
                     _json(event.location.to_dict() if event.location else None), published, published, event_id),
                )
            record = event.to_dict()
            record.update(actor=[to_corpus(a) for a in event.actor],
                          recipient=[to_corpus(r) for r in event.recipient],
                          claimed_by=[to_corpus(c) for c in event.claimed_by])
            conn.execute(
                "INSERT INTO event_reports (event_id, article_id, local_id, evidence, claimed_by, quote_id, negated, "
                "hypothetical, confidence, record, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (event_id, art.id, event.id, _json(event.evidence.to_dict()), _json(claimed_by),
                 quote_ids.get(event.quote) if event.quote else None, int(event.negated), int(event.hypothetical),
                 event.confidence, _json(record), position),
            )

    def _matching_event(self, type_: str, actors: list[str], recipients: list[str], date: dt.date | None) -> int | None:
        # Without any actor, two reports of a type say nothing about being the same event.
        if not actors and not recipients:
            return None
        rows = self.conn.execute(
            "SELECT id, date FROM events WHERE type = ? AND actors = ? AND recipients = ? ORDER BY id",
            (type_, _json(actors), _json(recipients)),
        ).fetchall()
        for row in rows:
            if date is None and row["date"] is None:
                return row["id"]
            if date is not None and row["date"] is not None:
                if abs((dt.date.fromisoformat(row["date"]) - date).days) <= EVENT_MERGE_DAYS:
                    return row["id"]
        return None

    # ---- reading: articles ----------------------------------------------------------------

    def article(self, article_id: str) -> dict:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise ArticleNotFound(article_id)
        from whosaid.records import OUTPUT_VERSION

        out: dict[str, Any] = {
            "version": OUTPUT_VERSION,
            "id": row["id"],
            "source": row["source"],
            "title": row["title"],
            "authors": _load(row["authors"]),
            "published": row["published"],
            "url": row["url"],
            "publisher": row["publisher"],
            "language": row["language"],
            "format": row["format"],
            "text": row["text"],
            "body_start": row["body_start"],
            "excluded": _load(row["excluded"]),
        }
        mentions: dict[str, list[dict]] = {}
        for m in self.conn.execute(
            'SELECT local_id, start, "end", text, kind FROM actor_mentions WHERE article_id = ? '
            "ORDER BY local_id, position",
            (article_id,),
        ):
            mentions.setdefault(m["local_id"], []).append(
                {"start": m["start"], "end": m["end"], "text": m["text"], "kind": m["kind"]}
            )
        out["actors"] = [
            {
                "id": a["actor_id"],
                "name": a["name"],
                "kind": a["kind"],
                "country": a["country"],
                "sector": a["sector"],
                "role": a["role"],
                "canonical_id": a["canonical_id"],
                "confidence": round(a["confidence"], 3),
                "mentions": mentions.get(a["local_id"], []),
            }
            for a in self.conn.execute(
                "SELECT * FROM article_actors WHERE article_id = ? ORDER BY position", (article_id,)
            )
        ]
        out["quotes"] = [
            {
                "id": q["local_id"],
                "kind": q["kind"],
                "content": _load(q["content"]),
                "cue": _load(q["cue"]),
                "speaker": _load(q["speaker"]),
                "speaker_reason": q["speaker_reason"],
                "addressee": q["addressee_id"],
                "addressee_mention": _load(q["addressee_mention"]),
                "confidence": round(q["confidence"], 3),
            }
            for q in self.conn.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY position", (article_id,))
        ]
        out["events"] = [
            _load(e["record"])
            for e in self.conn.execute(
                "SELECT record FROM event_reports WHERE article_id = ? ORDER BY position", (article_id,)
            )
        ]
        out["warnings"] = _load(row["warnings"])
        return out

    def articles(self, *, search=None, since=None, until=None, limit=50, cursor=None) -> Page:
        limit, (offset, snapshot) = _limit(limit), _decode_cursor(cursor)
        snapshot = self._snapshot("articles", "seq", snapshot)
        where, params = ["a.seq <= ?"], [snapshot]
        _date_range("a.published", since, until, where, params)
        columns = (
            "a.id, a.title, a.published, a.url, a.publisher, a.source, a.language, a.format, "
            "a.n_actors AS actors, a.n_quotes AS quotes, a.n_events AS events, a.ingested_at"
        )
        if search is not None:
            query = fts_query(search)
            if query is None:
                return Page([], None)
            sql = (
                f"SELECT {columns}, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet "
                "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ?"
                + "".join(f" AND {w}" for w in where)
                + " ORDER BY bm25(articles_fts), a.id"
            )
            params = [query, *params]
        else:
            sql = (
                f"SELECT {columns} FROM articles a"
                + (" WHERE " + " AND ".join(where) if where else "")
                + " ORDER BY a.published IS NULL, a.published DESC, a.id"
            )
        return self._page(sql, params, limit, offset, snapshot)

    def data_version(self) -> int:
        """A number that changes whenever another connection commits a write (``PRAGMA data_version``).

        Readers that keep answers in memory (the HTTP API's search cache) drop them when it changes.
        """
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def rejected(self) -> list[dict]:
        return [dict(r) for r in self.conn.execute("SELECT source, code, reason, at FROM rejected ORDER BY at, source")]

    def stats(self) -> dict:
        count = lambda table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: E731
        return {
            "articles": count("articles"),
            "rejected": count("rejected"),
            "actors": count("actors"),
            "mentions": count("actor_mentions"),
            "quotes": count("quotes"),
            "events": count("events"),
            "event_reports": count("event_reports"),
            "schema_version": self.version(),
        }

    # ---- reading: actors ------------------------------------------------------------------

    def resolve_actors(self, name: str) -> list[str]:
        """Corpus actor ids a user's name refers to: an exact id or name first, else whole words.

        Matching ignores case and accents (``chavez`` finds ``Hugo Chávez``) and uses
        every name the actor is mentioned by (``Bush`` finds ``George W. Bush``).
        """
        name = (name or "").strip()
        if not name:
            return []
        wanted = normalise_name(name)
        exact = [r[0] for r in self.conn.execute(
            "SELECT id FROM actors WHERE id = ? UNION SELECT actor_id FROM actor_names WHERE norm = ?",
            (name, wanted),
        )]
        if exact or not wanted:
            return exact
        pattern = re.compile(rf"(^| ){re.escape(wanted)}( |$)")
        found: list[str] = []
        for actor_id, norm in self.conn.execute(
            "SELECT actor_id, norm FROM actor_names WHERE norm LIKE ? ESCAPE '\\' ORDER BY actor_id", (_like(wanted),)
        ):
            if pattern.search(norm) and actor_id not in found:
                found.append(actor_id)
        return found

    def actors(self, *, search=None, country=None, limit=50, cursor=None) -> Page:
        limit, (offset, _) = _limit(limit), _decode_cursor(cursor)
        where, params = [], []
        if search is not None:
            ids = self.resolve_actors(search)
            if not ids:
                return Page([], None)
            where.append(f"ac.id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        if country:
            where.append("upper(ac.country) = upper(?)")
            params.append(country.strip())
        sql = (
            "SELECT ac.id, ac.name, ac.kind, ac.country, ac.sector, ac.role, "
            "(SELECT count(DISTINCT article_id) FROM article_actors aa WHERE aa.actor_id = ac.id) AS articles, "
            "(SELECT count(*) FROM actor_mentions m WHERE m.actor_id = ac.id) AS mentions, "
            "(SELECT count(*) FROM quotes q WHERE q.speaker_id = ac.id) AS quotes "
            "FROM actors ac"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY articles DESC, mentions DESC, ac.name, ac.id"
        )
        return self._page(sql, params, limit, offset)

    def actor(self, key_or_name: str) -> dict:
        ids = self.resolve_actors(key_or_name)
        if not ids:
            raise ActorNotFound(key_or_name)
        # The best-known of the actors the name fits.
        marks = ",".join("?" * len(ids))
        row = self.conn.execute(
            f"SELECT ac.*, (SELECT count(*) FROM actor_mentions m WHERE m.actor_id = ac.id) AS n "
            f"FROM actors ac WHERE ac.id IN ({marks}) ORDER BY n DESC, ac.id LIMIT 1",
            ids,
        ).fetchone()
        actor_id = row["id"]
        aliases = [
            r[0]
            for r in self.conn.execute(
                "SELECT text, count(*) AS n FROM actor_mentions WHERE actor_id = ? AND kind = 'name' "
                "GROUP BY text ORDER BY n DESC, text",
                (actor_id,),
            )
            if r[0] != row["name"]
        ]
        roles = [
            r[0]
            for r in self.conn.execute(
                "SELECT role, count(*) AS n FROM article_actors WHERE actor_id = ? AND role IS NOT NULL "
                "GROUP BY role ORDER BY n DESC, role",
                (actor_id,),
            )
        ]
        articles = [
            dict(r)
            for r in self.conn.execute(
                "SELECT a.id, a.title, a.published FROM articles a WHERE a.id IN "
                "(SELECT article_id FROM article_actors WHERE actor_id = ?) "
                "ORDER BY a.published IS NULL, a.published DESC, a.id",
                (actor_id,),
            )
        ]
        return {
            "id": actor_id,
            "key": row["key"],
            "name": row["name"],
            "kind": row["kind"],
            "country": row["country"],
            "sector": row["sector"],
            "role": row["role"],
            "aliases": aliases,
            "roles": roles,
            "article_count": len(articles),
            "articles": articles,
            "mentions": row["n"],
            "quotes_by": self.quotes(speaker=actor_id, limit=MAX_LIMIT).items,
            "quotes_about": self.quotes(about=actor_id, limit=MAX_LIMIT).items,
            "events": self._events_of(actor_id),
        }

    def _events_of(self, actor_id: str) -> list[dict]:
        rows = self.conn.execute(
            "SELECT DISTINCT e.* FROM events e JOIN event_actors ea ON ea.event_id = e.id WHERE ea.actor_id = ? "
            "ORDER BY coalesce(e.date, e.first_seen) IS NULL, coalesce(e.date, e.first_seen) DESC, e.id LIMIT ?",
            (actor_id, MAX_LIMIT),
        ).fetchall()
        return self._event_items(rows)

    # ---- reading: quotes ------------------------------------------------------------------

    def quotes(self, *, speaker=None, addressee=None, about=None, search=None, since=None, until=None,
               article=None, kind=None, limit=50, cursor=None) -> Page:
        seqs, more = self._quote_page(
            speaker=speaker, addressee=addressee, about=about, search=search, since=since, until=until,
            article=article, kind=kind, limit=limit, cursor=cursor)
        return Page(self._quote_items(seqs), more)

    def quotes_json(self, *, speaker=None, addressee=None, about=None, search=None, since=None,
                    until=None, article=None, kind=None, limit=50, cursor=None) -> Page:
        """``quotes()`` with each item as its JSON text, for a server that passes items on unparsed.

        SQLite writes the JSON, so a page costs no Python work per item (the HTTP API's hot path).
        """
        seqs, more = self._quote_page(
            speaker=speaker, addressee=addressee, about=about, search=search, since=since, until=until,
            article=article, kind=kind, limit=limit, cursor=cursor)
        return Page(self._quote_items_json(seqs), more)

    def _quote_page(self, *, speaker, addressee, about, search, since, until, article, kind, limit,
                    cursor) -> tuple[list[int], str | None]:
        """The row ids (``seq``) of one page of quotes in listing order, and the next cursor."""
        limit, (after, offset, snapshot) = _limit(limit), _decode_key_cursor(cursor)
        snapshot = self._snapshot("quotes", "seq", snapshot)
        where, params = ["q.seq <= ?"], [snapshot]
        for value, clause in (
            (speaker, "q.speaker_id IN ({})"),
            (addressee, "q.addressee_id IN ({})"),
            (about, "q.id IN (SELECT quote_id FROM quote_about WHERE actor_id IN ({}))"),
        ):
            if value is None:
                continue
            ids = self.resolve_actors(value)
            if not ids:
                return [], None
            where.append(clause.format(",".join("?" * len(ids))))
            params.extend(ids)
        # An actor or article filter: its index gives few rows, which the planner reads first.
        narrowed = len(where) > 1 or bool(article)
        since, until = _date(since, "since"), _date(until, "until")
        # Dates are a range of sort keys: published >= since is key < inverted(since) + char(2).
        if since:
            where.append("q.sort_key < ?")
            params.append(_inverted_date(since) + "\x02")
        if until:
            where.append("q.sort_key >= ? AND q.sort_key < '~'")
            params.append(_inverted_date(until))
        if after is not None:
            where.append("q.sort_key > ?")
            params.append(after)
        if article:
            where.append("q.article_id = ?")
            params.append(article)
        if kind:
            where.append("q.kind = ?")
            params.append(kind)
        source = "quotes q"
        if search is not None:
            query = fts_query(search)
            if query is None:
                return [], None
            matches = self.conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?", (query,)).fetchone()[0]
            if not matches:
                return [], None
            # Three plans, each reading only (seq, sort_key) until the page is known. With an
            # actor or article filter, its index drives and the matches are a set to test. Else
            # walking the quotes in key order and keeping the matches reads about
            # (limit * quotes / matches) index entries: best for common words; reading every
            # match and keeping the first keys costs a table lookup per match: best for rare ones.
            walk = (limit + 1) * snapshot / matches * (3 if kind else 1)
            if narrowed or walk < 4 * matches:
                if not narrowed:
                    source = "quotes q INDEXED BY quotes_sort"
                where.append("q.seq IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
                params.append(query)
            else:
                source = "quotes_fts CROSS JOIN quotes q ON q.seq = quotes_fts.rowid"
                where.insert(0, "quotes_fts MATCH ?")
                params.insert(0, query)
        keys = self.conn.execute(
            f"SELECT q.seq, q.sort_key FROM {source} WHERE " + " AND ".join(where)
            + " ORDER BY q.sort_key LIMIT ? OFFSET ?",
            [*params, limit + 1, offset],
        ).fetchall()
        page = keys[:limit]
        more = _encode_key_cursor(page[-1][1], snapshot) if len(keys) > limit else None
        return [seq for seq, _ in page], more

    def _quote_items(self, seqs: Sequence[int]) -> list[dict]:
        """The listing items of these quotes, in this order."""
        return [json.loads(item) for item in self._quote_items_json(seqs)]

    def _quote_items_json(self, seqs: Sequence[int]) -> list[str]:
        """The listing items of these quotes as JSON texts, in this order (one query; SQLite writes them)."""
        if not seqs:
            return []
        sql = _QUOTE_ITEM_SQL.format(",".join("?" * len(seqs)))
        rows = dict(self.conn.execute(sql, list(seqs)).fetchall())
        return [rows[seq] for seq in seqs if seq in rows]

    # ---- reading: events ------------------------------------------------------------------

    def events(self, *, type=None, actor=None, recipient=None, since=None, until=None,
               claimed: bool | None = None, limit=50, cursor=None) -> Page:
        limit, (offset, snapshot) = _limit(limit), _decode_cursor(cursor)
        snapshot = self._snapshot("events", "id", snapshot)
        where, params = ["e.id <= ?"], [snapshot]
        if type:
            where.append("upper(e.type) = upper(?)")
            params.append(type.strip())
        for value, role in ((actor, "actor"), (recipient, "recipient")):
            if value is None:
                continue
            ids = self.resolve_actors(value)
            if not ids:
                return Page([], None)
            marks = ",".join("?" * len(ids))
            where.append(f"e.id IN (SELECT event_id FROM event_actors WHERE role = ? AND actor_id IN ({marks}))")
            params.extend([role, *ids])
        _date_range("coalesce(e.date, e.first_seen)", since, until, where, params)
        if claimed is not None:
            where.append("e.claimed = ?")
            params.append(int(bool(claimed)))
        sql = (
            "SELECT e.* FROM events e"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY coalesce(e.date, e.first_seen) IS NULL, coalesce(e.date, e.first_seen) DESC, e.id"
        )
        rows = self.conn.execute(sql + " LIMIT ? OFFSET ?", [*params, limit + 1, offset]).fetchall()
        more = _encode_cursor(offset + limit, snapshot) if len(rows) > limit else None
        return Page(self._event_items(rows[:limit]), more)

    def _names(self, ids: Iterable[str]) -> dict[str, str]:
        ids, names = sorted(ids), {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            rows = self.conn.execute(f"SELECT id, name FROM actors WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            names.update((r[0], r[1]) for r in rows)
        return names

    def _event_items(self, rows: Sequence[sqlite3.Row]) -> list[dict]:
        """Listing items for these events: actor names and reports read in one query each."""
        if not rows:
            return []
        loaded = [(e, _load(e["actors"]), _load(e["recipients"])) for e in rows]
        names = self._names({a for _, actors, recipients in loaded for a in (*actors, *recipients)})
        reports: dict[int, list[dict]] = {}
        ids = [e["id"] for e in rows]
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for r in self.conn.execute(
                "SELECT r.*, a.title, a.published, a.url FROM event_reports r "
                f"JOIN articles a ON a.id = r.article_id WHERE r.event_id IN ({','.join('?' * len(chunk))}) "
                "ORDER BY r.event_id, a.published, r.article_id, r.position",
                chunk,
            ):
                reports.setdefault(r["event_id"], []).append({
                    "article_id": r["article_id"],
                    "article_title": r["title"],
                    "published": r["published"],
                    "url": r["url"],
                    "evidence": _load(r["evidence"]),
                    "claimed_by": _load(r["claimed_by"]),
                    "quote_id": r["quote_id"],
                    "negated": bool(r["negated"]),
                    "hypothetical": bool(r["hypothetical"]),
                    "confidence": round(r["confidence"], 3),
                })
        quads: dict[str, str] = {}
        items = []
        for e, actors, recipients in loaded:
            if e["type"] not in quads:
                quads[e["type"]] = quad_class(e["type"])
            mine = reports.get(e["id"], [])
            items.append({
                "id": e["id"],
                "type": e["type"],
                "cameo": e["cameo"],
                "mode": e["mode"],
                "quad": quads[e["type"]],
                "actors": [{"id": a, "name": names.get(a)} for a in actors],
                "recipients": [{"id": r, "name": names.get(r)} for r in recipients],
                "date": e["date"],
                "location": _load(e["location"]),
                "claimed": bool(e["claimed"]),
                "mentions": e["mentions"],
                "first_seen": e["first_seen"],
                "confidence": max((r["confidence"] for r in mine), default=None),
                "reports": mine,
            })
        return items

    # ---- reading: the network -------------------------------------------------------------

    def graph(self, *, since=None, until=None, min_weight=1) -> dict:
        since, until = _date(since, "since"), _date(until, "until")
        try:
            min_weight = max(1, int(min_weight))
        except (TypeError, ValueError):
            raise UsageError(f"min_weight must be a whole number, not {min_weight!r}") from None
        edges: dict[tuple[str, str, str, str], list] = {}

        def add(source: str | None, target: str | None, kind: str, quad: str, evidence: Any) -> None:
            if source and target and source != target:
                edges.setdefault((source, target, kind, quad), []).append(evidence)

        date_sql, params = [], []
        if since:  # the quotes' sort keys hold their article's date (see quotes())
            date_sql.append("q.sort_key < ?")
            params.append(_inverted_date(since) + "\x02")
        if until:
            date_sql.append("q.sort_key >= ? AND q.sort_key < '~'")
            params.append(_inverted_date(until))
        where = (" AND " + " AND ".join(date_sql)) if date_sql else ""
        quads: dict[str, str] = {}
        quote_quad = self._quote_quads(quads)
        last = None
        for quote_id, speaker_id, addressee_id, about in self.conn.execute(
            "SELECT q.id, q.speaker_id, q.addressee_id, qa.actor_id FROM quotes q "
            "LEFT JOIN quote_about qa ON qa.quote_id = q.id "
            f"WHERE q.speaker_id IS NOT NULL{where} ORDER BY q.seq, qa.actor_id",
            params,
        ):
            quad = quote_quad.get(quote_id, "neutral")
            if quote_id != last:
                add(speaker_id, addressee_id, "quote", quad, quote_id)
                last = quote_id
            if about is not None and about != addressee_id:
                add(speaker_id, about, "quote", quad, quote_id)
        ev_sql, ev_params = [], []
        if since:
            ev_sql.append("coalesce(e.date, e.first_seen) >= ?")
            ev_params.append(since)
        if until:
            ev_sql.append("coalesce(e.date, e.first_seen) <= ?")
            ev_params.append(until)
        # Every (actor, recipient) pair of every event, paired by SQLite's JSON functions.
        for event_id, type_, actor, recipient in self.conn.execute(
            "SELECT e.id, e.type, a.value, r.value FROM events e, json_each(e.actors) a, json_each(e.recipients) r"
            + (" WHERE " + " AND ".join(ev_sql) if ev_sql else "")
            + " ORDER BY e.id, a.key, r.key",
            ev_params,
        ):
            if type_ not in quads:
                quads[type_] = quad_class(type_)
            add(actor, recipient, "event", quads[type_], event_id)
        kept = [
            {"source": s, "target": t, "kind": k, "quad": quad, "weight": len(ev), "evidence": ev}
            for (s, t, k, quad), ev in sorted(edges.items())
            if len(ev) >= min_weight
        ]
        weight: dict[str, int] = {}
        for edge in kept:
            weight[edge["source"]] = weight.get(edge["source"], 0) + edge["weight"]
            weight[edge["target"]] = weight.get(edge["target"], 0) + edge["weight"]
        nodes = []
        if weight:
            ids = list(weight)
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                for r in self.conn.execute(
                    f"SELECT id, name, kind, country FROM actors WHERE id IN ({','.join('?' * len(chunk))})", chunk
                ):
                    nodes.append({**dict(r), "weight": weight[r["id"]]})
        nodes.sort(key=lambda n: (-n["weight"], n["id"]))
        return {"nodes": nodes, "edges": kept}

    def _quote_quads(self, quads: dict[str, str]) -> dict[str, str]:
        """The polarity of each quote that events were found in: cooperation or conflict.

        A quote's events are those whose evidence it is (claimed in it, or reported from
        it); the quote takes the quad class most of them have (``quad_class`` of their
        PLOVER type). Quotes without events, with only neutral ones, or with as many
        cooperative as conflictual ones are left out: their edges stay neutral.
        ``quads`` caches ``quad_class`` by event type.
        """
        votes: dict[str, dict[str, int]] = {}
        for quote_id, type_ in self.conn.execute(
            "SELECT r.quote_id, e.type FROM event_reports r JOIN events e ON e.id = r.event_id "
            "WHERE r.quote_id IS NOT NULL"
        ):
            if type_ not in quads:
                quads[type_] = quad_class(type_)
            if quads[type_] != "neutral":
                tally = votes.setdefault(quote_id, {})
                tally[quads[type_]] = tally.get(quads[type_], 0) + 1
        polarity = {}
        for quote_id, tally in votes.items():
            cooperation, conflict = tally.get("cooperation", 0), tally.get("conflict", 0)
            if cooperation != conflict:
                polarity[quote_id] = "cooperation" if cooperation > conflict else "conflict"
        return polarity

    # ---- paging ---------------------------------------------------------------------------

    def _page(self, sql: str, params: Sequence[Any], limit: int, offset: int, snapshot: int | None = None) -> Page:
        rows = self.conn.execute(sql + " LIMIT ? OFFSET ?", [*params, limit + 1, offset]).fetchall()
        items = [dict(r) for r in rows[:limit]]
        return Page(items, _encode_cursor(offset + limit, snapshot) if len(rows) > limit else None)

    def _snapshot(self, table: str, key: str, given: int | None) -> int:
        if given is not None:
            return given
        return self.conn.execute(f"SELECT coalesce(max({key}), 0) FROM {table}").fetchone()[0]


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
