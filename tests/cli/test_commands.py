"""Every command: help with an example, exit codes, and output that parses."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from whosaid.cli import main
from whosaid.store import open_store

COMMANDS = ["extract", "ingest", "articles", "article", "rejected", "stats", "quotes", "actors", "actor",
            "events", "export"]


@pytest.fixture()
def hand_db(tmp_path, hand_analyses):
    path = tmp_path / "hand.db"
    with open_store(path) as store:
        for analysis in hand_analyses:
            store.save_analysis(analysis)
    return str(path)


@pytest.fixture(scope="module")
def three_samples(tmp_path_factory, sample_paths):
    folder = tmp_path_factory.mktemp("three")
    for path in sample_paths[:3]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output
    assert f"whosaid {command}" in result.output


def test_bad_usage_exits_2(runner, hand_db):
    assert runner.invoke(main, ["quotes", "--db", hand_db, "--since", "last week"]).exit_code == 2
    assert runner.invoke(main, ["export", "widgets", "--db", hand_db]).exit_code == 2
    assert runner.invoke(main, ["export", "quotes", "--format", "xml", "--db", hand_db]).exit_code == 2
    assert runner.invoke(main, ["export", "actors", "--speaker", "x", "--db", hand_db]).exit_code == 2
    assert runner.invoke(main, ["ingest"]).exit_code == 2
    assert runner.invoke(main, ["nosuchcommand"]).exit_code == 2


def test_errors_print_their_code_without_a_traceback(runner, hand_db, tmp_path):
    result = runner.invoke(main, ["article", "0123456789abcdef", "--db", hand_db])
    assert result.exit_code == 1
    assert "Error: [not-found] no article '0123456789abcdef'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    result = runner.invoke(main, ["actor", "Nobody Atall", "--db", hand_db])
    assert result.exit_code == 1 and "[not-found]" in result.stderr
    missing = tmp_path / "missing.db"
    result = runner.invoke(main, ["stats", "--db", str(missing)])
    assert result.exit_code == 1 and "[store]" in result.stderr
    assert not missing.exists()  # a reading command never creates a database


def test_stats_json(runner, hand_db):
    result = runner.invoke(main, ["stats", "--db", hand_db, "--json"])
    assert result.exit_code == 0
    counts = json.loads(result.stdout)
    assert counts["articles"] == 2 and counts["quotes"] == 8 and counts["actors"] == 4 and counts["events"] == 2


def test_articles_table_json_jsonl_csv(runner, hand_db):
    table = runner.invoke(main, ["articles", "--db", hand_db])
    assert table.exit_code == 0 and "Venezuelan President" in table.stdout
    items = json.loads(runner.invoke(main, ["articles", "--db", hand_db, "--json"]).stdout)
    assert len(items) == 2 and {i["published"] for i in items} == {"2006-09-21"}
    lines = runner.invoke(main, ["articles", "--db", hand_db, "--jsonl"]).stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [i["id"] for i in items]
    rows = list(csv.DictReader(io.StringIO(runner.invoke(main, ["articles", "--db", hand_db, "--csv"]).stdout)))
    assert len(rows) == 2 and rows[0]["quotes"] == "4"
    found = json.loads(runner.invoke(main, ["articles", "--db", hand_db, "--search", "Chomsky", "--json"]).stdout)
    assert len(found) == 2 and "[Chomsky]" in found[0]["snippet"]


def test_article_prints_the_output_contract(runner, hand_db, hand_analyses):
    article_id = hand_analyses[0].article.id
    result = runner.invoke(main, ["article", article_id, "--db", hand_db])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["id"] == article_id and len(data["quotes"]) == 4 and data["version"] == "1.0"


def test_quotes_by_speaker_about_and_search(runner, hand_db):
    items = json.loads(runner.invoke(main, ["quotes", "--speaker", "Chavez", "--db", hand_db, "--json"]).stdout)
    assert len(items) == 6 and {i["speaker_name"] for i in items} == {"Hugo Chávez"}
    items = json.loads(runner.invoke(main, ["quotes", "--addressee", "Americans", "--db", hand_db, "--json"]).stdout)
    assert all("devil" in i["text"] for i in items) and len(items) == 2
    rows = list(csv.DictReader(io.StringIO(
        runner.invoke(main, ["quotes", "--about", "United States", "--db", hand_db, "--csv"]).stdout)))
    assert len(rows) == 2 and rows[0]["about"] == "United States"
    table = runner.invoke(main, ["quotes", "--search", "devil", "--db", hand_db])
    assert table.exit_code == 0 and "Hugo Chávez" in table.stdout
    none = runner.invoke(main, ["quotes", "--search", "' OR 1=1 --", "--db", hand_db, "--json"])
    assert none.exit_code == 0 and json.loads(none.stdout) == []
    limited = json.loads(runner.invoke(main, ["quotes", "--limit", "3", "--db", hand_db, "--json"]).stdout)
    assert len(limited) == 3


def test_actors_and_actor(runner, hand_db):
    items = json.loads(runner.invoke(main, ["actors", "--country", "usa", "--db", hand_db, "--json"]).stdout)
    assert {i["name"] for i in items} == {"George W. Bush", "United States", "Americans"}
    table = runner.invoke(main, ["actors", "--db", hand_db])
    assert table.exit_code == 0 and "Hugo Chávez" in table.stdout
    shown = runner.invoke(main, ["actor", "chavez", "--db", hand_db])
    assert shown.exit_code == 0
    assert "Hugo Chávez" in shown.stdout and "VEN" in shown.stdout and "Quotes by" in shown.stdout
    info = json.loads(runner.invoke(main, ["actor", "Bush", "--db", hand_db, "--json"]).stdout)
    assert info["name"] == "George W. Bush" and info["events"] and info["article_count"] == 2


def test_events_claimed_and_reported(runner, hand_db):
    claimed = json.loads(runner.invoke(main, ["events", "--claimed", "--db", hand_db, "--json"]).stdout)
    reported = json.loads(runner.invoke(main, ["events", "--reported", "--db", hand_db, "--json"]).stdout)
    assert [e["recipients"][0]["name"] for e in claimed] == ["United States"]
    assert [e["mentions"] for e in reported] == [2]
    rows = list(csv.DictReader(io.StringIO(
        runner.invoke(main, ["events", "--type", "accuse", "--actor", "Chavez", "--db", hand_db, "--csv"]).stdout)))
    assert len(rows) == 2 and {r["type"] for r in rows} == {"ACCUSE"}
    assert runner.invoke(main, ["events", "--db", hand_db]).exit_code == 0


@pytest.mark.parametrize("table", ["quotes", "events", "actors", "articles"])
def test_export_every_table_in_every_format(runner, hand_db, tmp_path, table):
    import pyarrow.parquet as pq

    out = runner.invoke(main, ["export", table, "--format", "jsonl", "--db", hand_db])
    assert out.exit_code == 0
    items = [json.loads(line) for line in out.stdout.splitlines()]
    assert items
    csv_path = tmp_path / f"{table}.csv"
    assert runner.invoke(main, ["export", table, "--format", "csv", "--output", str(csv_path),
                                "--db", hand_db]).exit_code == 0
    assert len(list(csv.DictReader(csv_path.open(encoding="utf-8")))) == len(items)
    parquet = tmp_path / f"{table}.parquet"
    assert runner.invoke(main, ["export", table, "--format", "parquet", "-o", str(parquet),
                                "--db", hand_db]).exit_code == 0
    assert pq.read_table(parquet).num_rows == len(items)


def test_export_filters_and_registered_writers(runner, hand_db, monkeypatch):
    from whosaid.commands import export as export_module

    out = runner.invoke(main, ["export", "quotes", "--speaker", "Chavez", "--search", "devil", "--db", hand_db])
    assert out.exit_code == 0 and len(out.stdout.splitlines()) == 2

    def ids_only(items, out, table):
        import sys
        for item in items:
            sys.stdout.write(f"{item['id']}\n")

    monkeypatch.setitem(export_module.WRITERS, "ids", ids_only)
    monkeypatch.setitem(export_module.WRITER_TABLES, "ids", ("events",))
    out = runner.invoke(main, ["export", "events", "--format", "ids", "--db", hand_db])
    assert out.exit_code == 0 and len(out.stdout.split()) == 2
    assert runner.invoke(main, ["export", "quotes", "--format", "ids", "--db", hand_db]).exit_code == 2


def test_extract_prints_the_analysis_without_storing(runner, sample_paths, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    one = runner.invoke(main, ["extract", str(sample_paths[0])])
    assert one.exit_code == 0, one.stderr
    data = json.loads(one.stdout)
    assert isinstance(data, dict) and data["text"] == sample_paths[0].read_text(encoding="utf-8")
    many = runner.invoke(main, ["extract", str(sample_paths[0]), str(sample_paths[1])])
    assert isinstance(json.loads(many.stdout), list) and len(json.loads(many.stdout)) == 2
    lines = runner.invoke(main, ["extract", "--jsonl", str(sample_paths[0]), str(sample_paths[1])]).stdout
    assert [json.loads(line)["source"] for line in lines.splitlines()] == [str(sample_paths[0]), str(sample_paths[1])]
    assert not list(tmp_path.glob("*.db"))


def test_extract_reports_rejected_inputs_on_stderr_and_exits_1(runner, sample_paths, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    result = runner.invoke(main, ["extract", "--jsonl", str(sample_paths[0]), str(empty)])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert "empty.txt" in result.stderr and "[empty]" in result.stderr


def test_ingest_twice_stores_once_and_says_already_stored(runner, three_samples, tmp_path):
    db = str(tmp_path / "w.db")
    first = runner.invoke(main, ["ingest", str(three_samples), "--db", db, "--json"])
    assert first.exit_code == 0, first.stderr
    summary = json.loads(first.stdout)
    assert len(summary["new"]) == 3 and summary["already_stored"] == [] and summary["totals"]["articles"] == 3
    second = runner.invoke(main, ["ingest", str(three_samples), "--db", db])
    assert second.exit_code == 0
    assert "0 new, 3 already stored, 0 rejected" in second.stdout
    assert "already stored:" in second.stdout
    with open_store(db) as store:
        assert store.stats() == {**summary["totals"], "rejected": 0}


def test_ingest_stores_the_same_text_from_two_files_once(runner, sample_paths, tmp_path):
    folder = tmp_path / "dupes"
    folder.mkdir()
    text = sample_paths[2].read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "d.db")
    result = runner.invoke(main, ["ingest", str(folder), "--db", db, "--json"])
    summary = json.loads(result.stdout)
    assert len(summary["new"]) == 1 and len(summary["already_stored"]) == 1
    assert summary["already_stored"][0]["same_as"].endswith("a.txt")
    assert summary["totals"]["articles"] == 1


def test_ingest_records_rejected_inputs_and_exits_1(runner, sample_paths, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(sample_paths[0], folder / "good.txt")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    db = str(tmp_path / "m.db")
    result = runner.invoke(main, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 1
    assert "1 new, 0 already stored, 2 rejected" in result.stdout
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr
    rejected = json.loads(runner.invoke(main, ["rejected", "--db", db, "--json"]).stdout)
    assert {r["code"] for r in rejected} == {"empty", "binary"}
    rows = list(csv.DictReader(io.StringIO(runner.invoke(main, ["rejected", "--db", db, "--csv"]).stdout)))
    assert len(rows) == 2
    # A rerun does not record them twice.
    runner.invoke(main, ["ingest", str(folder), "--db", db])
    assert len(json.loads(runner.invoke(main, ["rejected", "--db", db, "--json"]).stdout)) == 2
