"""``kazextract report``: the HTML report of one or more articles."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..engines.parallel import Stop, run_local
from ..engines.work import Result, Settings
from ..report.page import Article, article_of, render
from ..sources.decoding import DecodeError
from ..sources.documents import Task, read_text, reason
from ..sources.inputs import InputOptions, tasks
from .main import RELATIVE_DATES_HELP


def read_articles(paths: tuple[str, ...], settings: Settings, workers: int = 1
                  ) -> tuple[list[Article], list[str]]:
    """Every input as an Article, a failed one with its reason (so the page reports it),
    and one error message per failed input. Inputs are named as for ``kazextract extract``:
    files, folders, globs, JSONL/CSV records, or - for stdin. This process reads the texts
    (the page holds them); ``workers`` processes find the facts, by extract's own engine."""
    inputs = [_read(task, settings) for task in tasks(paths, InputOptions())]
    articles, errors = [], []
    for task, result in zip(inputs, run_local(inputs, workers, Stop(), settings), strict=True):
        article = article_of(task.doc, task.text or "", Result(*result))
        articles.append(article)
        if article.error:
            errors.append(f"{task.name}: {article.error}")
    return articles, errors


def _read(task: Task, settings: Settings) -> Task:
    """The task with its text, or with the reason it cannot be read."""
    if task.error is not None or task.path is None:
        return task
    try:
        text, nbytes, encoding = read_text(task, settings.encoding)
    except (OSError, DecodeError) as err:
        return task._replace(error=reason(err))
    return task._replace(path=None, text=text, nbytes=nbytes, encoding=encoding)


def unwritable(output: Path) -> str | None:
    """Why the page could not be written to ``output``, known before any work is done."""
    parent = output.parent
    if not parent.exists():
        return f"cannot write (no folder {parent})"
    if not parent.is_dir():
        return f"cannot write ({parent} is not a folder)"
    if not os.access(parent, os.W_OK) and not os.access(output, os.W_OK):
        return f"cannot write (no permission for folder {parent})"
    return None


def write_page(page: str, output: Path) -> None:
    """Write the page so that a failed write (a full disk) never leaves a truncated page
    in place of an earlier one: a regular file is written beside and renamed over."""
    if output.exists() and not output.is_file():  # a device or a pipe: write it as it is
        output.write_text(page, encoding="utf-8")
        return
    output = output.resolve()  # a symlink keeps pointing at the page it names
    partial = output.with_name(f".{output.name}.partial")
    try:
        partial.write_text(page, encoding="utf-8")
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)


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
@click.option("--workers", type=click.IntRange(min=1), default=os.cpu_count() or 1,
              show_default="the CPU count", help="Worker processes finding the facts.")
def report_command(paths: tuple[str, ...], output: Path, title: str,
                   relative_dates: bool, workers: int) -> None:
    """Write one self-contained HTML page for PATHS (as for extract: files, folders, globs,
    JSONL/CSV records, or -): an index of the documents with their counts per type, each
    article with its facts highlighted by type and a table of its changes (rendered when
    opened, so the page opens in about a second for thousands of documents), a sortable
    table of all facts with their periods, and charts
    of facts per type, documents by number of facts and money per document. An input that
    cannot be read or analysed is reported on stderr and as an entry in the page; the exit
    status is then 1."""
    problem = unwritable(output)
    if problem is not None:
        _fail(f"{output}: {problem}")
    try:
        articles, errors = read_articles(paths, Settings(relative_dates=relative_dates),
                                         workers)
    except KeyboardInterrupt:
        _fail("interrupted; no page written", status=130)
    for message in errors:
        click.echo(f"kazextract: {message}", err=True)
    try:
        write_page(render(articles, title), output)
    except OSError as err:
        _fail(f"{output}: cannot write ({err.strerror or err})")
    click.echo(f"kazextract: wrote {output} ({len(articles)} document(s)"
               + (f", {len(errors)} failed)" if errors else ")"), err=True)
    if errors:
        sys.exit(1)


def _fail(message: str, status: int = 1) -> None:
    click.echo(f"kazextract: {message}", err=True)
    sys.exit(status)
