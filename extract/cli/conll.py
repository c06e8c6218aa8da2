"""``kazextract eval-conll``: strict entity-level scores on a CoNLL IOB2 file (KazNERD)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # imported when the command runs: `kazextract --help` stays light
    from ..evaluation.conll import Entity, Result, Scores, Twins


def format_scores(scores: Scores) -> str:
    """Per-class P, R, F1, gold support and predicted count, then the micro average."""
    from ..evaluation.conll import CLASSES

    lines = [f"{'class':<11} {'P':>6} {'R':>6} {'F1':>6} {'support':>7} {'predicted':>9}"]
    rows = [(cls, scores.by_class[cls]) for cls in CLASSES]
    rows += [(cls, c) for cls, c in scores.by_class.items() if cls not in CLASSES]
    for name, c in [*rows, ("micro", scores.micro)]:
        lines.append(f"{name:<11} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} "
                     f"{c.support:7d} {c.predicted:9d}")
    return "\n".join(lines)


def format_twins(twins: Twins) -> str:
    return (f"twin agreement (word form AID vs digit forms BID/CID/EID/FID): "
            f"{twins.equal}/{twins.pairs} entity pairs with equal values = {twins.share:.3f}")


def _describe(result: Result, entities: list[Entity]) -> str:
    return "; ".join(f"{result.span_text(e)!r} {e.cls}" for e in entities) or "-"


def format_misses(results: list[Result], limit: int) -> str:
    """The first ``limit`` misses and extras, each with what the other side has there."""
    from ..evaluation.conll import misses_and_extras, overlapping

    misses, extras = misses_and_extras(results)
    lines = [f"misses: {len(misses)} (first {min(limit, len(misses))})"]
    for r, e in misses[:limit]:
        lines.append(f"  {r.sentence.id or '-'}  gold {r.span_text(e)!r} {e.cls}  "
                     f"predicted: {_describe(r, overlapping(e, r.predicted))}")
        lines.append(f"      {r.text}")
    lines.append(f"extras: {len(extras)} (first {min(limit, len(extras))})")
    for r, e in extras[:limit]:
        lines.append(f"  {r.sentence.id or '-'}  predicted {r.span_text(e)!r} {e.cls}  "
                     f"gold: {_describe(r, overlapping(e, r.gold))}")
        lines.append(f"      {r.text}")
    return "\n".join(lines)


@click.command("eval-conll", epilog="""
\b
Examples:
  kazextract eval-conll ../shared/kaznerd/IOB2_valid2.txt
  kazextract eval-conll ../shared/kaznerd/IOB2_valid2.txt --misses 20 --min-f1 0.9
""")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--misses", "n_misses", type=click.IntRange(min=0), default=0, show_default=True,
              help="List this many misses and this many extras, with their sentences.")
@click.option("--numbers-only", is_flag=True,
              help="Leave out dates and times written without a number (биыл, таңертең), "
                   "which KazNERD annotates and the default run finds.")
@click.option("--min-f1", type=float, default=0.0, show_default=True,
              help="Exit with status 1 when the F1 of a class with gold or predicted "
                   "entities, or the micro F1, is below this.")
def eval_conll(file: Path, n_misses: int, numbers_only: bool, min_f1: float) -> None:
    """Score the pipeline on a CoNLL IOB2 FILE (e.g. KazNERD), with or without sentence-ID
    lines: strict entity-level P/R/F1 per numeric class (seqeval, mode=strict, IOB2) and
    micro-averaged, then twin agreement between word-form and digit-form sentences.

    Each sentence is rebuilt with natural spacing and run through the pipeline; a fact
    tags every token it overlaps. Types map to KazNERD classes: PERCENT→PERCENTAGE,
    RANK→ORDINAL, DURATION→TIME under a day else DATE, the rest by name. Gold entities of
    non-numeric classes are ignored.
    """
    from ..evaluation.conll import ConllError, read_conll, run, score, twin_agreement

    try:
        sentences = list(read_conll(file))  # all read first: a bad file fails before the work
    except (ConllError, OSError) as err:
        reason = err if isinstance(err, ConllError) else f"cannot read ({err.strerror or err})"
        click.echo(f"kazextract: {file}: {reason}", err=True)
        sys.exit(2)
    results = run(sentences, relative_dates=not numbers_only)
    if not results:
        click.echo(f"kazextract: {file}: no sentences", err=True)
        sys.exit(2)
    scores = score(results)
    what = "numbers only" if numbers_only else "with dates and times without a number"
    click.echo(f"{file}: {len(results)} sentences, strict entity-level scores ({what})")
    click.echo(format_scores(scores))
    click.echo(format_twins(twin_agreement(results)))
    if n_misses:
        click.echo(format_misses(results, n_misses))
    counted = [c for c in scores.by_class.values() if c.support or c.predicted]
    worst = min(c.f1 for c in [*counted, scores.micro])
    if worst < min_f1:
        click.echo(f"kazextract: lowest F1 {worst:.3f} is below --min-f1 {min_f1}", err=True)
        sys.exit(1)
