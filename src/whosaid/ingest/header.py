"""The header of plain-text news (title, byline, date) and page debris lines inside the text.

News copied from a web page carries its own header: a title line, then a byline and
date (``Patrick Goodenough | November 24, 2015 | 4:38am EST``, ``By Jane Doe and John
Roe, Reuters``, ``Sunday, August 6, 2006``), and bits of the page around the story
(``Font Size``, share buttons, photo credits, ``Advertisement``). Nothing is removed:
the text keeps every character so offsets never shift, and the debris and byline are
reported as spans that later stages skip. The title line is *not* excluded: headline
quotes are analysed.

The debris rules are data (``DEBRIS_LINES``, ``DEBRIS_INLINE``): each one a reader
would accept for any news page, matched against a whole line (or, for photo credits,
a parenthesised credit inside a line).

Example:
    >>> text = "Big News Today\\n\\nBy Jane Doe | March 3, 2020\\nFont Size\\nThe body starts here.\\n"
    >>> h = parse_header(text)
    >>> h.title, h.authors, h.published.isoformat(), text[h.body_start:h.body_start + 8]
    ('Big News Today', ('Jane Doe',), '2020-03-03', 'The body')
    >>> [s.text for s in find_excluded(text)]
    ['By Jane Doe | March 3, 2020', 'Font Size']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from whosaid.records import Span

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]?\d)-(?P<day>[0-3]?\d)(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?\b"),
    re.compile(_MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)/(?P<mnum>[01]?\d)/(?P<day>[0-3]?\d)\b"),
)
# Words that may stand around a date on a date line without making it a sentence.
_DATE_LINE_WORDS = re.compile(
    r"(?:published|posted|updated|last|modified|date|on|at|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?"
    r"|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|\d{1,2}(?:[:.][0-5]\d)?(?:[ap]\.?m\.?)?"
    r"|[ap]\.?m\.?|[A-Z]{2,5}|utc[+-]?\d*|gmt[+-]?\d*)", re.I)
_AGENCIES = (
    "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "Bloomberg", "UPI", "dpa", "DPA",
    "Xinhua", "Kyodo", "Yonhap", "PA", "Press Association", "CNN", "BBC", "BBC News", "Al Jazeera", "TASS",
    "Interfax", "ANSA", "EFE", "IANS", "PTI", "Anadolu", "CNSNews.com", "The Associated Press",
)
_ORG_WORDS = re.compile(
    r"\b(?:news|press|times|post|staff|writer|reporter|correspondent|editor|agency|service|wire|desk|"
    r"journal|tribune|herald|daily|weekly|magazine|online|\.com|contributor|bureau|team)\b", re.I)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|de|da|del|der|van|von|la|le|al-\w+|bin|ibn|el-\w+|[A-Z]\.)$")
_BY = re.compile(r"^\s*(?:written\s+)?by[:\s]\s*(?P<rest>.+?)\s*$", re.I)
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’ -]{1,40}[A-Z.])(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+[0-3]?\d(?:,\s*(?:19|20)\d\d)?))?"
    r"\s*\((?P<agency>[^()\n]{2,40})\)\s*[-–—]")


#: Whole lines that are page furniture, not article content (matched case-insensitively
#: against the stripped line). Each pattern is one a reader would accept for any news page.
DEBRIS_LINES: tuple[tuple[str, str], ...] = (
    ("font size", r"(?:font|text)\s+size(?:\s*[:|]?\s*[-+a ]{0,12})?|a\s*a\s*a|[aA][+-](?:\s*[aA][+-])?"),
    ("print/listen", r"print(?:\s+(?:this\s+)?(?:article|story|page))?|listen(?:\s+to\s+(?:this\s+)?(?:article|story))?"
                     r"(?:\s*[\d:]+\s*(?:min(?:utes?)?|mins?)?)?|\d{1,2}\s+min(?:ute)?s?\s+read"),
    ("share buttons", r"(?:share|share\s+(?:this|the)\s+(?:article|story|page|post)|share\s+(?:on|via)\s+\w+"
                      r"|tweet|email\s+(?:this\s+)?(?:article|story)?|copy\s+(?:the\s+)?link|follow\s+us(?:\s+on\s+\w+)?)"
                      r"(?:\s*[:|,·•/]\s*(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|print|reddit|pinterest|messenger"
                      r"|telegram|flipboard|copy link))*\s*:?"),
    ("social buttons", r"(?:(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|print|reddit|pinterest|messenger|telegram"
                       r"|flipboard|copy\s+link|comments?)\s*[|,·•/]?\s*){2,}"),
    ("advertisement", r"advertisement|advertising|ad|sponsored(?:\s+content)?|paid\s+content|"
                      r"(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this|the))?(?:\s+(?:advertisement|ad))?"),
    ("read more", r"(?:read|see)\s+(?:more|also)\b.{0,150}|continue\s+reading.{0,100}|more\s+on\s+this\s+story:?"),
    ("click here", r"click\s+here\b.{0,200}"),
    ("subscribe", r"subscribe(?:\s+(?:now|today|here))?!?|sign\s+up\s+(?:for|to)\s+.{0,60}newsletters?.{0,40}"
                  r"|(?:get|receive)\s+our\s+.{0,40}newsletter.{0,40}"),
    ("related", r"related(?:\s+(?:articles?|stories|story|coverage|content|topics|news|links|reading))?\s*:.{0,300}"
                r"|related\s+(?:articles?|stories|coverage|content|topics|news|links|reading)"),
    ("comments", r"(?:\d+\s+)?comments?(?:\s*\(\d+\))?|(?:leave|post|add|show|view)\s+(?:a\s+)?comments?"),
    ("photo credit line", r"(?:photo|image|picture|photograph|video|file\s+photo)s?(?:\s+credit)?\s*:\s*[^.!?]{1,100}"
                          r"|(?:ap|afp|reuters|epa)\s+photo\s*/.{1,60}|getty\s+images|credit\s*:\s*[^.!?]{1,80}"),
    ("copyright", r"(?:©|\(c\)|copyright\b).{0,200}|.{0,150}\ball\s+rights\s+reserved\.?.{0,50}"),
    ("navigation", r"(?:skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|top\s+stories|most\s+(?:read|popular|viewed)"
                   r"|trending(?:\s+now)?|you\s+may\s+also\s+like|recommended(?:\s+for\s+you)?|next\s+article"
                   r"|previous\s+article)\s*:?"),
)
#: Parenthesised photo credits inside a line (the caption before them is content).
DEBRIS_INLINE: tuple[tuple[str, str], ...] = (
    ("photo credit", r"\((?:(?:ap|afp|reuters|epa|file)\s+)?(?:photo|image|picture|photograph|file\s+photo|credit)s?"
                     r"(?:\s+credit)?\s*[:/]\s*[^()\n]{1,100}\)"),
    ("photo credit", r"\((?:ap|afp|reuters|epa|getty\s+images|afp\s+via\s+getty\s+images)(?:\s+photo)?\s*/\s*[^()\n]{1,80}\)"),
)
#: A last line of one to three lower-case words with no punctuation is a leftover widget
#: label (a shop or menu link), not a sentence: articles do not end that way.
TRAILING_WIDGET = re.compile(r"[a-z][a-z0-9]*(?: [a-z0-9]+){0,2}")

_LINE_RULES = [(name, re.compile(rf"(?:{pattern})", re.I)) for name, pattern in DEBRIS_LINES]
_INLINE_RULES = [(name, re.compile(pattern, re.I)) for name, pattern in DEBRIS_INLINE]


@dataclass(frozen=True)
class Header:
    """What the first lines of a plain-text article say about it."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: dt.date | None = None
    publisher: str | None = None
    body_start: int = 0
    #: The byline and date lines: metadata, not content.
    byline: tuple[Span, ...] = field(default_factory=tuple)


