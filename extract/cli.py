"""The ``kazextract`` command line."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path

import click

from .cli_conll import eval_conll
from .cli_report import report_command
from .evaluation import read_gold, report, score
from .pipeline import find_facts
from .reading import InputError, expand_path, read_document
from .writing import WRITERS

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


@main.command(epilog="""
\b
Examples:
  kazextract extract seeds/ -o facts.csv
  kazextract extract article.txt --format jsonl
  cat article.txt | kazextract extract -
""")
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write rows here instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(sorted(WRITERS)), default="csv",
              show_default=True, help="Output format.")
def extract(paths: tuple[str, ...], output: str | None, fmt: str) -> None:
    """Extract the numeric facts of PATHS (files, folders of .txt files, or - for stdin).

    One row per fact with the columns doc, start, end, span, type, value, value_max, unit,
    qualifier, subject, total, sentence. A file that cannot be read is reported on stderr
    and skipped; the exit status is 1 when any input failed.
    """
    failed = 0
    with (open(output, "w", encoding="utf-8", newline="") if output
          else nullcontext(sys.stdout)) as out:
        writer = WRITERS[fmt](out)
        for path in paths or ("-",):
            try:
                for doc, file in expand_path(path):
                    try:
                        document = read_document(doc, file)
                        writer.write(f.row(document.doc) for f in find_facts(document.text))
                    except InputError as err:
                        _error(str(err))
                        failed += 1
            except InputError as err:
                _error(str(err))
                failed += 1
    if failed:
        sys.exit(1)


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
        try:
            document = read_document(doc, texts / doc)
        except InputError as err:
            _error(str(err))
            sys.exit(2)
        predicted.extend(f.row(doc) for f in find_facts(document.text))
    results = score(gold, predicted)
    click.echo(report(results))
    worst = min(r.overall.f1 for r in results.values())
    if worst < min_f1:
        _error(f"overall F1 {worst:.3f} is below --min-f1 {min_f1}")
        sys.exit(1)


main.add_command(eval_conll)
main.add_command(report_command)
