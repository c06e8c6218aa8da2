"""The ``kazextract`` command line."""

from __future__ import annotations

import codecs
import importlib
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..engines.limits import DEFAULT_TIMEOUT
from ..outputs.formats import EXTENSIONS, FORMATS, choose_format
from .conll import eval_conll

if TYPE_CHECKING:
    from ..engines.batch import BatchOptions

# Imported by the commands that run, not here: `kazextract --help` must not load spaCy.
LAZY_COMMANDS = {"report": ("extract.cli.report", "report_command",
                            "Write one self-contained HTML page for PATHS."),
                 "explain": ("extract.cli.explain", "explain_command",
                             "Show how the rules read TEXT: words, numbers, each fact's rule.")}
RELATIVE_DATES_HELP = ("Also dates and times written without a number (биыл, өткен жылы, "
                       "таңертең), as KazNERD annotates them; their value is empty, or the "
                       "month (--03) for a month name.")

EXAMPLES = """
\b
Examples:
  kazextract extract seeds/ -o facts.csv
  echo "Биыл 35 млрд теңге жұмсалды." | kazextract extract --format jsonl
  kazextract eval gold/ --min-f1 1.0
  kazextract explain "193 мемлекеттің ішінде 29-орынға көтерілді."
"""


class LazyGroup(click.Group):
    """Commands of LAZY_COMMANDS are imported when they are called; their short help is
    written here, so that the list of commands needs no import."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in LAZY_COMMANDS:
            return super().get_command(ctx, cmd_name)
        module, name, _ = LAZY_COMMANDS[cmd_name]
        command = getattr(importlib.import_module(module), name)
        if not any(p.name == "patterns" for p in command.params):
            patterns_option(command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, LAZY_COMMANDS[name][2] if name in LAZY_COMMANDS
                 else self.commands[name].get_short_help_str(formatter.width))
                for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, epilog=EXAMPLES)
@click.version_option(package_name="kazextract")
def main() -> None:
    """Numeric facts from Kazakh news: money, percentages, ranks, counts, quantities,
    durations and dates, each with its span, type and normalised value."""


def _error(message: str) -> None:
    click.echo(f"kazextract: {message}", err=True)


def _use_patterns(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is None:
        return
    from ..kazakh.lexicon import PatternError, use_patterns

    try:
        use_patterns(value)
    except PatternError as err:
        _error(str(err))
        ctx.exit(2)


patterns_option = click.option(
    "--patterns", metavar="DIR", envvar="KAZEXTRACT_PATTERNS", expose_value=False,
    type=click.Path(exists=True, file_okay=False), callback=_use_patterns,
    help="A folder of pattern files (currencies.toml, units.toml …) read over the shipped "
         "ones: its tables extend theirs, its other values replace theirs "
         "[env: KAZEXTRACT_PATTERNS].")


def _codec(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise click.BadParameter(f"unknown encoding {value!r}") from None


@main.command(epilog="""
\b
Examples:
  kazextract extract seeds/ -o facts.csv
  kazextract extract article.txt --format jsonl
  cat article.txt | kazextract extract -
  kazextract extract 'archive/**/*.txt' dump.jsonl.gz -o facts.parquet --manifest run.csv
  kazextract extract export.csv --text-field body --id-field url -o facts.csv --excel
  kazextract extract export.csv:body:url dump.jsonl -o facts.csv
  kazextract extract archive/ --patterns my_patterns/ -o facts.csv
  kazextract extract archive/ -o facts.csv --manifest run.csv --resume
  kazextract extract archive/ -o facts.csv --changes changes.csv
  kazextract extract archive/ --engine dask --scheduler tcp://head:8786 -o facts_parquet/