def lines_with_offsets(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, line) for each line, offsets into ``text`` without the line break."""
    pos = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        yield pos, pos + len(line), line
        pos += len(raw)


def parse_date(text: str) -> dt.date | None:
    """The first calendar date written in ``text`` (ISO, ``November 24, 2015``, ``6 August 2006``).

    >>> parse_date("Sunday, August 6, 2006"), parse_date("posted 2015-11-24T04:38Z")
    (datetime.date(2006, 8, 6), datetime.date(2015, 11, 24))
    """
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            parts = m.groupdict()
            month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[parts["month"].lower().rstrip(".")]
            try:
                return dt.date(int(parts["year"]), month, int(parts["day"]))
            except ValueError:
                continue
    return None


def _date_only(part: str) -> dt.date | None:
    """The date if ``part`` holds a date and nothing but date-line words around it."""
    for pattern in _DATE_PATTERNS:
        m = pattern.search(part)
        if not m:
            continue
        date = parse_date(m.group(0))
        rest = (part[: m.start()] + " " + part[m.end():]).strip()
        words = [w for w in re.split(r"[\s,|:·•–—-]+", rest) if w]
        if date and all(_DATE_LINE_WORDS.fullmatch(w) for w in words):
            return date
    return None


_TIME = re.compile(r"(?:(?:updated|published|posted)\s+)?(?:at\s+)?[0-2]?\d(?:[:.][0-5]\d)?\s*(?:[ap]\.?m\.?)?"
                   r"(?:\s+\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?", re.I)


def _is_time(part: str) -> bool:
    return _TIME.fullmatch(part.strip()) is not None


def _looks_like_name(part: str) -> bool:
    tokens = part.split()
    return (1 <= len(tokens) <= 5 and not re.search(r"\d", part) and _NAME_TOKEN.match(tokens[0]) is not None
            and tokens[0][0].isupper() and all(_NAME_TOKEN.match(t) for t in tokens) and len(tokens) >= 2)


def _is_agency(part: str) -> bool:
    p = part.strip().rstrip(".")
    return p in _AGENCIES or p.lower() in {a.lower() for a in _AGENCIES}


def _split_names(part: str) -> tuple[list[str], str | None]:
    """Author names and an organisation from a byline's name part (``Jane Doe and John Roe, Reuters``)."""
    names: list[str] = []
    org = None
    for seg in re.split(r"\s*,\s*|\s*;\s*", part):
        if not seg:
            continue
        if _is_agency(seg) or _ORG_WORDS.search(seg):
            org = org or (seg if _is_agency(seg) else None)
            continue
        for name in re.split(r"\s+(?:and|&)\s+", seg, flags=re.I):
            name = name.strip(" .")
            if name.isupper() and len(name) > 3:  # BY JANE DOE
                name = name.title()
            if _looks_like_name(name):
                names.append(name)
    return names, org


