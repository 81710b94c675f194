"""The dictionary-name scan is fast because it only looks up runs whose first word starts
some alias; it must find exactly what trying every capitalised run would find."""

from __future__ import annotations

from whosaid.actors.dictionary import load_dictionary, normalise
from whosaid.actors.finder import CONNECTORS, _Finder, _is_capitalised
from whosaid.ingest import article_from_string
from whosaid.nlp.parse import parse


def every_run(finder: _Finder) -> list[tuple[int, int, list]]:
    """The scan without its shortcut: at every start, every length up to the longest alias."""
    doc = finder.doc
    limit = min(finder.d.max_alias_words, 8)

    def fits(t) -> bool:
        return (_is_capitalised(t) or t.lower_ in CONNECTORS) and not t.is_space and "\n" not in t.text_with_ws[:-1]

    def longest_at(i: int) -> tuple[int, int, list] | None:
        if not (_is_capitalised(doc[i]) or doc[i].lower_ == "the") or doc[i].is_space:
            return None
        for n in range(min(limit, len(doc) - i), 0, -1):
            span = doc[i:i + n]
            words = [t for t in span if t.lower_ != "the" or t.i != i]
            if not words or not _is_capitalised(span[-1]) or not all(fits(t) for t in span):
                continue
            key = normalise(doc[words[0].i:i + n].text)
            entries = finder.d.by_alias.get(key)
            if entries and (len(words) > 1 or finder._name_like(words[0], key)):
                article_apart = words[0].i != i and doc[i].head.i not in range(i, i + n)
                return (i + 1 if article_apart else i, i + n, list(entries))
        return None

    out, i = [], 0
    while i < len(doc):
        hit = longest_at(i)
        out += [hit] if hit else []
        i = hit[1] if hit else i + 1
    return out


def test_fast_name_scan_finds_what_the_exhaustive_one_does(nlp, seed_text, sample_paths):
    dictionary = load_dictionary()
    for text in [seed_text, *(p.read_text(encoding="utf-8") for p in sample_paths[:8])]:
        article = article_from_string(text)
        finder = _Finder(parse(nlp, article), article, dictionary)
        fast = [(s, e, [x.id for x in entries]) for s, e, entries in finder.gazetteer()]
        slow = [(s, e, [x.id for x in entries]) for s, e, entries in every_run(finder)]
        assert fast == slow
        assert fast  # the texts do name known actors
