"""The web UI in real headless Chromium over the samples database: search, article, actor, graph.

Each test saves a screenshot of its page to tests/artifacts/ (and to docs/screenshots/ with
WHOSAID_UPDATE_SCREENSHOTS=1).
Skipped with a reason when /usr/bin/chromium is missing (``make browser`` installs it).
"""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.browser

EDGE_POINT_JS = (Path(__file__).parent / "edge_point.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def first_quote(live_server) -> dict:
    """A quote with a resolved speaker, from the API (what the pages must show)."""
    items = httpx.get(f"{live_server}/api/quotes", params={"limit": 200}).json()["items"]
    with_speaker = [q for q in items if q.get("speaker_id")]
    assert with_speaker, "the samples yield quotes with resolved speakers"
    return with_speaker[0]


def test_search_highlights_hits_in_quotes(page, screenshot, first_quote):
    word = max(re.findall(r"[A-Za-z]{5,}", first_quote["text"]), key=len)
    page.goto("/")
    page.get_by_label("Search quotes and articles", exact=True).fill(word)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q="))
    marks = page.locator("#quote-results mark")
    assert marks.count() >= 1
    assert all(m.lower().startswith(word.lower()) for m in marks.all_inner_texts())
    screenshot("search")


def test_search_with_markup_and_sql_renders_as_text(page):
    page.goto("/?" + str(httpx.QueryParams({"q": "<script>window.pwned=1</script>' OR 1=1 --"})))
    assert page.evaluate("window.pwned") is None
    assert "<script>window.pwned=1</script>" in page.locator("h1").inner_text()


def test_article_shows_quotes_in_speaker_colours(page, screenshot, first_quote):
    page.goto(f"/articles/{first_quote['article_id']}")
    quotes = page.locator("#article-text .quote")
    assert quotes.count() >= 1
    # each quote is coloured by its speaker: at least one background differs from the text's
    bg = quotes.first.evaluate("el => getComputedStyle(el).boxShadow")
    assert "rgb" in bg
    assert page.locator("#article-text .cue").count() >= 1
    assert page.locator("#article-text .speaker").count() >= 1
    # the quote's text in the page is the stored quote's text
    local = first_quote["id"].split(":", 1)[1]
    anchor = page.locator(f"#q-{local}")
    assert first_quote["text"].split()[0] in anchor.inner_text() or anchor.count() == 1
    # click (and keyboard) show speaker, addressee and confidence; the click is dispatched on the
    # quote itself, since a real click at its centre may land on another quote's speaker inside it
    anchor.dispatch_event("click")
    detail = page.locator("#quote-detail")
    assert detail.is_visible()
    assert detail.locator('[data-field="speaker"]').inner_text() == first_quote["speaker_name"]
    assert re.fullmatch(r"\d\.\d\d", detail.locator('[data-field="confidence"]').inner_text())
    page.locator("#quote-detail-close").click()
    anchor.focus()
    page.keyboard.press("Enter")
    assert detail.is_visible()
    screenshot("article")


def test_keyboard_skip_link_and_focus(page):
    page.goto("/articles")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_actor_page_lists_what_they_said(page, screenshot, first_quote):
    page.goto("/quotes?" + str(httpx.QueryParams({"speaker": first_quote["speaker_id"]})))
    page.locator("a.who").first.click()
    page.wait_for_url(re.compile(r"/actors/"))
    assert page.locator("h1").inner_text() == first_quote["speaker_name"]
    timeline = page.locator("ol.timeline li")
    assert timeline.count() >= 1
    assert page.locator("ol.timeline li.t-said").count() >= 1
    screenshot("actor")


def test_graph_edge_click_lists_its_evidence(page, screenshot):
    page.goto("/graph")
    page.wait_for_selector("#graph .edge-group")
    # conflict and cooperation are told apart by colour and dash pattern
    styles = page.evaluate("""() => ['conflict', 'cooperation', 'neutral'].map(q => {
        const el = document.querySelector('.graph-legend .edge.' + q); const s = getComputedStyle(el);
        return [s.stroke, s.strokeDasharray]; })""")
    assert len({s[0] for s in styles}) == 3 and len({s[1] for s in styles}) == 3
    point = page.evaluate(EDGE_POINT_JS)
    assert point, "some edge is clickable"
    page.mouse.click(*point)
    page.wait_for_selector("#edge-evidence li")
    items = page.locator("#edge-evidence li")
    assert items.count() >= 1
    assert items.first.locator("mark").inner_text().strip()
    assert page.locator("#graph .edge-group.selected").count() == 1
    screenshot("graph")


def test_graph_edges_work_from_the_keyboard(page):
    page.goto("/graph")
    page.wait_for_selector("#graph .edge-group")
    page.locator("#graph .edge-group").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#edge-evidence li")


def test_events_page_exports(page, screenshot, live_server):
    page.goto("/events")
    href = page.locator("#export-csv").get_attribute("href")
    r = httpx.get(live_server + href)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    page.get_by_label("Status").select_option("claimed")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"status=claimed"))
    assert "status=claimed" in page.locator("#export-jsonl").get_attribute("href")
    screenshot("events")
