"""The user's actor dictionary: `actors add`, `actors import`, `relink`, and ingest applying it."""

from __future__ import annotations

import json

import pytest

from whosaid.cli import main
from whosaid.errors import ArticleNotFound
from whosaid.store import open_store

CHAVEZ = "wikinews_2006-09-21_chavez_criticises_bush_un.txt"   # writes "Hugo Chávez" (dictionary: Hugo Chavez)
MEGRAHI = "wikinews_2012-05-23_lockerbie_megrahi_buried.txt"  # al-Megrahi: not in the shipped dictionary
MEGRAHI_ID = "user:ABDELBASET_ALI_AL_MEGRAHI"


@pytest.fixture()
def two_db(tmp_path, pipeline, sample_paths):
    """A database with the two articles, ingested with the shipped dictionary only."""
    from whosaid.ingest import read_inputs

    paths = [p for p in sample_paths if p.name in (CHAVEZ, MEGRAHI)]
    assert len(paths) == 2
    db = tmp_path / "two.db"
    with open_store(db) as store:
        for analysis in pipeline.analyse_many(read_inputs(paths)):
            assert store.save_analysis(analysis)
    return str(db)


def run(runner, *args):
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def actor_json(runner, name, db) -> dict:
    result = run(runner, "actor", name, "--db", db, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def consistency(db) -> dict:
    """Counts that must agree however often articles are relinked."""
    with open_store(db) as store:
        c = store.conn
        one = lambda sql: c.execute(sql).fetchone()[0]  # noqa: E731
        assert one("SELECT count(*) FROM quotes") == one("SELECT count(DISTINCT id) FROM quotes")
        assert one("SELECT sum(n_quotes) FROM articles") == one("SELECT count(*) FROM quotes")
        assert one("SELECT sum(n_mentions) FROM articles") == one("SELECT count(*) FROM actor_mentions")
        assert one("SELECT coalesce(sum(mentions), 0) FROM events") == one("SELECT count(*) FROM event_reports")
        assert one("SELECT count(*) FROM events e WHERE NOT EXISTS "
                   "(SELECT 1 FROM event_reports r WHERE r.event_id = e.id)") == 0
        assert one("SELECT count(*) FROM actors a WHERE NOT EXISTS "
                   "(SELECT 1 FROM article_actors x WHERE x.actor_id = a.id)") == 0
        assert one("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'Bush'") >= 1
        return store.stats()


def test_help_has_examples(runner):
    for args in (["actors", "add"], ["actors", "import"], ["relink"]):
        result = run(runner, *args, "--help")
        assert result.exit_code == 0
        assert "Example:" in result.output


def test_add_import_relink(runner, two_db, tmp_path):
    before = consistency(two_db)
    # Before: "Hugo Chávez" is a corpus actor of its own, apart from the dictionary's Hugo Chavez.
    assert not actor_json(runner, "Megrahi", two_db)["id"].startswith("user:")
    chavez_ids = {a["id"] for a in json.loads(run(runner, "actors", "--search", "Hugo Chavez", "--db", two_db,
                                                  "--json").stdout)}
    assert len(chavez_ids) == 2 and "phoenix:HUGO_CHAVEZ" in chavez_ids

    # add: the name is a shipped entry, so the alias extends it
    result = run(runner, "actors", "add", "Hugo Chavez", "--alias", "Hugo Chávez", "--db", two_db)
    assert result.exit_code == 0, result.output
    assert "phoenix:HUGO_CHAVEZ" in result.output

    # import: one bad row (line 3, bad country), one role without dates, the rest imported
    csv_file = tmp_path / "actors.csv"
    csv_file.write_text(
        "name,kind,country,sector,aliases,role,start,end\n"
        "Abdelbaset Ali al-Megrahi,person,LBY,SPY,Megrahi;al-Megrahi,Intelligence officer,1986-01-01,1989-12-31\n"
        "Nobody Known,person,Libya,,,,,\n"
        "Abdelbaset Ali al-Megrahi,,,,Abdelbaset al-Megrahi,,,\n",
        encoding="utf-8",
    )
    result = run(runner, "actors", "import", csv_file, "--db", two_db)
    assert result.exit_code == 1
    assert f"{csv_file}:3:" in result.stderr and "alpha-3" in result.stderr
    assert "Imported 2 row(s)" in result.stdout
    with open_store(two_db) as store:
        entries = {e["id"]: e for e in store.user_actors()}
    assert set(entries) == {"phoenix:HUGO_CHAVEZ", MEGRAHI_ID}
    assert entries[MEGRAHI_ID]["aliases"] == ["Megrahi", "al-Megrahi", "Abdelbaset al-Megrahi"]
    assert entries[MEGRAHI_ID]["roles"][0]["start"] == "1986-01-01"

    result = run(runner, "relink", "--db", two_db)
    assert result.exit_code == 0, result.output
    assert "Relinked 2 article(s)" in result.output
    after = consistency(two_db)

    megrahi = actor_json(runner, "Megrahi", two_db)
    assert megrahi["id"] == MEGRAHI_ID and megrahi["country"] == "LBY"
    assert megrahi["mentions"] >= 5
    chavez = actor_json(runner, "Hugo Chávez", two_db)
    assert chavez["id"] == "phoenix:HUGO_CHAVEZ"
    assert len(json.loads(run(runner, "actors", "--search", "Hugo Chavez", "--db", two_db, "--json").stdout)) == 1
    assert len(chavez["quotes_by"]) >= 10

    # Same articles, same quotes, no duplicates; fewer actors (two Chávez became one).
    assert after["articles"] == before["articles"] and after["quotes"] == before["quotes"]
    assert after["event_reports"] == before["event_reports"]
    assert after["actors"] < before["actors"]
    # Relinking again changes nothing.
    assert run(runner, "relink", "--db", two_db).exit_code == 0
    assert consistency(two_db) == after


def test_ingest_applies_user_entries(runner, tmp_path, sample_paths):
    db = str(tmp_path / "fresh.db")
    result = run(runner, "actors", "add", "Abdelbaset Ali al-Megrahi", "--alias", "Megrahi", "--country", "LBY",
                 "--role", "Intelligence officer:1986-01-01:1989-12-31", "--db", db)
    assert result.exit_code == 0, result.output
    megrahi = next(p for p in sample_paths if p.name == MEGRAHI)
    assert run(runner, "ingest", megrahi, "--db", db).exit_code == 0
    assert actor_json(runner, "Megrahi", db)["id"] == MEGRAHI_ID


def test_bad_entries_are_usage_errors(runner, tmp_path):
    db = str(tmp_path / "bad.db")
    assert run(runner, "actors", "add", "Someone", "--country", "XX", "--db", db).exit_code == 2
    assert run(runner, "actors", "add", "Someone", "--role", "President:2019-01-01:2015-01-01",
               "--db", db).exit_code == 2
    assert run(runner, "actors", "add", "Someone", "--role", "President:yesterday", "--db", db).exit_code == 2
    with open_store(db) as store:
        assert store.user_actors() == []


def test_store_user_actors_merge_and_missing_article(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        first = store.add_user_actor({"name": "Bola Tinubu", "aliases": ["Asiwaju"], "country": "nga"})
        again = store.add_user_actor({"name": "Bola Tinubu", "aliases": ["Jagaban", "Asiwaju"],
                                      "roles": [{"title": "President", "start": "2023-05-29"}]})
        assert first == again == "user:BOLA_TINUBU"
        (entry,) = store.user_actors()
        assert entry["aliases"] == ["Asiwaju", "Jagaban"] and entry["country"] == "NGA"
        assert entry["roles"] == [{"title": "President", "country": "NGA", "sector": None,
                                   "start": "2023-05-29", "end": None}]
        from whosaid.actors.dictionary import load_dictionary

        assert load_dictionary(extra_entries=store.user_actors()).lookup("Jagaban")[0].id == first
        assert store.article_ids() == []
        with pytest.raises(ArticleNotFound):
            store.stored_article("nope")
