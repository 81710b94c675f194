"""``whosaid export``: whole tables out of a database as JSON lines, CSV or Parquet.

``WRITERS`` maps a format name to a function ``(items, out_path_or_None, table)``;
a stage adds its own layout (e.g. the events stage's ``plover-jsonl`` or
``gdelt-tsv``) with ``register_writer("plover-jsonl", write_plover)``, and
``--format`` offers it at once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import click

from whosaid.commands.output import DATE, db_option, flatten, handle_errors, open_db, write_csv, write_jsonl
from whosaid.commands.query import ACTOR_COLUMNS, QUOTE_COLUMNS
from whosaid.errors import UsageError

TABLES = ["quotes", "events", "actors", "articles"]

#: Writer = (items, output path or None for stdout, table name) -> None
Writer = Callable[[Iterable[dict], "str | None", str], None]
WRITERS: dict[str, Writer] = {}
#: Formats that only some tables can be written in (e.g. event-data layouts): format -> tables.
WRITER_TABLES: dict[str, tuple[str, ...]] = {}

CSV_COLUMNS = {
    "quotes": QUOTE_COLUMNS + ["article_id", "speaker_id", "addressee_id", "confidence", "speaker_reason", "cue"],
    "actors": ACTOR_COLUMNS + ["role"],
    "events": ["id", "type", "cameo", "mode", "quad", "date", "actors", "recipients", "claimed", "mentions",
               "confidence", "location", "first_seen", "evidence", "article_ids"],
    "articles": ["id", "published", "title", "publisher", "url", "source", "language", "format",
                 "actors", "quotes", "events", "ingested_at"],
}


def register_writer(name: str, writer: Writer, tables: Iterable[str] = TABLES) -> None:
    """Offer another export format; ``tables`` limits it to the tables it can write."""
    WRITERS[name] = writer
    WRITER_TABLES[name] = tuple(tables)


def _flat_rows(items: Iterable[dict], table: str) -> Iterator[dict]:
    for item in items:
        if table == "events":
            reports = item.get("reports") or []
            item = {**item, "evidence": (reports[0]["evidence"] or {}).get("text") if reports else None,
                    "article_ids": [r["article_id"] for r in reports]}
        yield item


def _open(out: str | None):
    return open(out, "w", encoding="utf-8", newline="") if out else _Stdout()


class _Stdout:
    def __enter__(self):
        return sys.stdout

    def __exit__(self, *exc):
        sys.stdout.flush()


def write_jsonl_file(items: Iterable[dict], out: str | None, table: str) -> None:
    with _open(out) as fh:
        write_jsonl(items, fh)


def write_csv_file(items: Iterable[dict], out: str | None, table: str) -> None:
    with _open(out) as fh:
        write_csv(_flat_rows(items, table), CSV_COLUMNS[table], fh)


def write_parquet_file(items: Iterable[dict], out: str | None, table: str) -> None:
    """Flat columns (as in the CSV), strings, integers and floats kept typed."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not out:
        raise UsageError("parquet is binary: give a file with --output")
    columns = CSV_COLUMNS[table]
    rows = list(_flat_rows(items, table))
    data: dict[str, list] = {c: [] for c in columns}
    for row in rows:
        for c in columns:
            value = row.get(c)
            data[c].append(value if isinstance(value, (int, float)) and not isinstance(value, bool)
                           else (None if value is None else str(flatten(value))))
    arrays = {}
    for c, values in data.items():
        kinds = {type(v) for v in values if v is not None}
        if kinds <= {int}:
            arrays[c] = pa.array(values, type=pa.int64())
        elif kinds <= {int, float}:
            arrays[c] = pa.array([None if v is None else float(v) for v in values], type=pa.float64())
        else:
            arrays[c] = pa.array([None if v is None else str(v) for v in values], type=pa.string())
    pq.write_table(pa.table(arrays), out)


register_writer("jsonl", write_jsonl_file)
register_writer("csv", write_csv_file)
register_writer("parquet", write_parquet_file)