""")
@click.argument("paths", nargs=-1)
@patterns_option
@click.option("-o", "--output", type=click.Path(writable=True),
              help="Write rows here (atomically) instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format [default: from the -o extension, else csv].")
@click.option("--excel", is_flag=True, help="CSV with a UTF-8 BOM, for Excel.")
@click.option("--changes", metavar="FILE",
              help="Also write the changes (what went up or down, from what to what, by how "
                   "much) here, atomically: CSV, JSONL or Parquet by the extension, else "
                   "the facts' format; - for standard output (with -o for the facts).")
@click.option("--text-field", default="text", show_default=True,
              help="JSONL/CSV inputs: the field holding the document's text (for one "
                   "input: FILE:TEXT_FIELD[:ID_FIELD]).")
@click.option("--id-field", default="id", show_default=True,
              help="JSONL/CSV inputs: the field naming the document (doc = file#id, "
                   "else file#line; a repeated id gets file#id@line).")
@click.option("--encoding", callback=_codec, default=None,
              help="Force the input encoding [default: detected: UTF-8, UTF-16 with a "
                   "BOM, KZ-1048, PT154, Windows-1251].")
@click.option("--workers", type=click.IntRange(min=1), default=os.cpu_count() or 1,
              show_default="the CPU count", help="Worker processes.")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary on stderr.")
@click.option("--manifest", type=click.Path(dir_okay=False, path_type=Path),
              help="Write one CSV row per input document: doc, status, reason, bytes, "
                   "facts, seconds, encoding.")
@click.option("--resume", is_flag=True,
              help="Continue an interrupted run from its --manifest and -o output.")
@click.option("--relative-dates", is_flag=True, help=RELATIVE_DATES_HELP)
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT,
              show_default=True, metavar="SECONDS",
              help="A document that takes longer is an error row in the manifest and the "
                   "batch goes on (its worker is stopped); 0: no limit. Local engine.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="dask: run on a Dask cluster (pip install "
                                      "'kazextract[dask]'), writing partitioned Parquet.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler address [default: a local cluster].")
def extract(paths: tuple[str, ...], output: str | None, fmt: str | None, excel: bool,
            changes: str | None, text_field: str, id_field: str, encoding: str | None,
            workers: int, quiet: bool, manifest: Path | None, resume: bool,
            relative_dates: bool, timeout: float, engine: str, scheduler: str | None) -> None:
    """Extract the numeric facts of PATHS: .txt files, folders of .txt files (recursive),
    glob patterns, JSONL or CSV files of records (also .gz), or - for stdin.

    A folder's and a glob's documents are named relative to it (links to folders are
    followed, each file read once); a file named by itself keeps the path as given.

    One row per fact with the columns doc, start, end, span, type, value, value_max, unit,
    qualifier, subject, total, period, sentence, in input order whatever --workers is;
    with --changes, one row per change in that file (docs/contract.md). An input
    that cannot be read, or takes longer than --timeout, is reported on stderr (and in the
    manifest) and the batch goes on. The exit status is 1 when any input failed, 2 when
    the run cannot start or cannot write (a full disk), 130 when interrupted (Ctrl-C, or a
    kill, keeps the finished documents in OUT.partial and the manifest for --resume).
    """
    from ..engines.batch import BatchOptions
    from ..engines.batch import run as run_batch
    from ..sources.inputs import InputOptions

    if engine == "dask" and fmt is None and Path(output or "").suffix.lower() not in EXTENSIONS:
        fmt = "parquet"  # a folder of parts
    fmt = choose_format(fmt, output)
    options = BatchOptions(paths, output, fmt, excel,
                           InputOptions(text_field, id_field, encoding), workers, manifest,
                           resume, quiet, relative_dates, timeout, changes=changes)
    _check_batch(options, engine, scheduler)
    _say_stdin(paths)
    if engine == "dask":
        try:
            from ..engines.dask import run_dask
        except ImportError as err:
            raise click.UsageError(f"--engine dask needs pip install 'kazextract[dask]' "
                                   f"({err})") from None
        sys.exit(run_dask(options, scheduler))
    sys.exit(run_batch(options))


def _say_stdin(paths: tuple[str, ...]) -> None:
    """Without a path the command reads standard input: say so when that is a terminal,
    where it would otherwise seem to hang."""
    if not paths and sys.stdin.isatty():
        _error("reading standard input (end with Ctrl-D; name files or folders to read "
               "them instead)")


def _check_batch(options: BatchOptions, engine: str, scheduler: str | None) -> None:
    if options.fmt == "parquet" and not options.output:
        raise click.UsageError("Parquet output needs -o FILE")
    if options.excel and options.fmt != "csv":
        raise click.UsageError("--excel applies to CSV output")
    if options.resume and not (options.manifest and options.output):
        raise click.UsageError("--resume needs --manifest and -o of the interrupted run")
    if engine == "dask" and (options.fmt != "parquet" or not options.output):
        raise click.UsageError("--engine dask writes partitioned Parquet into -o FOLDER")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if options.changes == "-" and not options.output:
        raise click.UsageError("--changes - needs -o: the facts and the changes cannot both "
                               "go to standard output")
    if options.changes == "-" and (options.resume or engine == "dask"):
        raise click.UsageError(f"{'--resume' if options.resume else '--engine dask'} needs "
                               "--changes FILE")
    if engine == "dask" and options.changes and options.changes_fmt != "parquet":
        raise click.UsageError("--engine dask writes partitioned Parquet into --changes "
                               "FOLDER")


@main.command("eval", epilog="""
\b
Example:
  kazextract eval gold/ --texts seeds/ --min-f1 1.0
