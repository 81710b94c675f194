"""The ``whosaid`` command line: thin commands over the library.

Each command group lives in ``whosaid.commands.<name>`` and is registered here,
so adding a stage's commands never touches the others.
"""

from __future__ import annotations

import importlib
import logging

import click

from whosaid import __version__

#: Modules under whosaid.commands that each define ``register(main)``.
COMMAND_MODULES = ["extract", "database", "query", "user_actors", "export", "evaluate", "serve"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="whosaid")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
def main(verbose: int) -> None:
    """Who said what, to whom, about whom — and who did what to whom — in news.

    \b
    Example:
        whosaid ingest samples/ --db whosaid.db
        whosaid quotes --speaker Khamenei --db whosaid.db
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s")


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"whosaid.commands.{_name}")
    except ModuleNotFoundError as _exc:
        if _exc.name != f"whosaid.commands.{_name}":
            raise
        continue
    _module.register(main)
