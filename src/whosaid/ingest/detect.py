"""Reading raw inputs safely: size limits, gzip, binary sniffing, text decoding and format detection.

Every check here raises ``InputRejected`` with a code from ``whosaid.errors.REJECT_CODES``
so that one bad file is recorded and the batch goes on.

Example:
    >>> decode_text("caf\\xe9".encode("cp1252"), "a.txt")
    'café'
    >>> detect_format("feed.xml", b'<?xml version="1.0"?><rss version="2.0">')
    'rss'
"""

from __future__ import annotations

import gzip
import io
import json
import re
import zlib
from pathlib import Path
from typing import BinaryIO

from whosaid.errors import InputRejected

#: Input formats; ``rss`` covers Atom and RDF feeds too.
FORMATS: tuple[str, ...] = ("txt", "html", "jsonl", "warc", "rss")

#: Default size limit for one input (a file, a stdin stream, a WARC record): 5 MB.
DEFAULT_MAX_BYTES = 5_000_000

_EXTENSIONS = {
    ".txt": "txt", ".text": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc", ".arc": "warc",
    ".rss": "rss", ".atom": "rss", ".rdf": "rss",
}
_FEED_MARKS = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_MARKS = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|p|div|h1|title)[\s>/]", re.I)
# Control characters that never occur in text (tab, newlines, form feed and escape excepted).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
# Bytes cp1252 leaves undefined; latin-1 maps 0x80-0x9F to C1 controls, which text never holds.
_C1 = re.compile(rb"[\x80-\x9f]")


def format_from_name(name: str) -> str | None:
    """The format a file name's extension says, or None (``.xml`` and unknown ones need sniffing).

    >>> format_from_name("crawl.warc.gz"), format_from_name("page.HTM"), format_from_name("x.xml")
    ('warc', 'html', None)
    """
    suffixes = [s.lower() for s in Path(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return _EXTENSIONS.get(suffixes[-1]) if suffixes else None


def is_input_name(name: str) -> bool:
    """Whether a file found in a directory is read: a known extension, or ``.xml`` (sniffed for a feed).

    Other files in a directory (``README.md``, ``manifest.tsv``, images) are skipped; a file
    named explicitly is always read.

    >>> is_input_name("a.htm"), is_input_name("feed.xml"), is_input_name("README.md")
    (True, True, False)
    """
    suffixes = [s.lower() for s in Path(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return bool(suffixes) and (suffixes[-1] in _EXTENSIONS or suffixes[-1] == ".xml")


def detect_format(name: str, head: bytes) -> str:
    """The input format from the file name, else from its first bytes (decompressed).

    >>> detect_format("-", b"WARC/1.0\\r\\n")
    'warc'
    >>> detect_format("notes", b"Plain words here.")
    'txt'
    """
    by_name = format_from_name(name)
    if by_name is not None:
        return by_name
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096]
    if start.startswith(b"WARC/"):
        return "warc"
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):  # utf-16: sniff on the decoded form
        try:
            start = head.decode("utf-16", errors="ignore").encode("utf-8")[:4096]
        except UnicodeError:
            pass
    if _FEED_MARKS.search(start[:2048]):
        return "rss"
    if start[:1] == b"<" and _HTML_MARKS.search(start):
        return "html"
    if start[:1] == b"{":
        first = start.split(b"\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            pass
    return "txt"


def is_gzip(head: bytes) -> bool:
    return head[:2] == b"\x1f\x8b"


def read_limited(stream: BinaryIO, max_bytes: int, source: str) -> bytes:
    """At most ``max_bytes`` from a stream; ``too-large`` as soon as there is more."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputRejected("too-large", f"the input is larger than the limit of {max_bytes:,} bytes", source)
    return data


def read_file(path: Path, max_bytes: int) -> bytes:
    """A file's bytes, gunzipped when compressed, within the size limit (checked before reading).

    Raises ``too-large`` (with both sizes), ``truncated`` (gzip cut short) or ``unreadable``.
    """
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputRejected(
                "too-large", f"the file is {size:,} bytes, over the limit of {max_bytes:,} bytes", source)
        with path.open("rb") as fh:
            head = fh.read(2)
            fh.seek(0)
            if not is_gzip(head):
                return fh.read()
            return gunzip(fh, max_bytes, source)
    except OSError as exc:
        raise InputRejected("unreadable", f"cannot read the file: {exc.strerror or exc}", source) from exc


def gunzip(stream: BinaryIO, max_bytes: int, source: str) -> bytes:
    """Decompressed gzip content within the size limit; ``truncated`` if the stream ends early."""
    try:
        with gzip.GzipFile(fileobj=stream) as gz:
            data = gz.read(max_bytes + 1)
    except EOFError as exc:
        raise InputRejected("truncated", "the gzip stream ends before its end marker (file cut short)",
                            source) from exc
    except (OSError, zlib.error) as exc:
        raise InputRejected("truncated" if "end" in str(exc).lower() else "parse-error",
                            f"the gzip data is damaged: {exc}", source) from exc
    if len(data) > max_bytes:
        raise InputRejected("too-large", f"the decompressed input is larger than the limit of {max_bytes:,} bytes",
                            source)
    return data


def check_binary(data: bytes, source: str) -> None:
    """Reject bytes that are not text: NUL bytes, or many control characters."""
    sample = data[:65536]
    if not sample:
        return
    if b"\x00" in sample:
        raise InputRejected("binary", "the input holds NUL bytes: it is binary, not text", source)
    controls = sum(sample.count(bytes([c])) for c in _CONTROL)
    if controls / len(sample) > 0.05:
        raise InputRejected(
            "binary", f"{controls / len(sample):.0%} of the first bytes are control characters: binary, not text",
            source)


def decode_text(data: bytes, source: str) -> str:
    """Bytes to text: UTF-8 (a leading BOM is dropped), UTF-16 with a BOM, then cp1252 or latin-1
    only when the bytes fit; otherwise ``undecodable``. NUL bytes or many control characters: ``binary``.

    The byte-order mark is dropped because it is an encoding signature, not a character of the
    article; everything else is kept exactly, so offsets index the decoded text.

    >>> decode_text(b"\\xef\\xbb\\xbfHello", "a.txt")
    'Hello'
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputRejected("undecodable", f"the input has a UTF-16 mark but is not UTF-16: {exc.reason}",
                                source) from exc
    check_binary(data, source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        if _C1.search(data):
            raise InputRejected("undecodable", "the bytes are not UTF-8, UTF-16, cp1252 or latin-1 text",
                                source) from None
        text = data.decode("latin-1")
    # Bytes of another multi-byte encoding decode as cp1252 mojibake: mostly non-ASCII letters.
    high = sum(1 for ch in text if ord(ch) > 127)
    if high > 0.3 * len(text):
        raise InputRejected("undecodable",
                            f"{high / len(text):.0%} of the characters would be non-ASCII in cp1252: "
                            "the text is in an encoding we do not read", source)
    return text


def sniff_head(data: bytes) -> bytes:
    """The first bytes of the content, decompressed if gzip (for detection only)."""
    if is_gzip(data):
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
                return gz.read(8192)
        except (OSError, EOFError, zlib.error):
            return b""
    return data[:8192]
