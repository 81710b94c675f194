"""RSS, Atom and RDF feeds: one article per entry, via feedparser.

Each entry's ``content`` (else its ``summary``) is turned into text by the HTML path
(``html.article_from_html`` with ``fragment=True``); its title, link, published (else
updated) date and authors become the article's metadata. Sources are ``path#entry-N``.

Example:
    >>> feed = b'''<?xml version="1.0"?><rss version="2.0"><channel><title>World</title>
    ... <item><title>Talks resume</title><link>https://example.org/talks</link>
    ... <pubDate>Mon, 02 Mar 2020 10:00:00 GMT</pubDate>
    ... <description>&lt;p&gt;The two delegations met again in Geneva on Monday, officials said.&lt;/p&gt;</description>
    ... </item></channel></rss>'''
    >>> [(a.title, a.url, str(a.published)) for a in read_feed(feed, "world.rss")]
    [('Talks resume', 'https://example.org/talks', '2020-03-02')]
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from collections.abc import Iterator
from typing import Any

from whosaid.errors import InputRejected
from whosaid.records import Article, Rejected


def _entry_body(entry: Any) -> tuple[str, bool]:
    """The entry's richest body and whether it is HTML."""
    best, is_html = "", False
    for content in entry.get("content") or ():
        value = content.get("value") or ""
        if len(value) > len(best):
            best, is_html = value, "html" in (content.get("type") or "html")
    summary = entry.get("summary") or ""
    if len(summary) > len(best):
        detail = entry.get("summary_detail") or {}
        best, is_html = summary, "html" in (detail.get("type") or "html")
    return best, is_html


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _entry_authors(entry: Any) -> list[str]:
    """Author names; RSS writes ``email (Name)``, which feedparser does not always split well."""
    raw = entry.get("author") or ""
    m = re.fullmatch(r"\s*\S+@\S+\s*\((.+)\)\s*", raw)
    if m:
        return [m.group(1).strip()]
    names = [a.get("name") for a in entry.get("authors") or () if a.get("name")]
    names = [n for n in names if "@" not in n and "(" not in n]
    if names:
        return names
    return [raw] if raw and "@" not in raw else []


def read_feed(data: bytes, source: str) -> Iterator[Article | Rejected]:
    """Articles (or Rejected entries) from the bytes of an RSS/Atom/RDF feed."""
    import feedparser

    from whosaid.ingest.html import article_from_html
    from whosaid.ingest.text import article_from_text

    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = str(parsed.get("bozo_exception") or "malformed feed")
            yield Rejected(source, "parse-error", f"the feed cannot be parsed: {reason}")
        else:
            yield Rejected(source, "no-article", "the feed has no entries")
        return
    publisher = (parsed.feed.get("title") or None) if parsed.get("feed") else None
    for number, entry in enumerate(parsed.entries, 1):
        where = f"{source}#entry-{number}"
        body, is_html = _entry_body(entry)
        authors = _entry_authors(entry)
        meta = {"title": html_lib.unescape(entry.get("title") or "") or None, "url": entry.get("link"),
                "published": _entry_date(entry), "authors": authors, "publisher": publisher}
        try:
            if not body.strip():
                raise InputRejected("empty", "the entry has no content or summary", where)
            if is_html:
                yield article_from_html(body, where, "rss", fragment=True, **meta)
            else:
                yield article_from_text(body, where, "rss", **meta)
        except InputRejected as exc:
            yield Rejected(where, exc.code, exc.reason)
