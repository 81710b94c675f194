"""HTML pages to article text and metadata, with trafilatura.

Fallback order (each step only when the one before yields no usable body):

1. ``trafilatura.bare_extraction`` with the options in ``PRIMARY`` (``favor_recall``,
   no comments: the best of the settings ``bench/eval_html.py --variants`` compares on
   ../shared/eval/html, tied on F1 with ``favor_precision`` but with higher recall, and a
   missed paragraph is a missed quote), with page metadata: title, authors, date, site
   name (publisher) and canonical url.
2. The same with trafilatura's default balance (``SECOND``): a different path through
   its heuristics for pages the first pass finds (almost) nothing in.
3. ``trafilatura.baseline``: the page's JSON-LD ``articleBody``, else its ``<p>`` text.
4. For fragments (feed entries), the plain text of the markup, block by block.

If none yields text, the page is rejected with ``no-article``. Broken markup never raises:
lxml repairs what it can, and a parse failure is a ``parse-error`` rejection.

Paragraphs are separated by blank lines in the returned text.

Example:
    >>> page = ("<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>"
    ...         "<p>The two delegations met again in Geneva on Monday, officials said, after a pause "
    ...         "of three weeks that had raised fears of a collapse.</p><p>A spokesman said progress "
    ...         "had been made on the main points of the agreement.</p></article></body></html>")
    >>> page_text = extract_html(page, "p.html")
    >>> page_text.title, page_text.text.split("\\n\\n")[1][:39]
    ('Talks resume', 'The two delegations met again in Geneva')
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from whosaid.errors import InputRejected
from whosaid.ingest.header import parse_date

log = logging.getLogger(__name__)

#: Options of the first trafilatura pass (see the module docstring and bench/eval_html.py).
PRIMARY: dict[str, Any] = {"favor_recall": True, "include_comments": False, "include_tables": True}
#: Options of the second pass.
SECOND: dict[str, Any] = {"include_comments": False, "include_tables": True}
#: A body shorter than this (characters) counts as no body, and the next step is tried.
MIN_BODY_CHARS = 200
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
           "article", "pre", "dd", "dt", "figcaption", "header", "footer"}


@dataclass
class PageText:
    """The article a page holds: body text (paragraphs split by blank lines) and metadata."""

    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: dt.date | None = None
    publisher: str | None = None
    url: str | None = None
    method: str = "trafilatura"


def _paragraphs(text: str) -> str:
    """One paragraph per line (trafilatura's text output) to paragraphs split by blank lines."""
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


def _authors(value: str | None) -> list[str]:
    if not value:
        return []
    return [a.strip() for a in re.split(r";|\s+and\s+|\s*&\s*", value) if a.strip()]


def fragment_text(html: str) -> str:
    """The text of an HTML fragment, one block element per paragraph (no boilerplate removal).

    >>> fragment_text("<p>One <b>bold</b> claim.</p><p>Two.</p>")
    'One bold claim.\\n\\nTwo.'
    """
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several types for hopeless markup
        return _paragraphs(re.sub(r"<[^>]+>", " ", html))
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _BLOCKS:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCKS:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    return _paragraphs("".join(parts))


def _trafilatura(html: str, url: str | None, options: dict[str, Any]):
    import trafilatura

    try:
        return trafilatura.bare_extraction(html, url=url, with_metadata=True, **options)
    except Exception as exc:  # noqa: BLE001 - a page trafilatura cannot handle is one bad input
        log.debug("trafilatura failed on a page: %s", exc)
        return None


def extract_html(html: str, source: str = "<string>", url: str | None = None, fragment: bool = False,
                 primary: dict[str, Any] | None = None) -> PageText:
    """The article in an HTML page (or, with ``fragment=True``, a feed entry's HTML); ``no-article`` if none."""
    if not html.strip():
        raise InputRejected("empty", "the page is empty", source)
    doc = _trafilatura(html, url, PRIMARY if primary is None else primary)
    body = _paragraphs(doc.text or "") if doc is not None else ""
    method = "trafilatura"
    if len(body) < MIN_BODY_CHARS:
        second = _trafilatura(html, url, SECOND)
        if second is not None and len(_paragraphs(second.text or "")) > len(body):
            body, method = _paragraphs(second.text or ""), "trafilatura-default"
            doc = doc or second
    if len(body) < MIN_BODY_CHARS and not fragment:
        try:
            import trafilatura

            _, base, _ = trafilatura.baseline(html)
        except Exception:  # noqa: BLE001
            base = ""
        if len(base or "") > len(body):
            body, method = _paragraphs(base), "baseline"
    if fragment:
        plain = fragment_text(html)
        if len(plain) > len(body):
            body, method = plain, "fragment"
    if not body.strip():
        raise InputRejected("no-article", "no article text could be extracted from the page", source)
    meta = doc if doc is not None else None
    published = None
    if meta is not None and meta.date:
        published = parse_date(str(meta.date))
    return PageText(
        text=body,
        title=(meta.title or None) if meta is not None else None,
        authors=_authors(meta.author) if meta is not None else [],
        published=published,
        publisher=(meta.sitename or None) if meta is not None else None,
        url=(meta.url or url) if meta is not None else url,
        method=method,
    )


def article_from_html(html: str, source: str = "<string>", fmt: str = "html", fragment: bool = False,
                      **metadata: Any):
    """An Article from an HTML page: the title line, a blank line, then the body paragraphs.

    The title is kept at the top of ``text`` (headline quotes are analysed) and ``body_start``
    points past it; debris lines left in the body are listed in ``excluded``.
    """
    from whosaid.ingest.header import find_debris, lines_with_offsets, merge_spans, parse_byline
    from whosaid.ingest.text import build_article, clean_metadata

    given = clean_metadata(metadata)
    page = extract_html(html, source, url=given.get("url"), fragment=fragment)
    title = given.get("title") or page.title
    body = page.text
    first = body.split("\n\n", 1)[0].strip()
    if title and first.lower() != title.strip().lower():
        text = f"{title.strip()}\n\n{body}"
        body_start = len(title.strip()) + 2
    elif title:
        text = body
        body_start = min(len(first) + 2, len(body))
    else:
        text, body_start = body, 0
    excluded = find_debris(text)
    # Bylines trafilatura leaves at the top of the body are metadata, not content.
    from whosaid.records import Span

    seen = 0
    for start, end, line in lines_with_offsets(text[body_start:]):
        if not line.strip():
            continue
        seen += 1
        if seen > 3:
            break
        if parse_byline(line):
            excluded.append(Span.of(text, body_start + start, body_start + end))
    excluded = merge_spans(excluded)
    found = {"title": page.title, "authors": tuple(page.authors), "published": page.published,
             "publisher": page.publisher, "url": page.url}
    return build_article(text, source, fmt, found, metadata, excluded, body_start)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


def decode_html(data: bytes, source: str, charset: str | None = None) -> str:
    """HTML bytes to text: the charset the server or the page declares, else the text decoding rules.

    >>> decode_html('<meta charset="windows-1252"><p>caf\\xe9</p>'.encode("cp1252"), "p.html")[-11:]
    '<p>café</p>'
    """
    import codecs

    from whosaid.ingest.detect import check_binary, decode_text

    declared = charset
    if not declared:
        m = _META_CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii", "ignore") if m else None
    if declared and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            codec = None
        if codec:
            check_binary(data, source)
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                # Pages often declare one charset and are written in another.
                pass
    return decode_text(data, source)
