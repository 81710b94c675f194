"""``whosaid actors add``, ``actors import``, ``relink``: the user's own actor dictionary.

Entries are stored in the database (table ``user_actors``); ``whosaid ingest``
applies them to new articles and ``whosaid relink`` re-analyses the stored ones.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import click

from whosaid.commands.output import handle_errors, model_option, open_db, progress, write_json
from whosaid.errors import UsageError
from whosaid.records import Rejected

CSV_COLUMNS = ["name", "kind", "country", "sector", "aliases", "role", "start", "end"]


def register(main: click.Group) -> None:
    group = main.commands.get("actors")
    if isinstance(group, click.Group):
        group.add_command(add)
        group.add_command(import_csv)
    main.add_command(relink)


def _db(ctx: click.Context, db: str | None) -> str:
    """The subcommand's --db, else the group's (``whosaid actors --db x.db add ...``)."""
    return db or (ctx.parent.params.get("db") if ctx.parent else None) or "whosaid.db"


def sub_db_option(command):
    return click.option(
        "--db", default=None, envvar="WHOSAID_DB", type=click.Path(dir_okay=False),
        help="The SQLite database file (or set WHOSAID_DB; default whosaid.db).",
    )(command)


def parse_role(text: str) -> dict:
    """``President:2015-01-01:2019-12-31`` -> a role; either date may be left empty (open)."""
    title, _, rest = text.partition(":")
    start, _, end = rest.partition(":")
    if not title.strip():
        raise ValueError(f"role {text!r} has no title (TITLE[:START[:END]])")
    return {"title": title.strip(), "start": start.strip() or None, "end": end.strip() or None}


def _extend_shipped(entry: dict) -> dict:
    """When the name is exactly one shipped dictionary entry, the user entry extends it (its id; its
    country and sector for roles given without them)."""
    from whosaid.actors.dictionary import load_dictionary

    found = {e.id: e for e in load_dictionary().lookup(entry["name"], entry.get("kind"))}
    if len(found) != 1:
        return entry
    (shipped,) = found.values()
    roles = [{**r, "country": r.get("country") or entry.get("country") or shipped.country,
              "sector": r.get("sector") or entry.get("sector") or shipped.sector} for r in entry.get("roles") or ()]
    return {**entry, "id": shipped.id, "roles": roles}


@click.command()
@click.argument("name")
@click.option("--alias", "aliases", multiple=True, metavar="NAME", help="Another name for the actor (repeatable).")
@click.option("--kind", type=click.Choice(["person", "organisation", "country", "group"]), default=None,
              help="What the actor is (default person).")
@click.option("--country", metavar="CODE", help="ISO 3166 alpha-3 country code, e.g. IRN.")
@click.option("--sector", metavar="CODE", help="CAMEO sector, e.g. GOV, MIL, REB, NGO, JRN, BUS.")
@click.option("--role", "roles", multiple=True, metavar="TITLE[:START[:END]]",
              help="A dated role, e.g. \"President:2015-01-01:2019-12-31\" (repeatable; dates optional).")
@sub_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the stored entry as JSON.")
@click.pass_context
@handle_errors
def add(ctx, name, aliases, kind, country, sector, roles, db, as_json) -> None:
    """Add an actor, or aliases and roles to one, to the database's own dictionary.

    When NAME is exactly one actor of the shipped dictionary, the aliases and roles
    extend that actor. Applied by the next `whosaid ingest`; run `whosaid relink`
    to apply it to the articles already stored.

    \b
    Example:
        whosaid actors add "Bola Tinubu" --alias Asiwaju --country NGA --sector GOV \\
            --role "President:2023-05-29" --db whosaid.db
        whosaid relink --db whosaid.db
    """
    try:
        entry = {"name": name, "kind": kind, "country": country, "sector": sector, "aliases": list(aliases),
                 "roles": [parse_role(r) for r in roles]}
        entry = _extend_shipped(entry)
        with open_db(_db(ctx, db), must_exist=False) as store:
            actor_id = store.add_user_actor(entry)
            stored = next(e for e in store.user_actors() if e["id"] == actor_id)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if as_json:
        write_json(stored)
        return
    click.echo(f"Stored {stored['name']} ({actor_id})"
               + (f", also called {'; '.join(stored['aliases'])}" if stored["aliases"] else "")
               + f". Run `whosaid relink --db {_db(ctx, db)}` to apply it to stored articles.")


def read_actor_csv(text: str) -> tuple[list[tuple[int, dict]], list[dict]]:
    """Entries (with their line numbers) and bad rows (line, error) from a CSV of CSV_COLUMNS."""
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "name" not in header:
        raise UsageError(f"the CSV needs a header row with a 'name' column; columns: {', '.join(CSV_COLUMNS)}")
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if unknown:
        raise UsageError(f"unknown CSV column(s) {', '.join(unknown)}; columns: {', '.join(CSV_COLUMNS)}")
    reader.fieldnames = header
    entries, bad = [], []
    for row in reader:
        line = reader.line_num
        if None in row:  # more cells than columns
            bad.append({"line": line, "error": f"{len(header) + len(row[None])} cells for {len(header)} columns"})
            continue
        cell = {k: (v or "").strip() for k, v in row.items()}
        if not any(cell.values()):
            continue
        if not cell.get("name"):
            bad.append({"line": line, "error": "no name"})
            continue
        role = None
        if cell.get("role") or cell.get("start") or cell.get("end"):
            if not cell.get("role"):
                bad.append({"line": line, "error": "a start or end date without a role"})
                continue
            role = {"title": cell["role"], "start": cell.get("start") or None, "end": cell.get("end") or None}
        entries.append((line, {
            "name": cell["name"], "kind": cell.get("kind") or None, "country": cell.get("country") or None,
            "sector": cell.get("sector") or None,
            "aliases": [a.strip() for a in (cell.get("aliases") or "").split(";") if a.strip()],
            "roles": [role] if role else [],
        }))
    return entries, bad


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@sub_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
@handle_errors
def import_csv(ctx, file, db, as_json) -> None:
    """Import actors, aliases and roles from a CSV file into the database's own dictionary.

    Columns (header row required; only name is needed): name, kind, country,
    sector, aliases (separated by ';'), role, start, end (dates YYYY-MM-DD).
    Several rows with the same name add to one actor. Bad rows are reported
    with their line number and the rest are imported (exit code 1 if any was bad).

    \b
    Example:
        whosaid actors import my_actors.csv --db whosaid.db
    with my_actors.csv like:
        name,kind,country,sector,aliases,role,start,end
        Bola Tinubu,person,NGA,GOV,Asiwaju;Jagaban,President,2023-05-29,
    """
    if file == "-":
        text = click.get_text_stream("stdin").read()
    else:
        text = Path(file).read_text(encoding="utf-8-sig")
    entries, bad = read_actor_csv(text)
    stored: list[dict] = []
    with open_db(_db(ctx, db), must_exist=False) as store:
        for line, entry in entries:
            try:
                entry = _extend_shipped(entry)
                stored.append({"line": line, "id": store.add_user_actor(entry), "name": entry["name"]})
            except ValueError as exc:
                bad.append({"line": line, "error": str(exc)})
    bad.sort(key=lambda b: b["line"])
    if as_json:
        write_json({"imported": stored, "bad_rows": bad})
    else:
        click.echo(f"Imported {len(stored)} row(s) from {file}, {len(bad)} bad row(s).")
        for item in bad:
            click.echo(f"  {file}:{item['line']}: {item['error']}", err=True)
        if stored:
            click.echo(f"Run `whosaid relink --db {_db(ctx, db)}` to apply them to stored articles.")
    if bad:
        raise SystemExit(1)


@click.command()
@click.option("--db", default="whosaid.db", show_default=True, envvar="WHOSAID_DB", type=click.Path(dir_okay=False),
              help="The SQLite database file (or set WHOSAID_DB).")
@model_option()
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@handle_errors
def relink(db: str, model: str, as_json: bool) -> None:
    """Analyse every stored article again with the current actor dictionary.

    Uses the shipped dictionary plus the database's own entries (`whosaid actors
    add` / `actors import`) and replaces each article's actors, quotes and events
    from its stored text, one article per transaction: an interrupted relink
    leaves every article either as it was or relinked, and can simply be run again.

    \b
    Example:
        whosaid actors add "Hamdullah Mohib" --alias Mohib --country AFG --db whosaid.db
        whosaid relink --db whosaid.db
    """
    from whosaid.commands.database import _user_dictionary
    from whosaid.pipeline import Pipeline

    store = open_db(db)
    relinked, failed = 0, []
    try:
        ids = store.article_ids()
        if ids:
            pipeline = Pipeline(model, dictionary=_user_dictionary(store))
            with progress("Relinking", total=len(ids)) as advance:
                for result in pipeline.analyse_many(store.stored_article(i) for i in ids):
                    if isinstance(result, Rejected):
                        failed.append(result.to_dict())
                    else:
                        store.replace_analysis(result)
                        relinked += 1
                    advance()
        totals = store.stats()
    except KeyboardInterrupt:
        click.echo(f"Interrupted after {relinked} articles; run the same command again to relink them all.", err=True)
        raise SystemExit(130) from None
    finally:
        store.close()
    if as_json:
        write_json({"database": db, "relinked": relinked, "failed": failed, "totals": totals})
    else:
        click.echo(f"Relinked {relinked} article(s), {len(failed)} failed (kept as they were).")
        for item in failed:
            click.echo(f"  failed: {item['source']}: {item['reason']}", err=True)
        click.echo(f"Database {db}: {totals['articles']} articles, {totals['actors']} actors, "
                   f"{totals['quotes']} quotes, {totals['events']} events")
    if failed:
        raise SystemExit(1)
