"""``kazextract report``: the HTML report of one or more articles."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli import RELATIVE_DATES_HELP
from .decoding import DecodeError
from .inputs import InputOptions, tasks
from .report import build_report
from .work import read_text, reason


def read_inputs(paths: tuple[str, ...]) -> tuple[list[tuple[str, str]], list[str]]:
    """(doc id, text) of every readable input, and one error message per unreadable one.
    Inputs are named as for ``kazextract extract``: files, folders, globs, JSONL/CSV
    records, or - for stdin."""
    documents, errors = [], []
    for task in tasks(paths, InputOptions()):
        if task.error is not None:
            errors.append(f"{task.name}: {task.error}")
            continue
        try:
            text, _, _ = read_text(task)
        except (OSError, DecodeError) as err:
            errors.append(f"{task.name}: {reason(err)}")
            continue
        documents.append((task.doc, text))
    return documents, errors


@click.command("report", epilog="""
\b
Examples:
  kazextract report seeds/ -o report.html
  kazextract report news/2020/ news/2021/ -o report.html --title "Цифрлық Қазақстан"
""")
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              default="report.html", show_default=True, help="The HTML file to write.")
@click.option("--title", default="kazextract report", show_default=True,
              help="The page's title.")
@click.option("--relative-dates", is_flag=True, help=RELATIVE_DATES_HELP)
def report_command(paths: tuple[str, ...], output: Path, title: str,
                   relative_dates: bool) -> None:
    """Write one self-contained HTML page for PATHS (as for extract: files, folders, globs,
    JSONL/CSV records, or -):
    each article with its facts highlighted by type, a sortable table of all facts and
    charts of facts per type and money per document. Unreadable inputs are reported on
    stderr and left out; the exit status is then 1."""
    documents, errors = read_inputs(paths)
    for message in errors:
        click.echo(f"kazextract: {message}", err=True)
    output.write_text(build_report(documents, title, relative_dates), encoding="utf-8")
    click.echo(f"kazextract: wrote {output} ({len(documents)} document(s))", err=True)
    if errors:
        sys.exit(1)
