"""``whosaid quotes``, ``actors``, ``actor``, ``events``: questions to a database.

Names (``--speaker Khamenei``) match a corpus actor's id, name or alias, as whole
words, case-insensitively. ``actors`` is a group so that subcommands (``actors
add``, ``actors import``) can be added to it by the actors stage.
"""

from __future__ import annotations

import click

from whosaid.commands.output import DATE, collect, db_option, emit, handle_errors, open_db, output_options, write_json

QUOTE_COLUMNS = ["published", "speaker_name", "kind", "text", "addressee_name", "about", "article_title", "id"]
ACTOR_COLUMNS = ["id", "name", "kind", "country", "sector", "articles", "mentions", "quotes"]
EVENT_COLUMNS = ["id", "date", "type", "cameo", "actors", "recipients", "claimed", "mentions", "evidence"]


def register(main: click.Group) -> None:
    for command in (quotes, actors, actor, events):
        main.add_command(command)


def limit_option(command):
    return click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True,
                        help="At most this many.")(command)


@click.command()
@db_option
@click.option("--speaker", metavar="NAME", help="Said by this actor.")
@click.option("--addressee", metavar="NAME", help="Said to this actor.")
@click.option("--about", metavar="NAME", help="Mentioning this actor in the quote.")
@click.option("--search", metavar="TEXT", help="Words in the quote (all required).")
@click.option("--since", type=DATE, help="Articles published on or after this date.")
@click.option("--until", type=DATE, help="Articles published on or before this date.")
@click.option("--article", "article_id", metavar="ID", help="Only quotes in this article.")
@click.option("--kind", type=click.Choice(["direct", "indirect", "mixed"]), help="Only this kind of quote.")
@limit_option
@output_options()
@handle_errors
def quotes(db, speaker, addressee, about, search, since, until, article_id, kind, limit, fmt) -> None:
    """List quotes: who said what, to whom, about whom.

    \b
    Example:
        whosaid quotes --speaker Khamenei --db whosaid.db
        whosaid quotes --about Bush --search "devil" --since 2006-01-01 --json
    """
    with open_db(db) as store:
        items, more = collect(lambda n, c: store.quotes(
            speaker=speaker, addressee=addressee, about=about, search=search, since=since, until=until,
            article=article_id, kind=kind, limit=n, cursor=c), limit)
    emit(items, fmt, QUOTE_COLUMNS, title="Quotes", next_cursor=more,
         widths={"text": 60, "article_title": 30, "id": 20, "about": 20})


@click.group(invoke_without_command=True)
@db_option
@click.option("--search", metavar="NAME", help="Actors this name fits (name or alias, whole words).")
@click.option("--country", metavar="CODE", help="Actors of this country (ISO 3166 alpha-3, e.g. IRN).")
@limit_option
@output_options()
@click.pass_context
@handle_errors
def actors(ctx: click.Context, db, search, country, limit, fmt) -> None:
    """List the people, organisations, countries and groups found, most reported first.

    \b
    Example:
        whosaid actors --db whosaid.db
        whosaid actors --country IRN --csv
    """
    if ctx.invoked_subcommand is not None:
        return
    with open_db(db) as store:
        items, more = collect(lambda n, c: store.actors(search=search, country=country, limit=n, cursor=c), limit)
    emit(items, fmt, ACTOR_COLUMNS, title="Actors", next_cursor=more, widths={"id": 30, "name": 30})


@click.command()
@click.argument("name")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print everything as JSON.")
@handle_errors
def actor(name: str, db: str, as_json: bool) -> None:
    """Show one actor: aliases, roles, articles, quotes by and about them, events.

    NAME is an actor id, a name or an alias.

    \b
    Example:
        whosaid actor Khamenei --db whosaid.db
        whosaid actor "Hugo Chavez" --json
    """
    with open_db(db) as store:
        info = store.actor(name)
    if as_json:
        write_json(info)
        return
    click.echo(f"{info['name']}  ({info['kind']}{', ' + info['country'] if info['country'] else ''})")
    click.echo(f"  id: {info['id']}")
    if info["sector"]:
        click.echo(f"  sector: {info['sector']}")
    if info["aliases"]:
        click.echo(f"  also called: {'; '.join(info['aliases'])}")
    if info["roles"]:
        click.echo(f"  roles: {'; '.join(info['roles'])}")
    click.echo(f"  in {info['article_count']} article(s), {info['mentions']} mention(s)")
    if info["quotes_by"]:
        emit(info["quotes_by"], "table", ["published", "kind", "text", "addressee_name", "article_title"],
             title=f"Quotes by {info['name']}", widths={"text": 60, "article_title": 30})
    if info["quotes_about"]:
        emit(info["quotes_about"], "table", ["published", "speaker_name", "text", "article_title"],
             title=f"Quotes about {info['name']}", widths={"text": 60, "article_title": 30})
    if info["events"]:
        emit([_event_row(e) for e in info["events"]], "table", EVENT_COLUMNS, title=f"Events of {info['name']}",
             widths={"evidence": 50})


def _event_row(event: dict) -> dict:
    first = event["reports"][0] if event.get("reports") else {}
    return {**event, "evidence": (first.get("evidence") or {}).get("text")}


@click.command()
@db_option
@click.option("--type", "event_type", metavar="TYPE", help="PLOVER event type, e.g. ACCUSE.")
@click.option("--actor", "actor_name", metavar="NAME", help="Done by this actor.")
@click.option("--recipient", metavar="NAME", help="Done to this actor.")
@click.option("--since", type=DATE, help="On or after this date.")
@click.option("--until", type=DATE, help="On or before this date.")
@click.option("--claimed", "status", flag_value="claimed", help="Only events asserted inside a quote.")
@click.option("--reported", "status", flag_value="reported", help="Only events the articles state as fact.")
@limit_option
@output_options()
@handle_errors
def events(db, event_type, actor_name, recipient, since, until, status, limit, fmt) -> None:
    """List events: who did what to whom, with the evidence from each article.

    \b
    Example:
        whosaid events --type ACCUSE --actor Iran --db whosaid.db
        whosaid events --recipient "United States" --claimed --json
    """
    claimed = None if status is None else status == "claimed"
    with open_db(db) as store:
        items, more = collect(lambda n, c: store.events(
            type=event_type, actor=actor_name, recipient=recipient, since=since, until=until, claimed=claimed,
            limit=n, cursor=c), limit)
    if fmt in ("table", "csv"):
        items = [_event_row(e) for e in items]
    emit(items, fmt, EVENT_COLUMNS, title="Events", next_cursor=more, widths={"evidence": 50})
