"""Highlighted HTML from untrusted text: markup in the text stays text, spans nest, nothing is lost."""

from __future__ import annotations

import html
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from whosaid.web.highlight import annotate_article, highlight_terms, local_quote_id


class _Checker(HTMLParser):
    """Collects the text and checks that elements nest and that only our elements appear."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.tags = [], [], set()

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.tags.add(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(markup: str) -> _Checker:
    checker = _Checker()
    checker.feed(markup)
    checker.close()
    assert not checker.stack
    return checker


TEXT = 'Iran said "<script>alert(1)</script> we will talk" to the EU & others.'


def quote(content, cue=None, speaker=None):
    return {"id": "q1", "kind": "direct", "confidence": 0.8,
            "content": [{"start": s, "end": e, "text": TEXT[s:e]} for s, e in content],
            "cue": {"start": cue[0], "end": cue[1], "text": TEXT[cue[0]:cue[1]]} if cue else None,
            "speaker": {"actors": ["a1"], "actor": "a1",
                        "mention": {"start": speaker[0], "end": speaker[1], "text": TEXT[speaker[0]:speaker[1]]}}
            if speaker else None, "addressee": "a2"}


ACTORS = [{"id": "a1", "name": "Iran"}, {"id": "a2", "name": "European Union"}]


def test_script_in_article_text_stays_text():
    body, described = annotate_article(TEXT, [quote([(11, 50)], cue=(5, 9), speaker=(0, 4))], [], ACTORS)
    assert "<script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    checker = parse(str(body))
    assert checker.tags <= {"span"}
    assert html.unescape("".join(checker.text)) == TEXT
    assert described[0]["speaker"] == "Iran" and described[0]["addressee"] == "European Union"


def test_quote_cue_and_speaker_are_marked_with_the_speaker_colour():
    body, described = annotate_article(TEXT, [quote([(11, 50)], cue=(5, 9), speaker=(0, 4))], [], ACTORS)
    assert 'class="speaker"' in body and 'class="cue"' in body
    assert body.count('id="q-q1"') == 1 and 'tabindex="0"' in body
    assert f"--border: {described[0]['border']}" in body


def test_overlapping_quote_and_event_evidence_nest_properly():
    event = {"id": "e1", "type": "CONSULT", "evidence": {"start": 30, "end": 70, "text": TEXT[30:70]}}
    body, _ = annotate_article(TEXT, [quote([(11, 50)], cue=(5, 9), speaker=(0, 4))], [event], ACTORS)
    checker = parse(str(body))
    assert html.unescape("".join(checker.text)) == TEXT
    assert 'id="ev-e1"' in body


def test_broken_spans_are_ignored_not_fatal():
    bad = quote([(11, 50)])
    bad["content"].append({"start": 60, "end": 9999, "text": "x"})
    bad["content"].append({"start": 5, "end": 2, "text": ""})
    body, _ = annotate_article(TEXT, [bad], [{"id": "e", "evidence": None}], ACTORS)
    assert html.unescape("".join(parse(str(body)).text)) == TEXT


spans = st.lists(st.tuples(st.integers(0, 80), st.integers(0, 80)), max_size=6)


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab <>&\"'\n/é")), min_size=0, max_size=80), content=spans,
       evidence=spans)
def test_any_text_and_spans_round_trip(text, content, evidence):
    quotes = [{"id": f"q{i}", "content": [{"start": s, "end": e, "text": text[s:e]}], "confidence": 0.5}
              for i, (s, e) in enumerate(content)]
    events = [{"id": f"e{i}", "evidence": {"start": s, "end": e, "text": text[s:e]}} for i, (s, e) in enumerate(evidence)]
    body, _ = annotate_article(text, quotes, events, [])
    checker = parse(str(body))
    assert checker.tags <= {"span"}
    assert html.unescape("".join(checker.text)) == text


def test_search_hits_are_marked_after_escaping():
    out = str(highlight_terms("<b>Sanction</b> on sanctioned firms' SANCTION", "sanction <i>"))
    assert out.count("<mark>") == 2  # whole words, as the full-text search matches them
    assert "&lt;b&gt;" in out and "<b>" not in out.replace("<mark>", "")
    assert str(highlight_terms("a \"*' OR 1=1 --", "\"*' OR 1=1 --")).count("<mark>") == 2
    assert str(highlight_terms("<i>x</i>", None)) == "&lt;i&gt;x&lt;/i&gt;"


def test_local_quote_id():
    assert local_quote_id({"id": "abc123:q4", "article_id": "abc123"}) == "q4"
    assert local_quote_id({"id": "q4"}) == "q4"
