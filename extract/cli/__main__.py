"""`python -m extract.cli ARGS`: the kazextract command, for a checkout where the console
script is not installed."""

from extract.cli.main import entry

entry()
