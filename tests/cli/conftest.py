"""Fixtures of the CLI tests."""

import pytest
from click.testing import CliRunner


@pytest.fixture(scope="session")
def runner():
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 keeps stderr apart already
        return CliRunner()
