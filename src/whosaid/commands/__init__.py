"""CLI command groups, one module each; ``whosaid.cli`` registers them."""