""")
@patterns_option
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--texts", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of the documents the gold describes [default: GOLD_DIR/../seeds].")
@click.option("--min-f1", type=float, default=0.0, show_default=True,
              help="Exit with status 1 when an overall F1 is below this.")
@click.option("--level", "levels", multiple=True,
              type=click.Choice(["span+type", "value+unit+qualifier", "all fields", "changes"]),
              help="The level --min-f1 checks (repeat for several) [default: every level].")
@click.option("--max-listed", type=click.IntRange(min=0), default=0, show_default=True,
              help="List at most this many misses and extras per level (0: all).")
def evaluate(gold_dir: Path, texts: Path | None, min_f1: float, levels: tuple[str, ...],
             max_listed: int) -> None:
    """Score the pipeline against hand-built gold CSVs (one per document, output schema).

    Prints precision, recall and F1 per type and overall for exact span+type, for
    value+unit+qualifier, and for all fields, then every miss and extra (or the first
    --max-listed of each). --min-f1 checks every level, or those named by --level.
    """
    from ..evaluation.gold import GoldError, check_gold, period_report, read_gold, report, score

    texts = texts or gold_dir.parent / "seeds"
    try:
        gold = read_gold(gold_dir)
        if not gold:
            raise GoldError(f"{gold_dir}: no gold rows (expected *.csv files in the output "
                            "schema)")
        predicted = _predict_gold_docs(gold, texts, check_gold)
    except GoldError as err:
        _error(str(err))
        sys.exit(2)
    results = score(gold, predicted)
    click.echo(report(results, max_listed))
    click.echo(period_report(gold, predicted, max_listed), nl=False)
    checked = {level: r.overall.f1 for level, r in results.items()
               if not levels or level in levels}
    if (gold_dir / "changes").is_dir() and (not levels or "changes" in levels):
        checked["changes"] = _evaluate_changes(gold_dir / "changes", gold, texts, max_listed)
    level, worst = min(checked.items(), key=lambda x: x[1])
    if worst < min_f1:
        _error(f"overall F1 {worst:.3f} ({level}) is below --min-f1 {min_f1}")
        sys.exit(1)


def _predict_gold_docs(gold: list[dict], texts: Path,
                       check: Callable[[list[dict], str], None]) -> list[dict]:
    """The pipeline's rows for every document the gold names, each gold row checked
    against its text first."""
    from ..relations.document import find_facts

    predicted = []
    for doc in sorted({row["doc"] for row in gold}):
        text = _doc_text(texts, doc)
        check([row for row in gold if row["doc"] == doc], text)
        predicted.extend(f.row(doc) for f in find_facts(text))
    return predicted


def _doc_text(texts: Path, doc: str) -> str:
    from ..evaluation.gold import GoldError
    from ..sources.decoding import DecodeError
    from ..sources.documents import Task, read_text, reason

    file = texts / doc
    try:
        return read_text(Task(doc, str(file), path=str(file)))[0]
    except (OSError, DecodeError) as err:
        raise GoldError(f"{file}: {reason(err)}") from None


def _evaluate_changes(folder: Path, gold: list[dict], texts: Path, max_listed: int) -> float:
    """Print the "changes" table of the change gold in ``folder`` (on every document of
    the fact gold) and return its overall F1."""
    from ..evaluation.changes import change_report, evaluate_changes
    from ..evaluation.gold import GoldError

    try:
        result = evaluate_changes(folder, {row["doc"] for row in gold},
                                  lambda doc: _doc_text(texts, doc))
    except GoldError as err:
        _error(str(err))
        sys.exit(2)
    click.echo(change_report(result, max_listed))
    return result.overall.f1


main.add_command(patterns_option(eval_conll))


def entry() -> None:
    """The console script. Once the command has chosen its exit status, a late Ctrl-C or
    SIGTERM (a second one while the interpreter shuts down) must not turn it into a death by
    signal: from there on they are ignored."""
    try:
        main(prog_name="kazextract")
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, signal.SIG_IGN)
