"""Ingest: turn files, streams and strings into Article records (or Rejected ones, with a reason).

Formats (one module each): plain text (``text``, with ``header`` for the title/byline/date
a copied page carries and the page debris inside it), HTML (``html``, trafilatura), JSON lines
(``jsonl``), WARC (``warc``, warcio) and RSS/Atom feeds (``feed``, feedparser). ``detect``
reads bytes safely (size limit, gzip, binary, encodings) and guesses the format;
``language`` rejects text that is confidently not English.

Bad input never raises out of ``read_inputs``: it yields ``Rejected(source, code, reason)``
and goes on with the next input.

Example:
    >>> a = article_from_string("Talks resume\\n\\nMonday, March 2, 2020\\n\\nThe two delegations met "
    ...                         "again in Geneva on Monday, officials said.")
    >>> a.title, str(a.published), a.format, a.language
    ('Talks resume', '2020-03-02', 'txt', 'en')
"""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from whosaid.errors import InputRejected
from whosaid.ingest.detect import (DEFAULT_MAX_BYTES, FORMATS, decode_text, detect_format, format_from_name,
                                   gunzip, is_gzip, is_input_name, read_file, read_limited)
from whosaid.ingest.text import article_id
from whosaid.records import Article, Rejected

__all__ = ["DEFAULT_MAX_BYTES", "FORMATS", "article_from_string", "article_id", "read_inputs"]

log = logging.getLogger(__name__)

#: The source name of standard input.
STDIN_SOURCE = "<stdin>"


def article_from_string(text_or_html: str, source: str = "<string>", format: str | None = None,
                        **metadata: Any) -> Article:
    """One Article from a string of plain text or HTML; raises ``InputRejected`` if it is not one.

    ``format`` is ``"txt"`` or ``"html"`` (detected when None). ``metadata`` (``title``,
    ``authors``, ``published``, ``url``, ``publisher``) wins over what the text or page says.
    For plain text, ``Article.text`` is the string unchanged.
    """
    from whosaid.ingest.html import article_from_html
    from whosaid.ingest.text import article_from_text

    if not text_or_html.strip():
        raise InputRejected("empty", "the input holds no text", source)
    fmt = format or detect_format("", text_or_html[:4096].encode("utf-8", "ignore"))
    if fmt == "txt":
        return article_from_text(text_or_html, source, "txt", **metadata)
    if fmt == "html":
        return article_from_html(text_or_html, source, "html", **metadata)
    raise InputRejected("unsupported", f"a single string can be plain text or HTML, not {fmt}", source)


def read_inputs(paths: Iterable[str | Path], format: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Rejected]:
    """Articles (or Rejected inputs) from files, directories (recursive, sorted, hidden files
    skipped) and ``"-"`` for standard input, in order. Never raises for a bad input.

    In a directory only files with an input extension are read (``.txt``, ``.html``/``.htm``,
    ``.jsonl``, ``.warc``, ``.rss``/``.atom``/``.xml``, each optionally ``.gz``): a README or
    a manifest next to the articles is not an article. A file named explicitly is always read.

    ``format`` forces one of ``FORMATS`` for every file; otherwise each file's format is
    detected from its name and content.
    """
    if format is not None and format not in FORMATS:
        raise ValueError(f"unknown input format {format!r}; one of {', '.join(FORMATS)}")
    if isinstance(paths, (str, Path)):  # one path, not an iterable of characters
        paths = [paths]
    for path in paths:
        if str(path) == "-":
            yield from _guarded(STDIN_SOURCE, lambda: _read_stdin(format, max_bytes))
            continue
        p = Path(path)
        if p.is_dir():
            for file in _files_under(p):
                yield from _guarded(str(file), lambda f=file: _read_path(f, format, max_bytes))
        elif p.exists():
            yield from _guarded(str(p), lambda: _read_path(p, format, max_bytes))
        else:
            yield Rejected(str(p), "unreadable", "no such file or directory")


def _files_under(directory: Path) -> list[Path]:
    files = []
    for file in directory.rglob("*"):
        rel = file.relative_to(directory)
        if any(part.startswith(".") for part in rel.parts) or not file.is_file() or not is_input_name(file.name):
            continue
        files.append(file)
    return sorted(files)


def _guarded(source: str, produce) -> Iterator[Article | Rejected]:
    """Run a reader; an InputRejected or an unexpected error becomes one Rejected, and the batch goes on."""
    try:
        yield from produce()
    except InputRejected as exc:
        yield Rejected(exc.source or source, exc.code, exc.reason)
    except Exception as exc:  # noqa: BLE001 - one odd input must not stop a batch
        log.exception("reading %s failed", source)
        yield Rejected(source, "failed", f"{type(exc).__name__}: {exc}")


def _read_stdin(format: str | None, max_bytes: int) -> Iterator[Article | Rejected]:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        data = read_limited(buffer, max_bytes, STDIN_SOURCE)
    else:  # a text stream (tests, embedding): re-encode what it gives
        text = sys.stdin.read(max_bytes + 1)
        data = text.encode("utf-8")
        if len(text) > max_bytes or len(data) > max_bytes:
            raise InputRejected("too-large", f"the input is larger than the limit of {max_bytes:,} bytes",
                                STDIN_SOURCE)
    if is_gzip(data):
        data = gunzip(io.BytesIO(data), max_bytes, STDIN_SOURCE)
    yield from _read_bytes(data, STDIN_SOURCE, "-", format, max_bytes)


def _read_path(path: Path, format: str | None, max_bytes: int) -> Iterator[Article | Rejected]:
    fmt = format or format_from_name(path.name)
    if fmt == "warc" or (fmt is None and _sniff_warc(path)):
        from whosaid.ingest.warc import read_warc

        with path.open("rb") as fh:  # streamed: the size limit applies per record
            yield from read_warc(fh, str(path), max_bytes)
        return
    data = read_file(path, max_bytes)
    yield from _read_bytes(data, str(path), path.name, fmt, max_bytes)


def _sniff_warc(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    if is_gzip(head):
        import gzip
        import zlib

        try:
            with gzip.open(path, "rb") as gz:
                head = gz.read(16)
        except (OSError, EOFError, zlib.error):
            return False
    return head.lstrip().startswith(b"WARC/")


def _read_bytes(data: bytes, source: str, name: str, format: str | None,
                max_bytes: int) -> Iterator[Article | Rejected]:
    from whosaid.ingest.html import article_from_html, decode_html
    from whosaid.ingest.text import article_from_text

    if not data.strip():
        raise InputRejected("empty", "the input is empty", source)
    fmt = format or detect_format(name, data[:8192])
    if fmt == "warc":
        from whosaid.ingest.warc import read_warc

        yield from read_warc(io.BytesIO(data), source, max_bytes)
    elif fmt == "rss":
        from whosaid.ingest.detect import check_binary
        from whosaid.ingest.feed import read_feed

        check_binary(data, source)
        yield from read_feed(data, source)
    elif fmt == "html":
        yield article_from_html(decode_html(data, source), source, "html")
    elif fmt == "jsonl":
        from whosaid.ingest.jsonl import read_jsonl

        yield from read_jsonl(decode_text(data, source), source)
    else:
        yield article_from_text(decode_text(data, source), source, "txt")
