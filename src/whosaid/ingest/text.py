"""Plain-text articles: the text unchanged, metadata from its header, debris listed as excluded spans.

Example:
    >>> a = article_from_text("Talks resume\\n\\nBy Jane Doe, Reuters\\n\\nThe two delegations met again "
    ...                       "in Geneva on Monday, officials said.\\n", "a.txt")
    >>> a.title, a.authors, a.publisher, a.text[a.body_start:a.body_start + 15]
    ('Talks resume', ('Jane Doe',), 'Reuters', 'The two delegat')
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import unicodedata
from typing import Any

from whosaid.errors import InputRejected
from whosaid.ingest.header import find_excluded, parse_date, parse_header
from whosaid.ingest.language import check_english
from whosaid.records import Article, Span

log = logging.getLogger(__name__)

#: Metadata keys callers may pass (``date`` is an alias of ``published``).
METADATA_KEYS = ("title", "authors", "published", "date", "url", "publisher")


def article_id(text: str) -> str:
    """A stable id from the article's normalised content: same text, same id.

    Normalisation: Unicode NFKC, runs of whitespace to one space, trimmed, lower-cased.

    >>> article_id("Iran  said\\nno.") == article_id("iran said no.")
    True
    """
    norm = unicodedata.normalize("NFKC", text)
    norm = re.sub(r"\s+", " ", norm).strip().lower()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def normalise_authors(value: Any) -> tuple[str, ...]:
    """Authors from a list or a string (``"Jane Doe and John Roe"``, ``"Jane Doe; John Roe"``).

    >>> normalise_authors("Jane Doe and John Roe"), normalise_authors(["Ann Lee", ""])
    (('Jane Doe', 'John Roe'), ('Ann Lee',))
    """
    if not value:
        return ()
    if isinstance(value, str):
        value = re.split(r"\s*;\s*|\s+and\s+|\s*&\s*", value)
    names = []
    for item in value:
        if isinstance(item, dict):  # feeds and JSON-LD give {"name": ...}
            item = item.get("name") or ""
        item = str(item).strip()
        if item and item not in names:
            names.append(item)
    return tuple(names)


def normalise_date(value: Any) -> dt.date | None:
    """A date from a ``date``, ``datetime`` or a string (ISO or a written date); None if there is none."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    date = parse_date(text)
    if date is None:
        log.warning("ignoring a published date that is not a date: %r", text)
    return date


def clean_metadata(metadata: dict[str, Any]) -> dict[str, Any]:
    """Given metadata with aliases resolved and empty values dropped."""
    out: dict[str, Any] = {}
    if metadata.get("title"):
        out["title"] = str(metadata["title"]).strip()
    authors = normalise_authors(metadata.get("authors") or metadata.get("author"))
    if authors:
        out["authors"] = authors
    published = normalise_date(metadata.get("published") or metadata.get("date"))
    if published:
        out["published"] = published
    for key in ("url", "publisher"):
        if metadata.get(key):
            out[key] = str(metadata[key]).strip()
    return out


def build_article(text: str, source: str, fmt: str, found: dict[str, Any], given: dict[str, Any],
                  excluded: list[Span], body_start: int) -> Article:
    """The Article: given metadata wins over what was found in the text; English checked on the body."""
    body = text[body_start:]
    if not body.strip():
        raise InputRejected("empty", "the input holds a header but no article text", source)
    language = check_english(body, source)
    meta = {**{k: v for k, v in found.items() if v}, **clean_metadata(given)}
    return Article(
        id=article_id(text),
        source=source,
        text=text,
        title=meta.get("title"),
        authors=tuple(meta.get("authors") or ()),
        published=meta.get("published"),
        url=meta.get("url"),
        publisher=meta.get("publisher"),
        language=language,
        format=fmt,
        excluded=tuple(excluded),
        body_start=body_start,
    )


def article_from_text(text: str, source: str = "<string>", fmt: str = "txt", **metadata: Any) -> Article:
    """An Article from plain text, kept exactly as given; header metadata and debris spans found in it."""
    if not text.strip():
        raise InputRejected("empty", "the input holds no text", source)
    header = parse_header(text)
    found = {"title": header.title, "authors": header.authors, "published": header.published,
             "publisher": header.publisher}
    return build_article(text, source, fmt, found, metadata, find_excluded(text, header), header.body_start)
