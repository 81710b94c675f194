"""Printing evaluation results: rich tables for people, one JSON object for machines."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

#: (key in the scores dict, label) in the order the tables show them.
QUOTE_ROWS = (
    ("gold", "gold"),
    ("predicted", "predicted"),
    ("precision_50", "P ≥.5"),
    ("recall_50", "R ≥.5"),
    ("f1_50", "F1 ≥.5"),
    ("precision_90", "P ≥.9"),
    ("recall_90", "R ≥.9"),
    ("f1_90", "F1 ≥.9"),
    ("speaker_accuracy", "speaker"),
    ("cue_accuracy", "cue"),
    ("addressee_accuracy", "addressee"),
)
LEGEND = (
    "P/R/F1 ≥.5 and ≥.9: content precision, recall, F1 with quotes paired at Dice ≥ 0.5 "
    "(lenient) and ≥ 0.9 (strict); speaker, cue, addressee: accuracy on pairs at Dice ≥ 0.5 "
    "whose gold has one (n)"
)
#: Accuracies show their denominator (pairs with Dice ≥ 0.5 whose gold has one).
DENOMINATORS = {
    "speaker_accuracy": "speaker_n",
    "cue_accuracy": "cue_n",
    "addressee_accuracy": "addressee_n",
}
KIND_ORDER = ("direct", "mixed", "indirect")


def _cell(scores: dict[str, Any], key: str) -> str:
    value = scores.get(key)
    if value is None:
        return "–"
    if isinstance(value, float):
        text = f"{value:.3f}"
        if key in DENOMINATORS:
            text += f" n={scores.get(DENOMINATORS[key], 0)}"
        return text
    return str(value)


def to_json(result: dict[str, Any] | list[dict[str, Any]], errors: bool = False) -> str:
    """A result (or a list of them) as JSON; error listings only when asked for."""

    def trimmed(r: dict[str, Any]) -> dict[str, Any]:
        if errors:
            return r
        systems = {
            n: {k: v for k, v in s.items() if k != "errors"} for n, s in r["systems"].items()
        }
        return {**r, "systems": systems}

    data = [trimmed(r) for r in result] if isinstance(result, list) else trimmed(result)
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def print_result(
    result: dict[str, Any], console: Console | None = None, errors: bool = False
) -> None:
    """Header, the quote table (one column per system), per-kind table, other sections, errors."""
    console = console or Console()
    systems = result.get("systems", {})
    console.print(f"[bold]corpus[/bold] {result['corpus']} ({result['format']})")
    if "articles" in result:
        console.print(
            f"{result['articles']} articles, {result['docs']} annotation docs, "
            f"{result['gold_quotes']} gold quotes"
        )
    if "annotator" in result:
        console.print(f"annotator: {result['annotator']} — {result['annotator_note']}")
    for name, s in systems.items():
        failed = ""
        if s["failed_docs"]:
            failed = f", {s['failed_docs']} articles failed (counted as no predictions)"
        console.print(f"system [bold]{name}[/bold]: {s['predictions']} predictions{failed}")
    console.print(f"model: {result['model']}   wall time: {result['wall_time_s']} s")

    if systems:
        table = Table(title="Quotes")
        table.add_column("")
        for name in systems:
            table.add_column(name, justify="right")
        for key, label in QUOTE_ROWS:
            table.add_row(label, *(_cell(s["quotes"]["overall"], key) for s in systems.values()))
        console.print(table)

        kinds = sorted(
            {k for s in systems.values() for k in s["quotes"]["by_kind"]},
            key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER),
        )
        if kinds:
            table = Table(title="By quote kind (recall by gold kind, precision by predicted kind)")
            table.add_column("")
            for name in systems:
                for kind in kinds:
                    header = f"{name}\n{kind}" if len(systems) > 1 else kind
                    table.add_column(header, justify="right")
            for key, label in QUOTE_ROWS:
                cells = [s["quotes"]["by_kind"].get(k, {}) for s in systems.values() for k in kinds]
                if key == "addressee_accuracy" and all(c.get(key) is None for c in cells):
                    continue
                row = [_cell(c, key) for c in cells]
                table.add_row(label, *row)
            console.print(table)
        console.print(f"[dim]{LEGEND}[/dim]")
        if kinds:
            if result.get("kind_note"):
                console.print(f"[dim]{result['kind_note']}[/dim]")

    for name, s in systems.items():
        for section in ("actors", "events", "speaker_resolution"):
            if section in s:
                _print_section(console, f"{section.replace('_', ' ')} ({name})", s[section])
        if s.get("failures"):
            console.print(
                f"[yellow]{name} failed on {len(s['failures'])} articles[/yellow], first:",
                escape(s["failures"][0]),
            )
        only = s.get("quotes_processed_docs_only")
        if only:
            console.print(
                f"{name} on the articles it processed only: F1 ≥.5 {_cell(only, 'f1_50')}, "
                f"F1 ≥.9 {_cell(only, 'f1_90')}, speaker {_cell(only, 'speaker_accuracy')}"
            )
    agreement = result.get("agreement")
    if agreement:
        console.print(
            "human agreement (first two annotators on the "
            f"{agreement['articles']} articles annotated more than once): "
            f"F1 ≥.5 {_cell(agreement, 'f1_50')}, F1 ≥.9 {_cell(agreement, 'f1_90')}, "
            f"speaker {_cell(agreement, 'speaker_accuracy')}, "
            f"cue {_cell(agreement, 'cue_accuracy')}"
        )
    if "events" in result:
        _print_section(console, "events", result["events"])

    if errors:
        for name, s in systems.items():
            _print_errors(console, name, s.get("errors", []))
            counts = s["quotes"].get("error_counts") or {}
            if counts:
                table = Table(
                    title=f"{name}: errors by type and gold kind (predicted kind for false alarms)"
                )
                kinds = sorted({k for c in counts.values() for k in c})
                table.add_column("")
                for k in kinds:
                    table.add_column(k, justify="right")
                table.add_column("all", justify="right")
                for kind_name, c in counts.items():
                    cells = [str(c.get(k, 0)) for k in kinds]
                    table.add_row(kind_name, *cells, str(sum(c.values())))
                console.print(table)


def _print_section(console: Console, title: str, data: dict[str, Any]) -> None:
    """Another scorer's result: its figures in one table, each dict of per-item dicts in its own."""
    if not data.get("available", True):
        console.print(f"[bold]{title}[/bold]: {data.get('note') or 'not available yet'}")
        return
    if "error" in data:
        console.print(f"[bold]{title}[/bold]: [red]failed[/red]", escape(str(data["error"])))
        return
    scalars = {}
    tables = {}
    for key, value in data.items():
        if key == "available":
            continue
        if isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()):
            tables[key] = value
        else:
            scalars[key] = value
    table = Table(title=title, show_header=False)
    table.add_column("")
    table.add_column("", justify="right", overflow="fold")
    for key, value in _flatten(scalars):
        table.add_row(key, escape(_format(value)))
    console.print(table)
    for key, rows in tables.items():
        columns = list(dict.fromkeys(c for row in rows.values() for c in row))
        sub = Table(title=f"{title}: {key.replace('_', ' ')}")
        sub.add_column("", no_wrap=True)
        for c in columns:
            sub.add_column(str(c), justify="right", overflow="fold")
        for name, row in rows.items():
            sub.add_row(escape(str(name)), *(escape(_format(row.get(c), 40)) for c in columns))
        console.print(sub)


