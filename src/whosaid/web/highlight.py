"""Safe highlighted HTML from untrusted text: escape every segment, then wrap it.

Article text comes from the web and may hold markup (``<script>`` included). Every
function here splits the text at the highlight boundaries, escapes each piece on
its own with ``markupsafe.escape`` and only then wraps it in our own elements —
never the other way round — so the text can only ever render as text.

Example:
    >>> str(highlight_terms("Iran <b>said</b> no", "said"))
    'Iran &lt;b&gt;<mark>said</mark>&lt;/b&gt; no'
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

#: Hues for speakers, spaced so that neighbours differ; lightness is set in CSS terms below.
_HUES = (210, 30, 130, 280, 0, 180, 55, 320, 95, 250, 15, 160)


def speaker_colours(key: str | None) -> tuple[str, str]:
    """A (background, border) colour pair for a speaker, stable across pages; grey when unknown."""
    if not key:
        return "hsl(0 0% 88%)", "hsl(0 0% 40%)"
    hue = _HUES[int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % len(_HUES)]
    return f"hsl({hue} 80% 86%)", f"hsl({hue} 65% 32%)"


def search_terms(query: str | None) -> list[str]:
    """The words of a search query worth highlighting (operators and quotes dropped)."""
    if not query:
        return []
    words = re.findall(r"\w+", query, flags=re.UNICODE)
    stop = {"and", "or", "not", "near"}
    return sorted({w for w in words if w.lower() not in stop}, key=len, reverse=True)


def highlight_terms(text: str | None, query: str | None) -> Markup:
    """``text`` escaped, with every whole-word match of the query's words in ``<mark>``.

    Whole words, case-insensitively, as the store's full-text search matches them.
    """
    text = text or ""
    terms = search_terms(query)
    if not terms:
        return escape(text)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b", re.IGNORECASE)
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(escape(text[pos : m.start()]))
        out.append(Markup("<mark>%s</mark>") % text[m.start() : m.end()])
        pos = m.end()
    out.append(escape(text[pos:]))
    return Markup("").join(out)


@dataclass
class _Mark:
    start: int
    end: int
    layer: int  # nesting order: lower layers wrap higher ones
    classes: str
    attrs: dict[str, str] = field(default_factory=dict)
    anchor: str | None = None  # id and tab stop on the mark's first segment


def local_quote_id(item: dict[str, Any]) -> str:
    """The article-local id (``q3``) of a stored quote, whose corpus id is ``<article id>:q3``."""
    qid, article_id = str(item.get("id")), str(item.get("article_id") or "")
    prefix = article_id + ":"
    return qid[len(prefix):] if article_id and qid.startswith(prefix) else qid


def _span(d: Any) -> tuple[int, int] | None:
    if not isinstance(d, dict):
        return None
    try:
        start, end = int(d["start"]), int(d["end"])
    except (KeyError, TypeError, ValueError):
        return None
    return (start, end) if end > start else None


def _actor_ids(speaker: Any) -> list[str]:
    if not isinstance(speaker, dict):
        return []
    ids = speaker.get("actors") or speaker.get("actor") or []
    return [ids] if isinstance(ids, str) else [str(i) for i in ids if i]


def actor_link_key(actor: dict[str, Any] | None) -> str | None:
    """The key the actor page accepts for an actor of a stored article: its corpus id, else its name."""
    if not actor:
        return None
    return actor.get("id") or actor.get("name")


def describe_quote(quote: dict[str, Any], actors: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Speaker, addressee, colours and confidence of one quote of an article, for display."""
    ids = _actor_ids(quote.get("speaker"))
    names = [actors[i]["name"] for i in ids if i in actors and actors[i].get("name")]
    mention = (quote.get("speaker") or {}).get("mention") or quote.get("speaker_mention")
    speaker_name = " & ".join(names) or (mention or {}).get("text") or None
    addressee_id = quote.get("addressee")
    addressee = actors.get(addressee_id) if isinstance(addressee_id, str) else None
    addressee_name = (addressee or {}).get("name") or (quote.get("addressee_mention") or {}).get("text")
    colour_key = ids[0] if ids else None
    if colour_key and colour_key in actors:
        colour_key = actor_link_key(actors[colour_key])
    bg, border = speaker_colours(colour_key)
    return {
        "id": str(quote.get("id")),
        "kind": quote.get("kind"),
        "speaker": speaker_name,
        "speaker_key": actor_link_key(actors.get(ids[0])) if ids else None,
        "speaker_reason": quote.get("speaker_reason"),
        "addressee": addressee_name,
        "addressee_key": actor_link_key(addressee),
        "confidence": quote.get("confidence"),
        "cue": (quote.get("cue") or {}).get("text"),
        "text": " ".join(s.get("text", "") for s in quote.get("content") or [] if isinstance(s, dict)),
        "bg": bg,
        "border": border,
    }