@dataclass
class _Byline:
    authors: list[str]
    published: dt.date | None
    publisher: str | None


def parse_byline(line: str) -> _Byline | None:
    """Authors, date and agency from a byline or date line, or None if the line is content.

    >>> parse_byline("By Jane Doe and John Roe, Reuters")
    _Byline(authors=['Jane Doe', 'John Roe'], published=None, publisher='Reuters')
    >>> parse_byline("Patrick Goodenough | November 24, 2015 | 4:38am EST").authors
    ['Patrick Goodenough']
    >>> parse_byline("The minister said on Monday that talks would go on.") is None
    True
    """
    stripped = line.strip()
    if not stripped or len(stripped) > 200:
        return None
    m = _BY.match(stripped)
    body = m.group("rest") if m else stripped
    parts = [p.strip() for p in re.split(r"\s+[|·•]\s+|\s*\|\s*|\s+[–—]\s+", body) if p.strip()]
    authors: list[str] = []
    published = None
    publisher = None
    unknown = 0
    for part in parts:
        date = _date_only(part)
        if date:
            published = published or date
            continue
        if _is_time(part):
            continue
        if re.match(r"^(?:published|posted|updated)\b", part, re.I):
            continue
        names, org = _split_names(part)
        if names or org:
            authors.extend(names)
            publisher = publisher or org
            if not names and not _is_agency(part) and not m:
                unknown += 1
        else:
            unknown += 1
    if unknown:
        return None
    if m and (authors or publisher):
        return _Byline(authors, published, publisher)
    if published and (authors or len(parts) == 1 or publisher):
        return _Byline(authors, published, publisher)
    return None


def _is_title(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 250 or len(s.split()) > 30:
        return False
    # A sentence ends with a full stop (perhaps inside closing quotes); a headline does not.
    return not re.search(r"[.;,:]['\"’”)]*$", s) or s.endswith("...")


def is_debris_line(line: str) -> str | None:
    """The name of the debris rule a whole line matches, or None.

    >>> is_debris_line("Share this article"), is_debris_line("He said it was time to share.")
    ('share buttons', None)
    """
    s = line.strip()
    if not s or len(s) > 400:
        return None
    for name, rule in _LINE_RULES:
        if rule.fullmatch(s):
            return name
    return None


def _strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end)


