"""``whosaid eval``: score whosaid (or a peer system) against gold quotations, actors and events."""

from __future__ import annotations

import sys

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from whosaid.commands.output import model_option
from whosaid.errors import WhosaidError


def register(main: click.Group) -> None:
    main.add_command(eval_command)


@click.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "--system",
    type=click.Choice(["whosaid", "textacy", "both"]),
    default="whosaid",
    show_default=True,
    help="System to score; 'both' prints whosaid and textacy side by side.",
)
@model_option(help="spaCy pipeline.")
@click.option(
    "--errors", "show_errors", is_flag=True, help="List misses, false alarms and wrong speakers."
)
@click.option(
    "--limit",
    type=int,
    default=None,
    help="Only the first N articles (by file name) of a PolNeAR folder.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print JSON instead of tables: one object, or a list for several GOLD.",
)
@click.option(
    "--annotator",
    type=click.Choice(["all", "first"]),
    default="all",
    show_default=True,
    help="PolNeAR articles annotated twice: score every annotation file, or the first one only.",
)
@click.option(
    "--timeout",
    type=float,
    default=300.0,
    show_default=True,
    help="Seconds whosaid may spend on one article; slower articles count as failed.",
)
def eval_command(gold, system, model, show_errors, limit, as_json, annotator, timeout) -> None:
    """Score quotes (and actors, events) against GOLD as defined in ../shared/eval/README.md.

    GOLD is a PolNeAR folder (text/ + attributions/), a seed-style gold.json, or a
    PLOVER records file. Content P/R/F1 at Dice >= 0.5 and >= 0.9; speaker, cue and
    addressee accuracy on the pairs at Dice >= 0.5; overall and per quote kind.

    \b
    Example:
        whosaid eval ../shared/eval/seed/gold.json
        whosaid eval ../shared/eval/polnear/dev --system both --limit 20 --errors
    """
    from whosaid.evaluation import evaluate
    from whosaid.evaluation.report import print_result, to_json
    from whosaid.pipeline import Pipeline

    systems = ("whosaid", "textacy") if system == "both" else (system,)
    # soft_wrap: header and error lines stay whole (greppable); tables still fit the width.
    out = Console(soft_wrap=True)
    if not out.is_terminal:  # piped or captured: do not fold tables into an 80-column page
        out = Console(soft_wrap=True, width=160)
    err = Console(stderr=True, soft_wrap=True)
    try:
        pipeline = Pipeline(model)
        results: list[dict] = []
        for path in gold:
            with Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.fields[label]}"),
                console=err,
                transient=True,
            ) as bar:
                task = bar.add_task(f"eval {path}", total=None, label="")

                def progress(done: int, total: int, label: str) -> None:
                    bar.update(task, completed=done, total=total, label=label)

                result = evaluate(
                    path,
                    systems=systems,
                    model=model,
                    annotator=annotator,
                    limit=limit,
                    pipeline=pipeline,
                    progress=progress,
                    timeout=timeout,
                )
            if as_json:
                results.append(result)
            else:
                print_result(result, out, errors=show_errors)
        if as_json:
            click.echo(to_json(results[0] if len(results) == 1 else results, errors=show_errors))
    except WhosaidError as exc:
        err.print("[red]error[/red]", escape(str(exc)), highlight=False)
        sys.exit(2)
