"""Gold quotations read from PolNeAR (brat standoff) and from seed-style ``gold.json`` files.

Evaluation code only: the product never reads ``../shared``. Scores are defined in
``../shared/eval/README.md``; the token and Dice functions here are that definition.

Example:
    >>> tokens("He said: “U.S. plot.”")
    ['he', 'said', 'u', 's', 'plot']
    >>> dice(tokens("a b b"), tokens("a b c"))
    0.6666666666666666
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whosaid.records import Span

#: brat relation triggers that mark an attribution (``Discuss``, ``Discard`` are not ones).
ATTRIBUTION_TRIGGERS = frozenset({"Attribution", "Attribution-no-source"})
#: Roles of an attribution relation whose spans together are its content.
CONTENT_ROLES = ("Content", "Content2")

_TOKEN = re.compile(r"\w+")
_OPENING = "“\"«„"
_CLOSING = "”\"»‟"
_DOUBLE_MARKS = set(_OPENING + _CLOSING)


@dataclass(frozen=True)
class GoldAttribution:
    """One gold quotation: its content spans, its source (speaker) span and its cue span."""

    content: tuple[Span, ...]
    source: Span | None
    cue: Span | None
    kind: str | None = None  # direct / indirect / mixed when known

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.content)


@dataclass(frozen=True)
class GoldDoc:
    """One annotated article: its text and the attributions one annotator found in it."""

    id: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    annotator: str | None = None
    path: str | None = None


def tokens(text: str) -> list[str]:
    """Lower-cased ``\\w+`` runs: the unit every content score counts."""
    return _TOKEN.findall(text.lower())


def dice(a: Iterable[str], b: Iterable[str]) -> float:
    """Dice of two token multisets: 2·|a ∩ b| / (|a| + |b|); 0 when both are empty."""
    ca, cb = Counter(a), Counter(b)
    total = sum(ca.values()) + sum(cb.values())
    if not total:
        return 0.0
    return 2 * sum((ca & cb).values()) / total


def quote_kind(text: str, spans: tuple[Span, ...]) -> str:
    """Derive direct / mixed / indirect from where the quotation marks fall around the content.

    PolNeAR has no kind label. A span counts as quoted when it opens with a
    quotation mark (inside the span or just before it) and closes with a mark of
    the same family (inside, or just after it, trailing punctuation allowed; a
    paragraph end stands in for the closing mark of a quote that runs on). All
    spans quoted = direct; any double quotation mark elsewhere in the content, or
    a ‘single-quoted’ fragment (headline style) = mixed; none = indirect.
    Apostrophes are never taken for quotation marks.
    """
    if not spans:
        return "indirect"
    quoted = [_is_quoted(text, s) for s in spans]
    if all(quoted):
        return "direct"
    if (
        any(quoted)
        or any(ch in _DOUBLE_MARKS for s in spans for ch in s.text)
        or any(_SINGLE_FRAGMENT.search(s.text) for s in spans)
    ):
        return "mixed"
    return "indirect"


#: (opening marks, closing marks) of each family; ’ alone is an apostrophe unless ‘ opened.
_FAMILIES = ((_OPENING, _CLOSING), ("‘", "’"))
#: ‘a fragment’ opened after a space or at the start, closed before a non-letter.
_SINGLE_FRAGMENT = re.compile(r"(?:^|(?<=[\s(\[—–-]))‘\w[^‘’\n]*’(?!\w)")
_TRAILING = ".,;:!?—–-… "


def _is_quoted(text: str, span: Span) -> bool:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return False
    before = start - 1
    while before >= 0 and text[before] == " ":
        before -= 1
    inner_end = end
    while inner_end > start and text[inner_end - 1] in _TRAILING:
        inner_end -= 1
    runs_on = text[end : end + 2].lstrip(" ").startswith("\n") or end >= len(text.rstrip())
    for opening, closing in _FAMILIES:
        opens = text[start] in opening or (before >= 0 and text[before] in opening)
        if not opens:
            continue
        closes = (
            text[end - 1] in closing
            or (inner_end > start and text[inner_end - 1] in closing)
            or any(ch in closing for ch in text[end : end + 2])
            or runs_on
        )
        if not closes:
            continue
        if opening is _OPENING:
            # A mark that closes then reopens inside means unquoted text in between.
            inner = text[start:end].strip(_OPENING + _CLOSING + _TRAILING)
            if re.search(r"[”\"»]\s*[^”\"»“«]*\w[^”\"»“«]*\s*[“\"«]", inner):
                continue
        return True
    return False


# --- PolNeAR (brat standoff) --------------------------------------------------------------


def _spans(text: str, offsets: str) -> tuple[Span, ...]:
    """``"10 20;25 30"`` -> two spans of ``text`` (brat's discontinuous fragments)."""
    out = []
    for fragment in offsets.split(";"):
        start, end = (int(x) for x in fragment.split())
        out.append(Span.of(text, start, end))
    return tuple(out)


def read_brat(text: str, ann: str) -> tuple[GoldAttribution, ...]:
    """The attributions of one brat annotation (its ``.ann`` content) over ``text``.

    Text-bound lines ``T1\\tLabel start end[;start end]\\ttext`` and relation lines
    ``E1\\tAttribution:T4 Content:T3 Cue:T2 Source:T1``. Only relations triggered by
    ``Attribution`` or ``Attribution-no-source`` count; ``Discuss`` and ``Discard``
    spans are not attributions. Raises ValueError when a span's recorded text does
    not match the article text at its offsets.
    """
    bound: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.splitlines():
        if not line.strip():
            continue
        parts = line.split("\t")
        ident = parts[0]
        if ident.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            spans = _spans(text, offsets)
            if len(parts) >= 3 and spans:
                expected = parts[2]
                got = " ".join(s.text for s in spans)
                # The recorded text stops at a line break inside the span: compare its start.
                want = "".join(expected.split())[:40]
                if not "".join(got.split()).startswith(want):
                    raise ValueError(
                        f"{ident} {parts[1]}: offsets give {got[:60]!r}, "
                        f"annotation says {expected[:60]!r}"
                    )
            bound[ident] = (label, spans)
        elif ident.startswith("E") and len(parts) >= 2:
            args = [tuple(arg.split(":", 1)) for arg in parts[1].split()]
            events.append(args)  # type: ignore[arg-type]
    out = []
    for args in events:
        trigger_role, _ = args[0]
        if trigger_role not in ATTRIBUTION_TRIGGERS:
            continue
        content: list[Span] = []
        source: list[Span] = []
        cue: list[Span] = []
        for role, ref in args[1:]:
            if ref not in bound:
                continue
            spans = bound[ref][1]
            if role in CONTENT_ROLES:
                content.extend(spans)
            elif role == "Source":
                source.extend(spans)
            elif role == "Cue":
                cue.extend(spans)
        if not content:
            continue
        content.sort(key=lambda s: s.start)
        out.append(
            GoldAttribution(
                content=tuple(content),
                source=_cover(text, source),
                cue=_cover(text, cue),
                kind=quote_kind(text, tuple(content)),
            )
        )
    out.sort(key=lambda a: (a.content[0].start, a.content[0].end))
    return tuple(out)


def _cover(text: str, spans: list[Span]) -> Span | None:
    """One span from the first to the last fragment (sources and cues are short)."""
    if not spans:
        return None
    return Span.of(text, min(s.start for s in spans), max(s.end for s in spans))


def polnear_files(
    folder: str | Path, annotator: str = "all", limit: int | None = None
) -> list[tuple[Path, Path]]:
    """(text file, annotation file) pairs of a PolNeAR folder, texts in alphabetical order.

    ``limit`` keeps the first N texts alphabetically (with all their annotation files).
    ``annotator="first"`` keeps one annotation per text: the alphabetically first annotator.
    """
    folder = Path(folder)
    texts = sorted((folder / "text").glob("*.txt"))
    if limit is not None:
        texts = texts[:limit]
    by_stem: dict[str, list[Path]] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        by_stem.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    pairs = []
    for text_path in texts:
        anns = by_stem.get(text_path.stem, [])
        if annotator == "first":
            anns = anns[:1]
        elif annotator != "all":
            raise ValueError(f"annotator must be 'first' or 'all', not {annotator!r}")
        pairs.extend((text_path, a) for a in anns)
    return pairs


def read_polnear(
    folder: str | Path, annotator: str = "all", limit: int | None = None
) -> list[GoldDoc]:
    """Each annotation file of a PolNeAR folder (``text/``, ``attributions/``) as one GoldDoc."""
    docs = []
    texts: dict[Path, str] = {}
    for text_path, ann_path in polnear_files(folder, annotator, limit):
        if text_path not in texts:
            # newline="" keeps \r\n as two characters: brat offsets count them.
            texts[text_path] = _read_text(text_path)
        text = texts[text_path]
        ann = ann_path.read_text(encoding="utf-8")
        try:
            attributions = read_brat(text, ann)
        except ValueError as exc:
            raise ValueError(f"{ann_path}: {exc}") from exc
        docs.append(
            GoldDoc(
                id=text_path.stem,
                text=text,
                attributions=attributions,
                annotator=ann_path.stem.rsplit("_", 1)[1],
                path=str(text_path),
            )
        )
    return docs


def is_polnear(path: str | Path) -> bool:
    path = Path(path)
    return path.is_dir() and (path / "text").is_dir() and (path / "attributions").is_dir()


# --- seed-style gold.json -----------------------------------------------------------------


def read_seed(gold_json_path: str | Path) -> dict[str, Any]:
    """The parsed ``gold.json`` plus ``"text"``: the article text from its ``text_file``."""
    path = Path(gold_json_path)
    gold = json.loads(path.read_text(encoding="utf-8"))
    text_file = gold.get("text_file")
    if not text_file:
        raise ValueError(f"{path}: no text_file given")
    gold["text"] = _read_text(path.parent / text_file)
    gold["path"] = str(path.parent / text_file)
    return gold


def seed_attributions(gold: dict[str, Any]) -> tuple[GoldAttribution, ...]:
    """The seed's quotes as GoldAttributions (speaker, addressee by name stay in ``gold``)."""
    text = gold["text"]
    out = []
    for q in gold.get("quotes", []):
        spans = tuple(Span.of(text, a, b) for a, b in q["spans"])
        out.append(GoldAttribution(content=spans, source=None, cue=None, kind=q.get("kind")))
    return tuple(out)


def _read_text(path: Path) -> str:
    """A file's text with line endings untouched: gold offsets count every character."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


# --- checksums ---------------------------------------------------------------------------


def checksum(paths: Iterable[str | Path]) -> str:
    """sha256 over the sorted file names and contents: pins the gold a score was measured on."""
    h = hashlib.sha256()
    for path in sorted((Path(p) for p in paths), key=lambda p: p.name):
        h.update(path.name.encode("utf-8") + b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


# --- gold as predictions -----------------------------------------------------------------


def analysis_from_gold(doc: GoldDoc):
    """One annotator's attributions as an Analysis, so they can be scored like a system.

    Each Source becomes the quote's speaker mention. Used to measure agreement
    between annotators and to check that gold scored against itself is perfect.
    """
    from whosaid.records import Analysis, Article, Quote

    article = Article(id=doc.id, source=doc.path or doc.id, text=doc.text)
    quotes = tuple(
        Quote(
            id=f"g{i}",
            kind=a.kind or "indirect",
            content=a.content,
            cue=a.cue,
            speaker_mention=a.source,
            speaker_reason=None if a.source else "no source in gold",
        )
        for i, a in enumerate(doc.attributions, start=1)
    )
    return Analysis(article=article, quotes=quotes)
