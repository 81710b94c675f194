"""``whosaid ingest``, ``articles``, ``article``, ``rejected``, ``stats``: building and reading a database."""

from __future__ import annotations

import json
from collections.abc import Iterator

import click

from whosaid.commands.extract import analyse_articles, analysis_options, read_inputs
from whosaid.commands.output import (
    DATE, collect, db_option, emit, handle_errors, open_db, output_options, progress, write_json,
)
from whosaid.records import Article, Rejected

ARTICLE_COLUMNS = ["id", "published", "title", "publisher", "actors", "quotes", "events", "source"]


def register(main: click.Group) -> None:
    for command in (ingest, articles, article, rejected, stats):
        main.add_command(command)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@db_option
@analysis_options
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@handle_errors
def ingest(paths: tuple[str, ...], db: str, model: str, input_format: str | None, max_bytes: int,
           as_json: bool) -> None:
    """Analyse articles and store them in a database.

    Articles already in the database (the same text, from any file) are skipped
    before any analysis, so rerunning after an interrupted run resumes where it
    stopped. Each article is committed as soon as it is analysed. Inputs that
    cannot be analysed are recorded with the reason (see `whosaid rejected`);
    the exit code is then 1.

    \b
    Example:
        whosaid ingest samples/ --db whosaid.db
        whosaid ingest feed.xml pages/ --db news.db --model sm
    """
    store = open_db(db, must_exist=False)
    new: list[dict] = []
    already: list[dict] = []
    rejected_items: list[dict] = []
    seen: dict[str, str] = {}

    def pending() -> Iterator[Article]:
        for item in read_inputs(paths, format=input_format, max_bytes=max_bytes):
            if isinstance(item, Rejected):
                store.save_rejected(item)
                rejected_items.append(item.to_dict())
                advance()
            elif store.has_article(item.id):
                already.append({"id": item.id, "source": item.source})
                advance()
            elif item.id in seen:
                already.append({"id": item.id, "source": item.source, "same_as": seen[item.id]})
                advance()
            else:
                seen[item.id] = item.source
                yield item

    try:
        with progress("Ingesting") as advance:
            for result in analyse_articles(pending(), model, dictionary=_user_dictionary(store)):
                if isinstance(result, Rejected):
                    store.save_rejected(result)
                    rejected_items.append(result.to_dict())
                elif store.save_analysis(result):
                    new.append({"id": result.article.id, "source": result.article.source,
                                "title": result.article.title, "quotes": len(result.quotes)})
                else:
                    already.append({"id": result.article.id, "source": result.article.source})
                advance()
        totals = store.stats()
    except KeyboardInterrupt:
        click.echo(f"Interrupted: {len(new)} new articles were stored; run the same command again to resume.",
                   err=True)
        raise SystemExit(130) from None
    finally:
        store.close()

    summary = {"database": db, "new": new, "already_stored": already, "rejected": rejected_items,
               "totals": totals}
    if as_json:
        write_json(summary)
    else:
        click.echo(f"Articles: {len(new)} new, {len(already)} already stored, {len(rejected_items)} rejected")
        for line in _capped([f"  new: {i['source']} ({i['quotes']} quotes)" for i in new]):
            click.echo(line)
        for line in _capped([f"  already stored: {i['source']}"
                             + (f" (same text as {i['same_as']})" if i.get("same_as") else "") for i in already]):
            click.echo(line)
        for item in rejected_items:
            click.echo(f"  rejected: {item['source']}: [{item['code']}] {item['reason']}", err=True)
        click.echo(
            f"Database {db}: {totals['articles']} articles, {totals['actors']} actors, "
            f"{totals['quotes']} quotes, {totals['events']} events, {totals['rejected']} rejected inputs"
        )
    if rejected_items:
        raise SystemExit(1)


def _user_dictionary(store):
    """The shipped actor dictionary extended with the database's user entries (None when it has none)."""
    entries = store.user_actors()
    if not entries:
        return None
    from whosaid.actors.dictionary import load_dictionary

    return load_dictionary(extra_entries=entries)


def _capped(lines: list[str], most: int = 30) -> list[str]:
    """At most ``most`` lines, then how many more (the JSON summary has them all)."""
    if len(lines) <= most:
        return lines
    return lines[:most] + [f"  ... and {len(lines) - most} more (--json lists them all)"]


@click.command()
@db_option
@click.option("--search", help="Words in the title or text (all required).")
@click.option("--since", type=DATE, help="Published on or after this date.")
@click.option("--until", type=DATE, help="Published on or before this date.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="At most this many.")
@output_options()
@handle_errors
def articles(db: str, search: str | None, since: str | None, until: str | None, limit: int, fmt: str) -> None:
    """List stored articles, newest first (best match first with --search).

    \b
    Example:
        whosaid articles --db whosaid.db
        whosaid articles --search "nuclear deal" --since 2013-01-01 --csv
    """
    with open_db(db) as store:
        items, more = collect(
            lambda n, c: store.articles(search=search, since=since, until=until, limit=n, cursor=c), limit)
    columns = ARTICLE_COLUMNS + (["snippet"] if search else [])
    emit(items, fmt, columns, title="Articles", next_cursor=more,
         widths={"id": 16, "title": 40, "source": 30, "snippet": 50})


@click.command()
@click.argument("article_id")
@db_option
@handle_errors
def article(article_id: str, db: str) -> None:
    """Print one stored article with its actors, quotes and events, as JSON.

    The output follows docs/output.md, with corpus-level actor ids.

    \b
    Example:
        whosaid article 3f2a9c1d0b7e4a65 --db whosaid.db
    """
    with open_db(db) as store:
        click.echo(json.dumps(store.article(article_id), ensure_ascii=False, indent=2))


@click.command()
@db_option
@output_options()
@handle_errors
def rejected(db: str, fmt: str) -> None:
    """List inputs that could not be analysed, with the reason.

    \b
    Example:
        whosaid rejected --db whosaid.db --csv
    """
    with open_db(db) as store:
        items = store.rejected()
    emit(items, fmt, ["source", "code", "reason", "at"], title="Rejected inputs", widths={"reason": 50})


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@handle_errors
def stats(db: str, as_json: bool) -> None:
    """Count what a database holds: articles, actors, mentions, quotes, events, rejected inputs.

    \b
    Example:
        whosaid stats --db whosaid.db
    """
    with open_db(db) as store:
        counts = store.stats()
    if as_json:
        write_json(counts)
        return
    emit([{"what": k, "count": v} for k, v in counts.items()], "table", ["what", "count"], title=db)
