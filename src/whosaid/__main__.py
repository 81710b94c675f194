"""``python -m whosaid`` runs the CLI."""

from whosaid.cli import main

main()
