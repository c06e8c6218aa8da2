"""The ``kazextract`` command line."""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path

import click

from .batch import DEFAULT_TIMEOUT, BatchOptions
from .batch import run as run_batch
from .cli_conll import eval_conll
from .cli_report import RELATIVE_DATES_HELP, report_command
from .decoding import DecodeError
from .evaluation import read_gold, report, score
from .inputs import InputOptions
from .outputs import EXTENSIONS, FORMATS, choose_format
from .pipeline import find_facts
from .work import Task, read_text, reason

EXAMPLES = """
\b
Examples:
  kazextract extract seeds/ -o facts.csv
  echo "Биыл 35 млрд теңге жұмсалды." | kazextract extract --format jsonl
  kazextract eval gold/ --min-f1 1.0
"""


@click.group(epilog=EXAMPLES)
@click.version_option(package_name="kazextract")
def main() -> None:
    """Numeric facts from Kazakh news: money, percentages, ranks, counts, quantities,
    durations and dates, each with its span, type and normalised value."""


def _error(message: str) -> None:
    click.echo(f"kazextract: {message}", err=True)


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
  kazextract extract archive/ -o facts.csv --manifest run.csv --resume
  kazextract extract archive/ --engine dask --scheduler tcp://head:8786 -o facts_parquet/
""")
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", type=click.Path(writable=True),
              help="Write rows here (atomically) instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format [default: from the -o extension, else csv].")
@click.option("--excel", is_flag=True, help="CSV with a UTF-8 BOM, for Excel.")
@click.option("--text-field", default="text", show_default=True,
              help="JSONL/CSV inputs: the field holding the document's text.")
@click.option("--id-field", default="id", show_default=True,
              help="JSONL/CSV inputs: the field naming the document (doc = file#id, "
                   "else file#line).")
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
            text_field: str, id_field: str, encoding: str | None, workers: int, quiet: bool,
            manifest: Path | None, resume: bool, relative_dates: bool, timeout: float,
            engine: str, scheduler: str | None) -> None:
    """Extract the numeric facts of PATHS: .txt files, folders of .txt files (recursive),
    glob patterns, JSONL or CSV files of records (also .gz), or - for stdin.

    One row per fact with the columns doc, start, end, span, type, value, value_max, unit,
    qualifier, subject, total, sentence, in input order whatever --workers is. An input
    that cannot be read, or takes longer than --timeout, is reported on stderr (and in the
    manifest) and the batch goes on. The exit status is 1 when any input failed, 2 when
    the run cannot start or cannot write (a full disk), 130 when interrupted (Ctrl-C, or a
    kill, keeps the finished documents in OUT.partial and the manifest for --resume).
    """
    if engine == "dask" and fmt is None and Path(output or "").suffix.lower() not in EXTENSIONS:
        fmt = "parquet"  # a folder of parts
    fmt = choose_format(fmt, output)
    options = BatchOptions(paths, output, fmt, excel,
                           InputOptions(text_field, id_field, encoding), workers, manifest,
                           resume, quiet, relative_dates, timeout)
    _check_batch(options, engine, scheduler)
    if engine == "dask":
        try:
            from .dask_engine import run_dask
        except ImportError as err:
            raise click.UsageError(f"--engine dask needs pip install 'kazextract[dask]' "
                                   f"({err})") from None
        sys.exit(run_dask(options, scheduler))
    sys.exit(run_batch(options))


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


@main.command("eval", epilog="""
\b
Example:
  kazextract eval gold/ --texts seeds/ --min-f1 1.0
""")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--texts", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of the documents the gold describes [default: GOLD_DIR/../seeds].")
@click.option("--min-f1", type=float, default=0.0, show_default=True,
              help="Exit with status 1 when an overall F1 is below this.")
def evaluate(gold_dir: Path, texts: Path | None, min_f1: float) -> None:
    """Score the pipeline against hand-built gold CSVs (one per document, output schema).

    Prints precision, recall and F1 per type and overall for exact span+type, for
    value+unit+qualifier, and for all fields, then every miss and extra.
    """
    texts = texts or gold_dir.parent / "seeds"
    gold = read_gold(gold_dir)
    if not gold:
        _error(f"{gold_dir}: no gold rows (expected *.csv files in the output schema)")
        sys.exit(2)
    predicted = []
    for doc in sorted({row["doc"] for row in gold}):
        file = texts / doc
        try:
            text, _, _ = read_text(Task(doc, str(file), path=str(file)))
        except (OSError, DecodeError) as err:
            _error(f"{file}: {reason(err)}")
            sys.exit(2)
        predicted.extend(f.row(doc) for f in find_facts(text))
    results = score(gold, predicted)
    click.echo(report(results))
    worst = min(r.overall.f1 for r in results.values())
    if worst < min_f1:
        _error(f"overall F1 {worst:.3f} is below --min-f1 {min_f1}")
        sys.exit(1)


main.add_command(eval_conll)
main.add_command(report_command)