# the events stage's event-data layouts (plover-jsonl, gdelt-tsv)
from whosaid.events.export import register as _register_event_formats  # noqa: E402

_register_event_formats(register_writer)


def register(main: click.Group) -> None:
    main.add_command(export)


@click.command()
@click.argument("table", type=click.Choice(TABLES))
@click.option("--format", "fmt", default="jsonl", show_default=True,
              help="Output format (jsonl, csv, parquet, and any a stage registers).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@db_option
@click.option("--speaker", metavar="NAME", help="quotes: said by this actor.")
@click.option("--addressee", metavar="NAME", help="quotes: said to this actor.")
@click.option("--about", metavar="NAME", help="quotes: mentioning this actor.")
@click.option("--search", metavar="TEXT", help="quotes/articles: words in the text; actors: a name.")
@click.option("--country", metavar="CODE", help="actors: of this country.")
@click.option("--type", "event_type", metavar="TYPE", help="events: PLOVER type.")
@click.option("--actor", "actor_name", metavar="NAME", help="events: done by this actor.")
@click.option("--recipient", metavar="NAME", help="events: done to this actor.")
@click.option("--claimed", "status", flag_value="claimed", help="events: only claims made in quotes.")
@click.option("--reported", "status", flag_value="reported", help="events: only events stated as fact.")
@click.option("--since", type=DATE, help="On or after this date.")
@click.option("--until", type=DATE, help="On or before this date.")
@handle_errors
def export(table, fmt, output, db, speaker, addressee, about, search, country, event_type, actor_name,
           recipient, status, since, until) -> None:
    """Export all quotes, events, actors or articles (filtered) as JSON lines, CSV or Parquet.

    \b
    Example:
        whosaid export quotes --format csv --speaker Khamenei --output khamenei.csv
        whosaid export events --format parquet --output events.parquet --db whosaid.db
    """
    if fmt not in WRITERS:
        raise click.BadParameter(f"{fmt!r} is not one of {', '.join(WRITERS)}", param_hint="'--format'")
    if table not in WRITER_TABLES[fmt]:
        raise click.UsageError(f"--format {fmt} can only export {', '.join(WRITER_TABLES[fmt])}")
    misplaced = {
        "quotes": [country, event_type, actor_name, recipient, status],
        "events": [speaker, addressee, about, search, country],
        "actors": [speaker, addressee, about, event_type, actor_name, recipient, status, since, until],
        "articles": [speaker, addressee, about, country, event_type, actor_name, recipient, status],
    }[table]
    if any(v is not None for v in misplaced):
        raise click.UsageError(f"a filter was given that does not apply to {table}; see whosaid export --help")
    if output and Path(output).exists() and Path(output).is_dir():
        raise click.UsageError(f"{output} is a directory")

    store = open_db(db)
    try:
        def fetch(limit: int, cursor: str | None):
            if table == "quotes":
                return store.quotes(speaker=speaker, addressee=addressee, about=about, search=search,
                                    since=since, until=until, limit=limit, cursor=cursor)
            if table == "events":
                claimed = None if status is None else status == "claimed"
                return store.events(type=event_type, actor=actor_name, recipient=recipient, since=since,
                                    until=until, claimed=claimed, limit=limit, cursor=cursor)
            if table == "actors":
                return store.actors(search=search, country=country, limit=limit, cursor=cursor)
            return store.articles(search=search, since=since, until=until, limit=limit, cursor=cursor)

        WRITERS[fmt](walk(fetch), output, table)
    finally:
        store.close()
    if output:
        click.echo(f"Wrote {table} to {output}", err=True)


def walk(fetch: Callable, page_size: int = 500) -> Iterator[dict]:
    """Every item of a paged store query."""
    cursor = None
    while True:
        page = fetch(page_size, cursor)
        yield from page.items
        if not page.next_cursor:
            return
        cursor = page.next_cursor
