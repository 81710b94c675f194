"""Ingest: turn files, streams and strings into Article records (or Rejected ones, with a reason)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from typing import Any

from whosaid.errors import InputRejected
from whosaid.records import Article


def article_id(text: str) -> str:
    """A stable id from the article's normalised content: same text, same id."""
    norm = unicodedata.normalize("NFKC", text)
    norm = re.sub(r"\s+", " ", norm).strip().lower()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def article_from_string(text_or_html: str, source: str = "<string>", **metadata: Any) -> Article:
    """One Article from a string of plain text or HTML (minimal: plain text only so far)."""
    if not text_or_html.strip():
        raise InputRejected("empty", "the input holds no text", source)
    published = metadata.get("published")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10])
    return Article(
        id=article_id(text_or_html),
        source=source,
        text=text_or_html,
        title=metadata.get("title"),
        authors=tuple(metadata.get("authors") or ()),
        published=published,
        url=metadata.get("url"),
        publisher=metadata.get("publisher"),
    )
