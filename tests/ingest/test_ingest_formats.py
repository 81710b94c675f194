"""Ingest on real-looking inputs: every format, the seed header, the Wikinews samples, ids and stdin."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest

from whosaid.errors import InputRejected
from whosaid.ingest import DEFAULT_MAX_BYTES, FORMATS, article_from_string, article_id, read_inputs
from whosaid.records import Article, Rejected

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def only(results) -> Article:
    results = list(results)
    assert len(results) == 1, results
    assert isinstance(results[0], Article), results[0]
    return results[0]


def assert_spans_slice_back(article: Article) -> None:
    for span in article.excluded:
        assert 0 <= span.start < span.end <= len(article.text)
        assert article.text[span.start:span.end] == span.text


def test_public_api_constants():
    assert DEFAULT_MAX_BYTES == 5_000_000
    assert set(FORMATS) == {"txt", "html", "jsonl", "warc", "rss"}


# ---- plain text ---------------------------------------------------------------------------


def test_seed_header_metadata_and_debris(seed_text, seed_gold):
    article = article_from_string(seed_text, source="seed.txt")
    assert article.text == seed_text  # offsets of the gold hold
    assert article.title == seed_gold["title"]
    assert article.authors == (seed_gold["author"],)
    assert article.published == dt.date.fromisoformat(seed_gold["published"])
    assert article.language == "en" and article.format == "txt"
    excluded = [s.text for s in article.excluded]
    for debris in seed_gold["boilerplate"]:
        assert debris in excluded
    assert "Patrick Goodenough | November 24, 2015 | 4:38am EST" in excluded
    assert seed_gold["title"] not in excluded  # headline quotes are analysed
    # The photo caption before the credit is content, and no real paragraph is excluded.
    assert not any("Putin meets with" in s for s in excluded)
    assert all(len(s) < 80 for s in excluded)
    assert seed_text[article.body_start:].startswith("Russian President Vladimir Putin meets")
    assert_spans_slice_back(article)


def test_seed_file_read_unchanged(seed_text):
    article = only(read_inputs([Path(__file__).resolve().parents[2].parent / "shared/eval/seed/article.txt"]))
    assert article.text == seed_text


def test_wikinews_samples_all_yield_title_and_date(sample_paths):
    results = list(read_inputs(sample_paths))
    assert len(results) == len(sample_paths) >= 20
    for path, article in zip(sample_paths, results):
        assert isinstance(article, Article), article
        assert article.title and article.published, path.name
        # The file name carries the date the page shows.
        assert article.published.isoformat() == path.name.split("_")[1], path.name
        assert article.text == path.read_text(encoding="utf-8")
        assert article.text[article.body_start:].strip()
        assert [s.text for s in article.excluded][:1] == [article.text.splitlines()[2].strip()]


def test_agency_byline_and_debris_lines():
    article = only(read_inputs([FIXTURES / "reuters_style.txt"]))
    assert article.title == "EU ministers agree to extend sanctions on Russia for six months"
    assert article.authors == ("Jane Doe", "John Roe")
    assert article.publisher == "Reuters"
    assert article.published == dt.date(2020, 3, 3)
    excluded = [s.text for s in article.excluded]
    for debris in ("By Jane Doe and John Roe, Reuters", "March 3, 2020", "Share this article", "Advertisement",
                   "Read more: EU leaders clash over budget at Brussels summit",
                   "Related: Russia bans EU food imports for another year",
                   "© 2020 Example News Agency. All rights reserved."):
        assert debris in excluded
    # Real sentences, including quotes, stay in.
    assert not any("sanctions will stay" in s or "Moscow dismissed" in s for s in excluded)
    assert article.text[article.body_start:].startswith("BRUSSELS (Reuters)")
    assert_spans_slice_back(article)


def test_iso_date_header():
    article = only(read_inputs([FIXTURES / "iso_dated.txt"]))
    assert article.published == dt.date(2021, 6, 14)
    assert article.title.startswith("Ceasefire holds")


def test_explicit_metadata_wins_over_the_text(seed_text):
    article = article_from_string(seed_text, title="Given title", authors="A. Writer", published="2016-01-02",
                                  publisher="CNSNews.com", url="https://cnsnews.com/x")
    assert (article.title, article.authors, article.published) == ("Given title", ("A. Writer",),
                                                                   dt.date(2016, 1, 2))
    assert article.publisher == "CNSNews.com" and article.url == "https://cnsnews.com/x"
    assert article.text == seed_text


def test_body_without_header_has_no_title():
    text = ("The army said on Tuesday it had retaken the town after three days of fighting. "
            "Residents said many houses had been destroyed.\n")
    article = article_from_string(text)
    assert article.title is None and article.body_start == 0 and article.excluded == ()


def test_encodings_are_detected():
    utf16 = only(read_inputs([FIXTURES / "utf16.txt"]))
    cp1252 = only(read_inputs([FIXTURES / "cp1252.txt"]))
    gz = only(read_inputs([FIXTURES / "peru.txt.gz"]))
    assert utf16.text == gz.text
    assert "Peru’s congress" in cp1252.text and "female—" in cp1252.text
    assert utf16.text.startswith("Peru's congress")  # the BOM is dropped


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffThe minister said on Monday that the talks would continue in Geneva next week.".encode())
    assert only(read_inputs([path])).text.startswith("The minister")


# ---- html ---------------------------------------------------------------------------------


def test_html_page_body_and_metadata():
    article = only(read_inputs([FIXTURES / "page.html"]))
    assert article.format == "html"
    assert article.title == "Iraq and Turkey agree to reopen oil pipeline"
    assert article.authors == ("Amira Hassan",)
    assert article.published == dt.date(2023, 4, 4)
    assert article.publisher == "World News Daily"
    assert article.url == "https://worldnewsdaily.example/2023/04/04/iraq-turkey-pipeline"
    body = article.text[article.body_start:]
    assert body.startswith("Iraq and Turkey agreed on Tuesday")
    assert "\n\n\"The flow of oil will restart" in body  # paragraphs split by blank lines
    for debris in ("Most read", "Privacy policy", "Markets fall", "Home"):
        assert debris not in body
    assert article.text.startswith(article.title + "\n\n")  # headline kept for analysis


def test_broken_html_still_yields_the_story():
    article = only(read_inputs([FIXTURES / "broken.html"]))
    assert "interior minister resigned on Friday" in article.text
    assert "I take full responsibility" in article.text


def test_html_string_is_detected():
    html = (FIXTURES / "page.html").read_text(encoding="utf-8")
    article = article_from_string(html)
    assert article.format == "html" and article.title.startswith("Iraq and Turkey")


# ---- jsonl, warc, feeds --------------------------------------------------------------------


def test_jsonl_lines_each_become_an_article_or_a_rejection():
    results = list(read_inputs([FIXTURES / "articles.jsonl"]))
    by_source = {r.source.rsplit("#", 1)[1]: r for r in results}
    first, second, fifth = by_source["line-1"], by_source["line-2"], by_source["line-5"]
    assert isinstance(first, Article) and first.format == "jsonl"
    assert first.authors == ("Grace Mwangi",) and first.published == dt.date(2023, 7, 20)
    assert first.publisher == "World News Daily" and first.url == "https://worldnewsdaily.example/kenya-talks"
    assert isinstance(second, Article) and second.title == "Japan and South Korea resume defence dialogue"
    assert second.authors == ("Ken Sato",) and second.publisher == "Asia Wire"
    assert "<p>" not in second.text and "first defence talks in five years" in second.text
    assert isinstance(fifth, Article) and fifth.authors == ("Paulo Lima",)
    assert by_source["line-3"].code == "empty"
    assert by_source["line-4"].code == "parse-error"


def test_warc_html_responses_only():
    results = list(read_inputs([FIXTURES / "crawl.warc.gz"]))
    article = only(results)  # warcinfo, request and the PNG response are skipped silently
    assert article.format == "warc"
    assert article.source.endswith("crawl.warc.gz#record-3")
    assert article.url == "https://news.example/2023/05/21/sudan"
    assert article.title == "Sudan's warring sides agree to a week-long ceasefire"
    assert "seven-day ceasefire" in article.text and "Home" not in article.text[article.body_start:]


def test_rss_entries():
    results = list(read_inputs([FIXTURES / "world.rss"]))
    assert [r.source.rsplit("#", 1)[1] for r in results] == ["entry-1", "entry-2"]
    yemen = results[0]
    assert yemen.title == "UN envoy says Yemen truce talks have made progress"
    assert yemen.url == "https://worldnewsdaily.example/2023/05/02/yemen-truce"
    assert yemen.published == dt.date(2023, 5, 2) and yemen.authors == ("Omar Said",)
    body = yemen.text[yemen.body_start:]
    assert "<p>" not in body and "\n\n\"We are closer" in body
    assert yemen.format == "rss"


def test_atom_entry_detected_by_content(tmp_path):
    path = tmp_path / "science.xml"
    path.write_bytes((FIXTURES / "science.atom").read_bytes())
    for source in (FIXTURES / "science.atom", path):
        article = only(read_inputs([source]))
        assert article.title == "Space agency delays launch of lunar lander"
        assert article.authors == ("Lena Park",) and article.published == dt.date(2023, 6, 10)
        assert "fault in a fuel valve" in article.text


def test_format_can_be_forced(tmp_path):
    path = tmp_path / "page.data"
    path.write_bytes((FIXTURES / "page.html").read_bytes())
    assert only(read_inputs([path], format="html")).title.startswith("Iraq and Turkey")
    assert only(read_inputs([path], format="txt")).text.startswith("<!DOCTYPE html>")


# ---- ids, directories, stdin ---------------------------------------------------------------


def test_same_text_in_two_files_same_id():
    a = only(read_inputs([FIXTURES / "reuters_style.txt"]))
    b = only(read_inputs([FIXTURES / "same_text_copy.txt"]))
    assert a.source != b.source and a.id == b.id
    assert article_id(a.text) == article_id("  " + a.text.upper().replace("\n\n", "\n") + "\n")


def test_directory_is_read_recursively_sorted_skipping_hidden_and_non_inputs(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    text = (FIXTURES / "iso_dated.txt").read_text(encoding="utf-8")
    (tmp_path / "b" / "two.txt").write_text(text.replace("seventh", "eighth"), encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / ".secret.txt").write_text(text, encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text(text, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Articles\n\nThese are the articles of the test.\n", encoding="utf-8")
    (tmp_path / "manifest.tsv").write_text("file\ttitle\na.txt\tCeasefire\n", encoding="utf-8")
    sources = [r.source for r in read_inputs([tmp_path])]
    assert sources == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt")]
    # Named explicitly, any file is read.
    assert [r.source for r in read_inputs([tmp_path / "README.md"])] == [str(tmp_path / "README.md")]


def test_stdin(monkeypatch, seed_text):
    monkeypatch.setattr(sys, "stdin", io.StringIO(seed_text))
    article = only(read_inputs(["-"]))
    assert article.source == "<stdin>" and article.text == seed_text
    assert article.authors == ("Patrick Goodenough",)


def test_stdin_bytes_are_detected(monkeypatch):
    stream = io.TextIOWrapper(io.BytesIO((FIXTURES / "world.rss").read_bytes()))
    monkeypatch.setattr(sys, "stdin", stream)
    assert [r.format for r in read_inputs(["-"])] == ["rss", "rss"]


def test_article_from_string_rejects_with_input_rejected():
    with pytest.raises(InputRejected) as exc:
        article_from_string("  \n ", source="blank")
    assert exc.value.code == "empty" and exc.value.source == "blank"
