"""``whosaid extract``: print the full analysis of articles, without storing anything."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import click

from whosaid.commands.output import handle_errors, model_option, progress
from whosaid.ingest import DEFAULT_MAX_BYTES, FORMATS
from whosaid.ingest import read_inputs as ingest_inputs
from whosaid.records import Analysis, Article, Rejected

#: Input formats ``--format`` offers (detected from each file when not given).
INPUT_FORMATS = sorted(FORMATS)


def read_inputs(paths: Sequence[str], format: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
                ) -> Iterator[Article | Rejected]:
    """Articles (or Rejected inputs) from files, directories and ``-``, via ``whosaid.ingest``."""
    yield from ingest_inputs(list(paths), format=format, max_bytes=max_bytes)


def analysis_options(command: Callable) -> Callable:
    """The options every command that reads and analyses articles shares: model, format, size limit."""
    command = click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
                           show_default=True, help="Reject inputs larger than this.")(command)
    command = click.option("--format", "input_format", type=click.Choice(INPUT_FORMATS), default=None,
                           help="Input format; detected from each file when not given.")(command)
    return model_option()(command)


def register(main: click.Group) -> None:
    main.add_command(extract)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@analysis_options
@click.option("--json", "fmt", flag_value="json", default=True,
              help="One JSON document: an object for one article, a list for several (default).")
@click.option("--jsonl", "fmt", flag_value="jsonl", help="One JSON object per article per line.")
@handle_errors
def extract(files: tuple[str, ...], model: str, input_format: str | None, max_bytes: int, fmt: str) -> None:
    """Print the full analysis of articles (actors, quotes, events) without storing it.

    FILE can be a text, HTML, JSON lines, WARC or RSS/Atom file, a directory, or -
    for standard input. The output is the contract documented in docs/output.md.
    Inputs that cannot be analysed are listed on stderr with the reason, and the
    exit code is then 1.

    \b
    Example:
        whosaid extract samples/wikinews_2014-09-06_nato_wales_summit.txt
        whosaid extract samples/ --jsonl --model sm > analyses.jsonl
    """
    rejected: list[Rejected] = []
    results: list[dict] = []

    def articles() -> Iterator[Article]:
        for item in read_inputs(files, format=input_format, max_bytes=max_bytes):
            if isinstance(item, Rejected):
                rejected.append(item)
                click.echo(f"Rejected: {item.source}: [{item.code}] {item.reason}", err=True)
            else:
                yield item

    with progress("Analysing") as advance:
        for result in analyse_articles(articles(), model):
            advance()
            if isinstance(result, Rejected):
                rejected.append(result)
                click.echo(f"Rejected: {result.source}: [{result.code}] {result.reason}", err=True)
                continue
            if fmt == "jsonl":
                click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
            else:
                results.append(result.to_dict())
    if fmt == "json":
        if len(results) == 1 and len(files) == 1 and not Path(files[0]).is_dir():
            click.echo(json.dumps(results[0], ensure_ascii=False, indent=2))
        else:
            click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    if rejected:
        raise SystemExit(1)


def analyse_articles(articles: Iterator[Article], model: str, dictionary=None) -> Iterator[Analysis | Rejected]:
    """Run the pipeline over articles, loading the model only when there is an article to analyse.

    ``dictionary``: an ``ActorDictionary`` (e.g. with the database's user entries); None = the shipped one.
    """
    first = next(articles, None)
    if first is None:
        return
    from whosaid.pipeline import Pipeline

    pipeline = Pipeline(model, dictionary=dictionary)

    def again() -> Iterator[Article]:
        yield first
        yield from articles

    yield from pipeline.analyse_many(again())
