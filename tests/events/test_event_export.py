"""The event-data layouts: PLOVER JSON lines and the GDELT-like table."""

from __future__ import annotations

import csv
import json

from whosaid.events.export import GDELT_COLUMNS, write_gdelt_tsv, write_plover_jsonl


def store_event(**over):
    """An event as the store's ``events()`` gives it."""
    event = {
        "id": 7, "type": "CONSULT", "cameo": "042", "mode": "visit", "quad": "cooperation",
        "actors": [{"id": "person:vladimir putin:RUS", "name": "Vladimir Putin"}],
        "recipients": [{"id": "person:ali khamenei:IRN", "name": "Ali Khamenei"}],
        "date": "2015-11-23",
        "location": {"name": "Tehran", "country": "IRN", "lat": 35.69, "lon": 51.42, "span": None},
        "claimed": False, "mentions": 2, "first_seen": "2015-11-24", "confidence": 0.65,
        "reports": [
            {"article_id": "a1", "article_title": "Putin in Tehran", "published": "2015-11-24",
             "url": "https://example.org/1", "evidence": {"start": 0, "end": 20, "text": "Khamenei met with Putin"},
             "claimed_by": [], "quote_id": None, "negated": False, "hypothetical": False, "confidence": 0.65},
            {"article_id": "a2", "article_title": "Talks", "published": "2015-11-24",
             "url": "https://example.org/2", "evidence": {"start": 5, "end": 30, "text": "the two leaders met"},
             "claimed_by": [], "quote_id": None, "negated": False, "hypothetical": False, "confidence": 0.5},
        ],
    }
    event.update(over)
    return event


def test_plover_jsonl_record(tmp_path):
    out = tmp_path / "events.jsonl"
    negated = store_event(id=8, reports=[{**store_event()["reports"][0], "negated": True}])
    write_plover_jsonl([store_event(), negated], str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1  # nothing happened in the negated one
    record = json.loads(lines[0])
    assert record["event"] == ["CONSULT"] and record["mode"] == ["visit"] and record["cameo"] == "042"
    assert record["date"] == "2015-11-23" and record["quad_code"] == 1 and record["event_scale"] == 4.0
    assert record["actor"][0]["actorText"] == "Vladimir Putin" and record["actor"][0]["code"] == "RUS"
    assert record["recipient"][0]["country"] == "IRN"
    assert record["event_loc"]["name"] == "Tehran"
    assert [c["url"] for c in record["cite_info"]] == ["https://example.org/1", "https://example.org/2"]
    assert record["text"] == "Khamenei met with Putin" and record["claimed"] is False


def test_gdelt_tsv_rows_are_dyadic(tmp_path):
    out = tmp_path / "events.tsv"
    compound = store_event(id=9, type="ACCUSE", cameo="112", mode="allege", claimed=True,
                           actors=[{"id": "person:ali khamenei:IRN", "name": "Ali Khamenei"},
                                   {"id": "person:nicolas maduro:VEN", "name": "Nicolas Maduro"}],
                           recipients=[{"id": "country:USA", "name": "United States"}])
    write_gdelt_tsv([store_event(), compound], str(out))
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert list(rows[0]) == GDELT_COLUMNS
    assert len(rows) == 3  # the compound accusation is two dyads
    visit = rows[0]
    assert visit["SQLDATE"] == "20151123" and visit["EventCode"] == "042" and visit["EventRootCode"] == "04"
    assert visit["Actor1CountryCode"] == "RUS" and visit["Actor2CountryCode"] == "IRN"
    assert visit["QuadClass"] == "1" and float(visit["GoldsteinScale"]) == 1.9
    assert visit["NumMentions"] == "2" and visit["NumArticles"] == "2"
    assert visit["ActionGeo_FullName"] == "Tehran" and visit["SOURCEURL"] == "https://example.org/1"
    accusations = rows[1:]
    assert {r["Actor1Name"] for r in accusations} == {"ALI KHAMENEI", "NICOLAS MADURO"}
    assert {r["Actor2CountryCode"] for r in accusations} == {"USA"}
    assert all(r["QuadClass"] == "3" and r["IsClaim"] == "1" for r in accusations)


def test_formats_offered_by_whosaid_export():
    from whosaid.commands.export import WRITER_TABLES, WRITERS

    assert "plover-jsonl" in WRITERS and "gdelt-tsv" in WRITERS
    assert WRITER_TABLES["gdelt-tsv"] == ("events",)
