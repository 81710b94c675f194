"""Bad inputs are rejected with a code and a reason, and never stop a batch."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whosaid.errors import REJECT_CODES, InputRejected
from whosaid.ingest import article_from_string, read_inputs
from whosaid.ingest.header import find_excluded, parse_header
from whosaid.records import Article, Rejected

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def rejection(path: Path, **kw) -> Rejected:
    results = list(read_inputs([path], **kw))
    assert len(results) == 1 and isinstance(results[0], Rejected), results
    assert results[0].code in REJECT_CODES
    return results[0]


@pytest.mark.parametrize("name, code", [
    ("empty.txt", "empty"),
    ("whitespace.txt", "empty"),
    ("binary.txt", "binary"),
    ("truncated.txt.gz", "truncated"),
    ("undecodable.txt", "undecodable"),
    ("no_article.html", "no-article"),
    ("french.txt", "not-english"),
    ("german.txt", "not-english"),
])
def test_bad_file_is_rejected(name, code):
    rejected = rejection(FIXTURES / name)
    assert rejected.code == code
    assert rejected.source == str(FIXTURES / name)
    assert rejected.reason


def test_not_english_reason_names_language_and_confidence():
    reason = rejection(FIXTURES / "french.txt").reason
    assert "'fr'" in reason and "confidence" in reason


def test_short_english_text_is_not_rejected():
    for text in ("Obama said no.", "Merkel: Yes.", "Hamas ends truce with Israel",
                 "Putin calls US troops in Poland 'a threat'"):
        assert article_from_string(text).language == "en"


def test_spanish_paragraph_is_rejected():
    text = ("El Gobierno anunció este martes un nuevo paquete de medidas para contener la subida de los "
            "precios de la energía, que incluye una rebaja del IVA de la electricidad y ayudas directas "
            "a los transportistas, según informó la ministra portavoz tras el Consejo de Ministros.")
    with pytest.raises(InputRejected) as exc:
        article_from_string(text, source="es.txt")
    assert exc.value.code == "not-english" and "'es'" in exc.value.reason


def test_too_large_names_both_sizes(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("The talks went on. " * 100, encoding="utf-8")
    rejected = rejection(path, max_bytes=500)
    assert rejected.code == "too-large"
    assert "1,900" in rejected.reason and "500" in rejected.reason


def test_too_large_after_decompression(tmp_path):
    path = tmp_path / "big.txt.gz"
    path.write_bytes(gzip.compress(b"The talks went on. " * 1000))
    assert rejection(path, max_bytes=2000).code == "too-large"


def test_truncated_last_jsonl_line():
    results = list(read_inputs([FIXTURES / "truncated.jsonl"]))
    assert isinstance(results[0], Article)
    assert isinstance(results[1], Rejected) and results[1].code == "truncated"
    assert results[1].source.endswith("truncated.jsonl#line-2")


def test_truncated_warc(tmp_path):
    data = (FIXTURES / "crawl.warc.gz").read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 300])
    results = list(read_inputs([path]))
    assert results and all(isinstance(r, (Article, Rejected)) for r in results)
    assert isinstance(results[-1], Rejected) and results[-1].code in {"truncated", "parse-error"}


def test_garbage_feed_and_missing_file(tmp_path):
    feed = tmp_path / "bad.rss"
    feed.write_text("<rss><channel><item><title>unclosed", encoding="utf-8")
    assert rejection(feed).code in {"parse-error", "empty", "no-article"}
    assert rejection(tmp_path / "nowhere.txt").code == "unreadable"


def test_one_bad_file_does_not_stop_the_batch():
    paths = [FIXTURES / "reuters_style.txt", FIXTURES / "binary.txt", FIXTURES / "empty.txt",
             FIXTURES / "french.txt", FIXTURES / "page.html", FIXTURES / "truncated.txt.gz",
             FIXTURES / "iso_dated.txt"]
    results = list(read_inputs(paths))
    kinds = [(Path(r.source).name, type(r).__name__) for r in results]
    assert kinds == [("reuters_style.txt", "Article"), ("binary.txt", "Rejected"), ("empty.txt", "Rejected"),
                     ("french.txt", "Rejected"), ("page.html", "Article"), ("truncated.txt.gz", "Rejected"),
                     ("iso_dated.txt", "Article")]


def test_whole_fixture_directory_never_raises():
    results = list(read_inputs([FIXTURES]))
    assert sum(isinstance(r, Article) for r in results) >= 12
    assert {r.code for r in results if isinstance(r, Rejected)} >= {
        "empty", "binary", "truncated", "undecodable", "not-english", "no-article", "parse-error"}


def test_unknown_format_is_a_usage_error():
    with pytest.raises(ValueError):
        list(read_inputs([FIXTURES / "page.html"], format="pdf"))


_line = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["Font Size", "Advertisement", "By Jane Doe", "Sunday, August 6, 2006", "mrc merch",
                     "Share this article", "(Photo: Reuters)", "Related:", "© 2020 X", "", "Title line",
                     "Jane Doe | May 1, 2020 | 4:38am EST", "A caption. (Photo: AP)"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_line, max_size=12), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_excluded_spans_always_slice_back(lines, sep):
    text = sep.join(lines)
    header = parse_header(text)
    assert 0 <= header.body_start <= len(text)
    spans = find_excluded(text, header)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end] == span.text
    assert all(a.end <= b.start or a.start < b.start for a, b in zip(spans, spans[1:]))


def test_stdin_too_large(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO("The talks went on. " * 100))
    results = list(read_inputs(["-"], max_bytes=300))
    assert [(r.source, r.code) for r in results] == [("<stdin>", "too-large")]


def test_warc_record_over_the_limit_is_rejected_alone():
    results = list(read_inputs([FIXTURES / "crawl.warc.gz"], max_bytes=200))
    assert [(r.source.rsplit("#", 1)[1], r.code) for r in results] == [("record-3", "too-large")]


def test_non_english_jsonl_line_is_rejected_alone(tmp_path):
    import json

    french = (FIXTURES / "french.txt").read_text(encoding="utf-8")
    english = (FIXTURES / "iso_dated.txt").read_text(encoding="utf-8")
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps({"text": t}) for t in (french, english)) + "\n", encoding="utf-8")
    results = list(read_inputs([path]))
    assert isinstance(results[0], Rejected) and results[0].code == "not-english"
    assert isinstance(results[1], Article) and results[1].published is not None
