"""What the commands share: the database option, output formats, dates, errors and progress.

Listings print a rich table by default and JSON (``--json``), JSON lines
(``--jsonl``) or CSV (``--csv``) on request, sqlite-utils style. Errors from
``whosaid.errors`` become ``Error: [code] message`` with no traceback.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from whosaid.errors import UsageError, WhosaidError
from whosaid.nlp.model import DEFAULT_MODEL, MODELS

#: Environment variable naming the default database.
DB_ENV = "WHOSAID_DB"


def model_option(help: str = "The spaCy English pipeline: md (better) or sm (faster).") -> Callable:
    """``--model``: one of the pinned spaCy pipelines (``whosaid.nlp.MODELS``), default ``WHOSAID_MODEL`` or md."""
    return click.option("--model", type=click.Choice(list(MODELS)), default=DEFAULT_MODEL, show_default=True,
                        help=help)


def stderr_console() -> Console:
    return Console(stderr=True)


class WhosaidClickError(click.ClickException):
    """A whosaid error shown as ``Error: [code] message`` (exit 1; usage errors exit 2)."""

    def __init__(self, error: WhosaidError):
        super().__init__(str(error))
        self.exit_code = 2 if isinstance(error, UsageError) else 1


def handle_errors(command: Callable) -> Callable:
    """Turn whosaid errors raised by a command into a clean message and exit code."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except WhosaidError as exc:
            raise WhosaidClickError(exc) from None

    return wrapper


def db_option(command: Callable) -> Callable:
    return click.option(
        "--db", default="whosaid.db", show_default=True, envvar=DB_ENV, type=click.Path(dir_okay=False),
        help=f"The SQLite database file (or set {DB_ENV}).",
    )(command)


def open_db(path: str, *, must_exist: bool = True):
    """The store at ``path``; a reading command on a missing file is an error, not a new empty database."""
    from pathlib import Path

    from whosaid.errors import StoreError
    from whosaid.store import open_store

    if must_exist and not Path(path).exists():
        raise StoreError(f"no database at {path}; create one with: whosaid ingest PATH... --db {path}")
    return open_store(path)


class IsoDate(click.ParamType):
    """A date as YYYY-MM-DD (also YYYY-MM or YYYY, meaning its first day)."""

    name = "DATE"

    def convert(self, value, param, ctx):
        if value is None or isinstance(value, dt.date):
            return value.isoformat() if isinstance(value, dt.date) else value
        text = str(value).strip()
        for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
            try:
                return dt.datetime.strptime(text, fmt).date().isoformat()
            except ValueError:
                continue
        self.fail(f"{value!r} is not a date like 2015-11-24", param, ctx)


DATE = IsoDate()


def output_options(*, default: str = "table", csv_ok: bool = True) -> Callable:
    """``--json`` / ``--jsonl`` / ``--csv`` flags filling one ``fmt`` parameter (``default`` when none given)."""
    flags = [("json", "Print one JSON document."), ("jsonl", "Print one JSON object per line.")]
    if csv_ok:
        flags.append(("csv", "Print CSV with a header row."))

    def decorate(command: Callable) -> Callable:
        if default == "table":
            command = click.option("--table", "fmt", flag_value="table", default=True, hidden=True)(command)
        for name, help_text in reversed(flags):
            command = click.option(f"--{name}", "fmt", flag_value=name, default=name == default,
                                   help=help_text)(command)
        return command

    return decorate


def flatten(value: Any) -> Any:
    """A cell for CSV or a table: names of actor lists, JSON for other structures."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if value and all(isinstance(v, dict) and "name" in v for v in value):
            return "; ".join(str(v.get("name") or v.get("id") or "") for v in value)
        if all(not isinstance(v, (dict, list)) for v in value):
            return "; ".join("" if v is None else str(v) for v in value)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        if set(value) >= {"start", "end", "text"}:
            return value["text"]
        return json.dumps(value, ensure_ascii=False)
    return value


def write_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2))


def write_jsonl(items: Iterable[dict], out=None) -> None:
    out = out or sys.stdout
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False) + "\n")


def write_csv(items: Iterable[dict], columns: Sequence[str] | None = None, out=None) -> None:
    out = out or sys.stdout
    items = iter(items)
    first = next(items, None)
    if first is None:
        if columns:
            csv.writer(out).writerow(columns)
        return
    columns = list(columns or first.keys())
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerow({c: flatten(first.get(c)) for c in columns})
    for item in items:
        writer.writerow({c: flatten(item.get(c)) for c in columns})


def write_table(items: Sequence[dict], columns: Sequence[str], *, title: str | None = None,
                widths: dict[str, int] | None = None) -> None:
    console = Console()
    if not console.is_terminal:  # piped or captured: do not fold cells into an 80-column page
        console = Console(width=200)
    table = Table(title=title, show_lines=False, header_style="bold")
    widths = widths or {}
    for column in columns:
        table.add_column(column, overflow="fold", max_width=widths.get(column))
    for item in items:
        row = []
        for column in columns:
            cell = flatten(item.get(column))
            text = str(cell)
            limit = widths.get(column)
            if limit and len(text) > limit * 3:
                text = text[: limit * 3 - 1] + "…"
            row.append(text)
        table.add_row(*row)
    console.print(table)


def emit(items: list[dict], fmt: str, columns: Sequence[str], *, title: str | None = None,
         widths: dict[str, int] | None = None, next_cursor: str | None = None) -> None:
    """Print a listing in the chosen format."""
    if fmt == "json":
        write_json(items)
    elif fmt == "jsonl":
        write_jsonl(items)
    elif fmt == "csv":
        write_csv(items, columns)
    else:
        if not items:
            stderr_console().print("Nothing found.")
            return
        write_table(items, columns, title=title, widths=widths)
        if next_cursor:
            stderr_console().print("[dim]More results: add --limit N for more, or use --json/--csv.[/dim]")


def collect(fetch: Callable[[int, str | None], Any], limit: int | None) -> tuple[list[dict], str | None]:
    """Up to ``limit`` items (all when None) from a paged store query."""
    from whosaid.store.sqlite import MAX_LIMIT

    items: list[dict] = []
    cursor = None
    while True:
        want = MAX_LIMIT if limit is None else min(MAX_LIMIT, limit - len(items))
        page = fetch(want, cursor)
        items.extend(page.items)
        cursor = page.next_cursor
        if cursor is None or (limit is not None and len(items) >= limit):
            return items, cursor


@contextmanager
def progress(description: str, total: int | None = None):
    """A rich progress bar on stderr (shown only on a terminal); yields ``advance(n=1)``."""
    console = stderr_console()
    bar = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True, disable=not console.is_terminal,
    )
    with bar:
        task = bar.add_task(description, total=total)

        def advance(n: int = 1, description: str | None = None) -> None:
            bar.update(task, advance=n, **({"description": description} if description else {}))

        yield advance
