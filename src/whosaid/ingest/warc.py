"""WARC archives (``.warc``, ``.warc.gz``): one article per HTML ``response`` record, via warcio.

Only ``response`` records whose HTTP content type is HTML become articles; every other
record (requests, metadata, images, scripts) is skipped silently. The article's url is the
record's ``WARC-Target-URI`` and its source is ``path#record-N`` (N counts all records, from 1).
The size limit applies to each record's payload.

Example:
    >>> import io
    >>> from warcio.warcwriter import WARCWriter
    >>> from warcio.statusandheaders import StatusAndHeaders
    >>> buf = io.BytesIO()
    >>> html = (b"<html><head><title>Talks resume</title></head><body><article><p>The two delegations "
    ...         b"met again in Geneva on Monday, officials said, after a pause of three weeks that had "
    ...         b"raised fears of a collapse of the negotiations.</p></article></body></html>")
    >>> w = WARCWriter(buf, gzip=True)
    >>> headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    >>> w.write_record(w.create_warc_record("https://example.org/talks", "response",
    ...                payload=io.BytesIO(html), http_headers=headers))
    >>> _ = buf.seek(0)
    >>> [(a.source, a.url) for a in read_warc(buf, "crawl.warc.gz")]
    [('crawl.warc.gz#record-1', 'https://example.org/talks')]
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from whosaid.errors import InputRejected
from whosaid.ingest.detect import DEFAULT_MAX_BYTES
from whosaid.records import Article, Rejected

log = logging.getLogger(__name__)


def _charset(content_type: str) -> str | None:
    m = re.search(r"charset=[\"']?([\w.:-]+)", content_type or "", re.I)
    return m.group(1) if m else None


def read_warc(stream: BinaryIO, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Rejected]:
    """Articles from the HTML responses of a WARC stream; a damaged archive ends with one Rejected."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from whosaid.ingest.html import article_from_html, decode_html

    number = 0
    held: Article | Rejected | None = None  # the last result waits until the archive is known to be whole
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if "html" not in content_type.lower():
                continue
            where = f"{source}#record-{number}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            payload = record.content_stream().read(max_bytes + 1)
            if held is not None:
                yield held
            if len(payload) > max_bytes:
                held = Rejected(where, "too-large", f"the record's page is larger than the limit of {max_bytes:,} bytes")
                continue
            try:
                html = decode_html(payload, where, _charset(content_type))
                held = article_from_html(html, where, "warc", url=url)
            except InputRejected as exc:
                held = Rejected(where, exc.code, exc.reason)
    except ArchiveLoadFailed as exc:
        if held is not None:
            yield held
        code = "parse-error" if number == 0 else "truncated"
        yield Rejected(source, code, f"the WARC archive cannot be read after {number} records: {exc}")
        return
    except (EOFError, zlib.error, OSError) as exc:
        if held is not None:
            yield held
        yield Rejected(source, "truncated", f"the WARC archive is cut short after {number} records: {exc}")
        return
    if _gzip_cut_short(stream):
        if isinstance(held, Article):
            held = Rejected(held.source, "truncated", "the archive ends inside this record: the page is incomplete")
        if held is not None:
            yield held
        yield Rejected(source, "truncated", f"the compressed WARC archive is cut short after {number} records")
        return
    if held is not None:
        yield held


def _gzip_cut_short(stream: BinaryIO) -> bool:
    """Whether a gzip-compressed stream ends before its last member's end marker (warcio does not say)."""
    import gzip

    try:
        stream.seek(0)
        if stream.read(2) != b"\x1f\x8b":
            return False
        stream.seek(0)
        with gzip.GzipFile(fileobj=stream) as gz:
            while gz.read(1 << 20):
                pass
    except (EOFError, zlib.error):
        return True
    except (OSError, ValueError):  # not seekable, or damaged in another way
        return False
    return False