def find_debris(text: str) -> list[Span]:
    """Spans of page debris in ``text``: whole debris lines, in-line photo credits, a trailing widget label.

    >>> t = "Leaders met in Tehran. (Photo: Russian presidency)\\nAdvertisement\\nTalks went on.\\n\\nmrc merch"
    >>> [s.text for s in find_debris(t)]
    ['(Photo: Russian presidency)', 'Advertisement', 'mrc merch']
    """
    spans: list[Span] = []
    lines = list(lines_with_offsets(text))
    in_related_list = False
    for start, end, line in lines:
        if not line.strip():
            in_related_list = False
            continue
        rule = is_debris_line(line)
        if rule:
            spans.append(_strip_span(text, start, end))
            # A bare "Related stories" heading is followed by its list of links, up to a blank line.
            in_related_list = rule == "related" and not line.rstrip().endswith((":",)) or \
                (rule == "related" and line.strip().endswith(":"))
            continue
        if in_related_list and len(line) < 150 and not re.search(r"[.!?]['\"’”]*\s*$", line):
            spans.append(_strip_span(text, start, end))
            continue
        in_related_list = False
        for _, inline in _INLINE_RULES:
            for m in inline.finditer(line):
                spans.append(Span.of(text, start + m.start(), start + m.end()))
    nonblank = [(s, e, line) for s, e, line in lines if line.strip()]
    if len(nonblank) > 1:
        s, e, line = nonblank[-1]
        if TRAILING_WIDGET.fullmatch(line.strip()) and not any(x.start == s + len(line) - len(line.lstrip())
                                                               for x in spans):
            spans.append(_strip_span(text, s, e))
    return spans


def parse_header(text: str, max_lines: int = 8) -> Header:
    """Title, byline and date from the first lines of a plain-text article, and where its body starts.

    The title is the first line when it reads as a headline (no closing full stop) and is
    followed by a blank line or a byline/date line. Byline and date lines (``By ...``,
    ``Name | date``, a line that is only a date) and debris lines right after it belong to
    the header; the body starts at the first other line. A dateline such as
    ``WASHINGTON (Reuters) -`` at the start of the body names the agency.
    """
    lines = [(s, e, line) for s, e, line in lines_with_offsets(text)]
    title = None
    authors: list[str] = []
    published = None
    publisher = None
    byline: list[Span] = []
    i = 0
    while i < len(lines) and not lines[i][2].strip():
        i += 1
    if i >= len(lines):
        return Header()
    body_start = 0
    first = lines[i][2]
    followed_by_break = i + 1 < len(lines) and (not lines[i + 1][2].strip()
                                                 or parse_byline(lines[i + 1][2]) is not None)
    j = i
    if parse_byline(first) is None and _is_title(first) and followed_by_break and i + 1 < len(lines):
        title = first.strip()
        j = i + 1
    seen = 0
    last_header = i if title else -1
    while j < len(lines) and seen < max_lines:
        s, e, line = lines[j]
        if not line.strip():
            j += 1
            continue
        seen += 1
        info = parse_byline(line)
        if info is not None:
            authors.extend(a for a in info.authors if a not in authors)
            published = published or info.published
            publisher = publisher or info.publisher
            byline.append(_strip_span(text, s, e))
            last_header = j
            j += 1
            continue
        if is_debris_line(line) and last_header >= 0:
            last_header = j
            j += 1
            continue
        break
    if last_header >= 0:
        k = last_header + 1
        while k < len(lines) and not lines[k][2].strip():
            k += 1
        body_start = lines[k][0] if k < len(lines) else len(text)
    m = _DATELINE.match(text[body_start: body_start + 200])
    if m:
        agency = m.group("agency").strip()
        if _is_agency(agency):
            publisher = publisher or agency
        if m.group("date") and not published:
            published = parse_date(m.group("date"))
    return Header(title, tuple(authors), published, publisher, body_start, tuple(byline))


def find_excluded(text: str, header: Header | None = None) -> list[Span]:
    """Every span later stages skip: the byline/date lines and page debris, in text order, no duplicates."""
    header = header or parse_header(text)
    return merge_spans([*header.byline, *find_debris(text)])


def merge_spans(spans: list[Span]) -> list[Span]:
    """Spans in text order without duplicates or spans nested in another one."""
    seen: dict[tuple[int, int], Span] = {}
    for span in spans:
        if span.end > span.start:
            seen.setdefault((span.start, span.end), span)
    ordered = sorted(seen.values(), key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in ordered:  # drop spans inside another one
        if merged and span.start >= merged[-1].start and span.end <= merged[-1].end:
            continue
        merged.append(span)
    return merged
