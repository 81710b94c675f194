"""JSON lines: one article per line, ``text`` or ``html`` plus optional metadata.

Fields: ``text`` or ``html``; ``title``; ``authors`` (list or string; ``author`` too);
``published`` or ``date``; ``url``; ``publisher`` or ``source``. A bad line is rejected
on its own (source ``path#line-N``); a last line cut short is ``truncated``.

Example:
    >>> lines = '{"text": "The minister said on Monday that the talks in Geneva would go on next week.", "title": "Talks"}\\n{oops\\n'
    >>> [type(r).__name__ for r in read_jsonl(lines, "a.jsonl")]
    ['Article', 'Rejected']
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from whosaid.errors import InputRejected
from whosaid.records import Article, Rejected


def _article(record: dict[str, Any], source: str) -> Article:
    from whosaid.ingest.html import article_from_html
    from whosaid.ingest.text import article_from_text

    meta = {k: record.get(k) for k in ("title", "authors", "author", "published", "date", "url")}
    meta["publisher"] = record.get("publisher") or record.get("source")
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return article_from_text(text, source, "jsonl", **meta)
    if isinstance(html, str) and html.strip():
        return article_from_html(html, source, "jsonl", **meta)
    raise InputRejected("empty", "the line has no non-empty 'text' or 'html' string", source)


def read_jsonl(content: str, source: str) -> Iterator[Article | Rejected]:
    """Articles (or Rejected lines) from the text of a JSON-lines file."""
    lines = content.splitlines()
    ends_cleanly = content.endswith(("\n", "\r"))
    for number, line in enumerate(lines, 1):
        where = f"{source}#line-{number}"
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            if number == len(lines) and not ends_cleanly:
                yield Rejected(where, "truncated", f"the last line is cut short ({exc.msg} at column {exc.colno})")
            else:
                yield Rejected(where, "parse-error", f"the line is not valid JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(record, dict):
            yield Rejected(where, "parse-error", f"the line is a JSON {type(record).__name__}, not an object")
            continue
        try:
            yield _article(record, where)
        except InputRejected as exc:
            yield Rejected(where, exc.code, exc.reason)
