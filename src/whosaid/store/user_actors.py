"""The user's actor dictionary entries, and re-saving an article's analysis (``whosaid relink``).

``UserActorsMixin`` is mixed into ``SQLiteStore``: it keeps the entries that
``whosaid actors add`` / ``actors import`` write (table ``user_actors``, migration
0005) and, for ``relink``, lists the stored articles, rebuilds each ``Article`` from
its stored text and replaces its analysis in one transaction.

Example:
    >>> store.add_user_actor({"name": "Bola Tinubu", "aliases": ["Asiwaju"]})   # doctest: +SKIP
    'user:BOLA_TINUBU'
    >>> load_dictionary(extra_entries=store.user_actors())                     # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Mapping
from typing import Any

from whosaid.errors import ArticleNotFound
from whosaid.records import Analysis, Article

KINDS = ("person", "organisation", "country", "group")


def user_actor_id(name: str) -> str:
    """The dictionary id of a user entry without one: ``Bola Tinubu`` -> ``user:BOLA_TINUBU``."""
    return "user:" + re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_")


def _iso(value: Any, what: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ValueError(f"{what} {value!r} is not a date (YYYY-MM-DD)") from None


def clean_user_actor(entry: Mapping[str, Any]) -> dict:
    """A user entry checked and normalised; ``ValueError`` says what is wrong with it."""
    name = " ".join(str(entry.get("name") or "").split())
    if not name:
        raise ValueError("an actor needs a name")
    kind = (entry.get("kind") or "person").strip().lower()
    if kind == "organization":
        kind = "organisation"
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    country = (entry.get("country") or "").strip().upper() or None
    if country is not None and not re.fullmatch(r"[A-Z]{3}", country):
        raise ValueError(f"country {country!r} is not an ISO 3166 alpha-3 code (e.g. IRN)")
    sector = (entry.get("sector") or "").strip().upper() or None
    if sector is not None and not re.fullmatch(r"[A-Z]{3}", sector):
        raise ValueError(f"sector {sector!r} is not a three-letter CAMEO sector (e.g. GOV)")
    aliases = []
    for alias in entry.get("aliases") or ():
        alias = " ".join(str(alias).split())
        if alias and alias not in aliases and alias != name:
            aliases.append(alias)
    roles = []
    for role in entry.get("roles") or ():
        title = " ".join(str(role.get("title") or "").split()) or None
        start, end = _iso(role.get("start"), "start"), _iso(role.get("end"), "end")
        if start and end and end < start:
            raise ValueError(f"role {title!r} ends ({end}) before it starts ({start})")
        roles.append({"title": title, "country": (role.get("country") or country),
                      "sector": (role.get("sector") or sector), "start": start, "end": end})
    return {"id": entry.get("id") or user_actor_id(name), "name": name, "kind": kind, "country": country,
            "sector": sector, "aliases": aliases, "roles": roles}


class UserActorsMixin:
    """User dictionary entries and analysis replacement, over ``self.conn`` (sqlite3, autocommit)."""

    conn: sqlite3.Connection

    # ---- user dictionary ------------------------------------------------------------------

    def add_user_actor(self, entry: Mapping[str, Any]) -> str:
        """Store one user entry (the shape ``load_dictionary(extra_entries=...)`` takes); its id.

        An entry with an id already stored extends it: aliases and roles are added,
        kind, country and sector replaced when given. Raises ``ValueError`` on a bad entry.
        """
        clean = clean_user_actor(entry)
        with self._transaction(f"cannot store actor {clean['name']}"):
            old = self.conn.execute("SELECT * FROM user_actors WHERE id = ?", (clean["id"],)).fetchone()
            if old is None:
                self.conn.execute(
                    "INSERT INTO user_actors (id, name, kind, country, sector, aliases, roles, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (clean["id"], clean["name"], clean["kind"], clean["country"], clean["sector"],
                     json.dumps(clean["aliases"], ensure_ascii=False),
                     json.dumps(clean["roles"], ensure_ascii=False),
                     dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
                )
            else:
                aliases = json.loads(old["aliases"])
                aliases += [a for a in clean["aliases"] if a not in aliases]
                roles = json.loads(old["roles"])
                for role in clean["roles"]:  # a role without a country or sector: the entry's
                    role = {**role, "country": role["country"] or clean["country"] or old["country"],
                            "sector": role["sector"] or clean["sector"] or old["sector"]}
                    if role not in roles:
                        roles.append(role)
                self.conn.execute(
                    "UPDATE user_actors SET kind = ?, country = coalesce(?, country), "
                    "sector = coalesce(?, sector), aliases = ?, roles = ? WHERE id = ?",
                    (clean["kind"] if entry.get("kind") else old["kind"], clean["country"], clean["sector"],
                     json.dumps(aliases, ensure_ascii=False), json.dumps(roles, ensure_ascii=False),
                     clean["id"]),
                )
        return clean["id"]

    def user_actors(self) -> list[dict]:
        """Every user entry, oldest first, as ``load_dictionary(extra_entries=...)`` takes them."""
        return [
            {"id": r["id"], "name": r["name"], "kind": r["kind"], "country": r["country"], "sector": r["sector"],
             "aliases": json.loads(r["aliases"]), "roles": json.loads(r["roles"]), "created_at": r["created_at"]}
            for r in self.conn.execute("SELECT * FROM user_actors ORDER BY created_at, id")
        ]

    # ---- relink ---------------------------------------------------------------------------

    def article_ids(self) -> list[str]:
        """The ids of every stored article, in the order they were stored."""
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY seq")]

    def stored_article(self, article_id: str) -> Article:
        """The ``Article`` record as it was ingested (text, metadata), for analysing it again."""
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise ArticleNotFound(article_id)
        return Article.from_dict({
            "id": row["id"], "source": row["source"], "title": row["title"], "authors": json.loads(row["authors"]),
            "published": row["published"], "url": row["url"], "publisher": row["publisher"],
            "language": row["language"], "format": row["format"], "text": row["text"],
            "body_start": row["body_start"], "excluded": json.loads(row["excluded"]),
        })

    def replace_analysis(self, analysis: Analysis) -> None:
        """Replace one stored article's actors, mentions, quotes and events with ``analysis``, in one transaction.

        Corpus events lose this article's reports (an event no other article reports
        goes); corpus actors no article refers to any more go. The article keeps its
        ingestion time. Raises ``errors.ArticleNotFound`` when the article is not stored.
        """
        conn = self.conn
        art_id = analysis.article.id
        with self._transaction(f"cannot replace the analysis of article {art_id}"):
            row = conn.execute("SELECT ingested_at FROM articles WHERE id = ?", (art_id,)).fetchone()
            if row is None:
                raise ArticleNotFound(art_id)
            old_actors = {r[0] for r in conn.execute(
                "SELECT actor_id FROM article_actors WHERE article_id = ?", (art_id,))}
            old_events = [r[0] for r in conn.execute(
                "SELECT DISTINCT event_id FROM event_reports WHERE article_id = ?", (art_id,))]
            # Deleting the article cascades to its article_actors, mentions, quotes (and
            # quote_about, quotes_fts), event_reports; then write it again.
            conn.execute("DELETE FROM articles WHERE id = ?", (art_id,))
            self._settle_events(old_events)
            self._write(analysis)  # type: ignore[attr-defined]
            conn.execute("UPDATE articles SET ingested_at = ? WHERE id = ?", (row[0], art_id))
            self._drop_orphan_actors(old_actors)

    def _settle_events(self, event_ids: list[str]) -> None:
        """Recount events that lost reports; delete those no article reports any more."""
        for event_id in event_ids:
            reports = self.conn.execute(
                "SELECT count(*), min(r.claimed_by != '[]'), min(a.published) FROM event_reports r "
                "JOIN articles a ON a.id = r.article_id WHERE r.event_id = ?",
                (event_id,),
            ).fetchone()
            if not reports[0]:
                self.conn.execute("DELETE FROM event_actors WHERE event_id = ?", (event_id,))
                self.conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
            else:
                self.conn.execute(
                    "UPDATE events SET mentions = ?, claimed = ?, first_seen = ? WHERE id = ?",
                    (reports[0], int(bool(reports[1])), reports[2], event_id),
                )

    def _drop_orphan_actors(self, actor_ids: set[str]) -> None:
        """Delete corpus actors (and their names) that nothing refers to any more."""
        for actor_id in sorted(actor_ids):
            used = self.conn.execute(
                "SELECT 1 FROM article_actors WHERE actor_id = ?1 UNION ALL "
                "SELECT 1 FROM quotes WHERE speaker_id = ?1 OR addressee_id = ?1 UNION ALL "
                "SELECT 1 FROM quote_about WHERE actor_id = ?1 UNION ALL "
                "SELECT 1 FROM event_actors WHERE actor_id = ?1 UNION ALL "
                "SELECT 1 FROM actor_mentions WHERE actor_id = ?1 LIMIT 1",
                (actor_id,),
            ).fetchone()
            if used is None:
                self.conn.execute("DELETE FROM actor_names WHERE actor_id = ?", (actor_id,))
                self.conn.execute("DELETE FROM actors WHERE id = ?", (actor_id,))