def _flatten(data: Any, prefix: str = "", depth: int = 0) -> list[tuple[str, Any]]:
    if isinstance(data, dict) and depth < 3:
        out = []
        for k, v in data.items():
            out.extend(_flatten(v, f"{prefix}.{k}" if prefix else str(k), depth + 1))
        return out
    return [(prefix, data)]


def _format(value: Any, limit: int = 80) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, (list, tuple)):
        text = json.dumps(value, ensure_ascii=False, default=str)
        return text if len(text) <= limit else text[: limit - 1] + "…"
    return str(value)


def _print_errors(console: Console, system: str, errors: list[dict[str, Any]]) -> None:
    order = ("miss", "false alarm", "wrong speaker", "wrong addressee")
    for kind in order:
        items = [e for e in errors if e["type"] == kind]
        if not items:
            continue
        console.rule(f"{system}: {kind} ({len(items)})")
        for e in items:
            who = f"{e['doc']}" + (f" [{e['annotator']}]" if e.get("annotator") else "")
            detail = ""
            if kind == "wrong speaker":
                detail = f"\n    gold: {e['gold_speaker']!s}   predicted: {e['predicted_speaker']}"
            elif kind == "wrong addressee":
                detail = f"\n    predicted: {e.get('predicted_addressee')}"
            elif kind == "miss" and e.get("gold_speaker"):
                detail = f"   (gold speaker: {e['gold_speaker']})"
            elif kind == "false alarm":
                detail = f"   (speaker: {e.get('predicted_speaker')})"
            tag = f"{e.get('kind') or ''} dice={e.get('dice', '')}"
            console.print(f"{who}  {tag}  {e['text']!r}{detail}", markup=False, highlight=False)