def annotate_article(text: str, quotes: list[dict[str, Any]], events: list[dict[str, Any]],
                     actors: list[dict[str, Any]]) -> tuple[Markup, list[dict[str, Any]]]:
    """The article text as HTML with quotes, cues, speaker mentions and event evidence marked.

    Returns the HTML and one display record per quote (see ``describe_quote``).
    Spans may overlap (an event's evidence inside a quote, a quote inside another):
    the text is cut at every span boundary, and each piece is escaped and wrapped in
    every mark that covers it, so the elements always nest properly.
    """
    by_id = {str(a.get("id")): a for a in actors if isinstance(a, dict)}
    marks: list[_Mark] = []
    described = []
    n = len(text)
    for ev in events:
        sp = _span(ev.get("evidence"))
        if sp:
            marks.append(_Mark(*sp, layer=0, classes="evidence", attrs={"data-event": str(ev.get("id"))},
                               anchor=f"ev-{ev.get('id')}"))
    for q in quotes:
        info = describe_quote(q, by_id)
        described.append(info)
        style = f"--bg: {info['bg']}; --border: {info['border']}"
        title = _quote_title(info)
        for i, s in enumerate(q.get("content") or []):
            sp = _span(s)
            if sp:
                marks.append(_Mark(*sp, layer=1, classes="quote",
                                   attrs={"data-quote": info["id"], "style": style, "title": title},
                                   anchor=f"q-{info['id']}" if i == 0 else None))
        sp = _span(q.get("cue"))
        if sp:
            marks.append(_Mark(*sp, layer=2, classes="cue", attrs={"data-quote": info["id"], "title": "cue"}))
        speaker = q.get("speaker") or {}
        sp = _span(speaker.get("mention") if isinstance(speaker, dict) else None) or _span(q.get("speaker_mention"))
        if sp:
            marks.append(_Mark(*sp, layer=3, classes="speaker",
                               attrs={"data-quote": info["id"], "style": style,
                                      "title": f"speaker: {info['speaker'] or 'unresolved'}"}))
    marks = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    anchored: set[str] = set()
    out: list[Markup] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        covering = sorted((m for m in marks if m.start <= a and b <= m.end), key=lambda m: (m.layer, m.start))
        for m in reversed(covering):
            attrs = dict(m.attrs)
            if m.anchor and m.anchor not in anchored and m.start == a:
                anchored.add(m.anchor)
                attrs["id"] = m.anchor
                if m.classes == "quote":
                    attrs["tabindex"] = "0"
                    attrs["role"] = "button"
                    attrs["aria-label"] = _quote_title_for_anchor(m)
            attr_html = Markup("").join(Markup(' %s="%s"') % (k, v) for k, v in attrs.items())
            piece = Markup('<span class="%s"%s>%s</span>') % (m.classes, attr_html, piece)
        out.append(piece)
    return Markup("").join(out), described


def _quote_title(info: dict[str, Any]) -> str:
    parts = [f"speaker: {info['speaker'] or 'unresolved'}"]
    if info.get("addressee"):
        parts.append(f"to: {info['addressee']}")
    if info.get("confidence") is not None:
        parts.append(f"confidence: {float(info['confidence']):.2f}")
    return " · ".join(parts)


def _quote_title_for_anchor(mark: _Mark) -> str:
    return f"quote — {mark.attrs.get('title', '')}; press Enter for details"
