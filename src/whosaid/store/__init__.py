"""The whosaid store: articles and everything found in them, kept in a database.

``open_store(path)`` opens (creating or upgrading) a SQLite database and returns a
``SQLiteStore``; every reader and writer (CLI, HTTP API, web UI) goes through the
``Store`` interface below, so a PostgreSQL backend can implement it later.

Why plain DB-API ``sqlite3`` and no ORM or SQLAlchemy Core: it is in the standard
library (zero dependencies), the full-text search we need (FTS5: ``MATCH``,
``bm25``, ``snippet``) has to be raw SQL on any toolkit anyway, and the queries are
few and known. The schema and queries are kept to portable SQL (``TEXT`` ids, JSON
as ``TEXT``, ISO dates, ``INSERT ... ON CONFLICT``) and the dialect-specific parts
(FTS5, pragmas, the migration runner's statement splitting) are isolated in
``sqlite.py`` and ``migrations/0002_full_text_search.sql``.

Schema changes are numbered SQL files in ``whosaid/store/migrations/``
(``0001_initial.sql``, ``0002_...``): to change the schema, add the next file.
Opening a database applies the missing ones in order, each in one transaction,
and records them in ``schema_migrations``; a database written by a newer whosaid
is refused with a ``StoreError``.

Example:
    >>> store = open_store("whosaid.db")                        # doctest: +SKIP
    >>> store.save_analysis(pipeline.analyse(article))          # doctest: +SKIP
    True
    >>> store.quotes(speaker="Khamenei").items[0]["text"]       # doctest: +SKIP
"""

from __future__ import annotations

import abc
from dataclasses import dataclass, field
from pathlib import Path

from whosaid.records import Analysis, Rejected


@dataclass(frozen=True)
class Page:
    """One page of a listing; pass ``next_cursor`` back as ``cursor`` for the next (None on the last)."""

    items: list[dict] = field(default_factory=list)
    next_cursor: str | None = None


class Store(abc.ABC):
    """What every whosaid database backend provides. All filters are optional.

    Dates (``since``/``until``) are ISO ``YYYY-MM-DD`` strings or ``datetime.date``,
    inclusive. Names (``speaker``, ``actor`` ...) match a corpus actor id, a name or
    an alias, whole words, case-insensitively. ``search`` is free text: any
    characters are safe, words are all required.
    """

    @abc.abstractmethod
    def has_article(self, article_id: str) -> bool:
        """Whether the article with this id is stored."""

    @abc.abstractmethod
    def save_analysis(self, analysis: Analysis) -> bool:
        """Store one article with all its records in one transaction; False if it was already stored."""

    @abc.abstractmethod
    def save_rejected(self, rejected: Rejected) -> None:
        """Record an input that could not be analysed (once per source and code)."""

    @abc.abstractmethod
    def article(self, article_id: str) -> dict:
        """One article in the output contract (docs/output.md), actor ids corpus-level.

        Raises ``errors.ArticleNotFound``.
        """

    @abc.abstractmethod
    def articles(self, *, search=None, since=None, until=None, limit=50, cursor=None) -> Page:
        """Stored articles, newest first (best match first when searching)."""

    @abc.abstractmethod
    def rejected(self) -> list[dict]:
        """Every rejected input with its code, reason and when."""

    @abc.abstractmethod
    def stats(self) -> dict:
        """Counts: articles, rejected, actors, mentions, quotes, events."""

    @abc.abstractmethod
    def quotes(self, *, speaker=None, addressee=None, about=None, search=None, since=None, until=None,
               article=None, kind=None, limit=50, cursor=None) -> Page:
        """Quotes with their article, speaker and addressee."""

    @abc.abstractmethod
    def actors(self, *, search=None, country=None, limit=50, cursor=None) -> Page:
        """Corpus actors, most-reported first."""

    @abc.abstractmethod
    def actor(self, key_or_name: str) -> dict:
        """One actor with aliases, roles, article count, quotes by and about them, events.

        Raises ``errors.ActorNotFound``.
        """

    @abc.abstractmethod
    def events(self, *, type=None, actor=None, recipient=None, since=None, until=None,
               claimed: bool | None = None, limit=50, cursor=None) -> Page:
        """Corpus events with every article's evidence for them."""

    @abc.abstractmethod
    def graph(self, *, since=None, until=None, min_weight=1) -> dict:
        """The actor network: quote edges (speaker -> addressee / actors quoted about) and event edges."""

    # ---- the user's actor dictionary and relinking (store/user_actors.py) -------------------

    @abc.abstractmethod
    def add_user_actor(self, entry: dict) -> str:
        """Store a user actor entry (``load_dictionary(extra_entries=...)`` shape); its id. ``ValueError`` if bad."""

    @abc.abstractmethod
    def user_actors(self) -> list[dict]:
        """Every user actor entry, ready for ``load_dictionary(extra_entries=...)``."""

    @abc.abstractmethod
    def article_ids(self) -> list[str]:
        """The ids of every stored article."""

    @abc.abstractmethod
    def stored_article(self, article_id: str):
        """The stored ``records.Article`` (text and metadata), to analyse again. Raises ``errors.ArticleNotFound``."""

    @abc.abstractmethod
    def replace_analysis(self, analysis: Analysis) -> None:
        """Replace one stored article's actors, mentions, quotes and events in one transaction."""

    @abc.abstractmethod
    def close(self) -> None:
        """Close the connection."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(path: str | Path) -> Store:
    """Open the database at ``path`` (created and migrated to the latest schema as needed)."""
    from whosaid.errors import StoreError
    from whosaid.store.sqlite import SQLiteStore

    text = str(path)
    if text.startswith(("postgres://", "postgresql://")):
        raise StoreError("the PostgreSQL backend is not built yet; use a SQLite file path")
    return SQLiteStore(path)


__all__ = ["Page", "Store", "open_store"]
