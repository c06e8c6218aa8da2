"""The command line: kazextract extract, eval, eval-conll, report, explain."""

from .main import entry, main

__all__ = ["entry", "main"]
