"""Scoring change records against hand-built gold (``changes/*.csv`` beside the fact gold):
a predicted change is right when its span overlaps a gold change of the same document and
from_value, to_value, by_value, factor and direction are equal (numbers as Decimals)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..facts import CHANGE_COLUMNS, DIRECTIONS
from .gold import LevelResult, Score, check_gold, read_gold, result_lines

COMPARED = ("from_value", "to_value", "by_value", "factor", "direction")
NUMBERS = frozenset(("from_value", "to_value", "by_value", "factor"))


def read_change_gold(folder: Path) -> list[dict]:
    """The rows of every ``*.csv`` in ``folder`` (the change columns), each with its
    file:line under WHERE."""
    return read_gold(folder, CHANGE_COLUMNS, "change gold files have the changes output's "
                     "columns")


def _value(row: dict, column: str) -> object:
    text = str(row[column])
    if column not in NUMBERS or not text:
        return text
    try:
        return Decimal(text)
    except InvalidOperation:
        return text


def same_change(gold: dict, predicted: dict) -> bool:
    """Same document, overlapping spans, equal compared fields."""
    return (gold["doc"] == predicted["doc"]
            and int(gold["start"]) < int(predicted["end"])
            and int(predicted["start"]) < int(gold["end"])
            and all(_value(gold, c) == _value(predicted, c) for c in COMPARED))


def score_changes(gold: Iterable[dict], predicted: Iterable[dict]) -> LevelResult:
    """Match each predicted change to at most one gold change (in text order)."""
    gold, predicted = list(gold), list(predicted)
    unmatched = list(range(len(gold)))
    matched_pred: list[dict] = []
    extras = []
    for row in predicted:
        hit = next((g for g in unmatched if same_change(gold[g], row)), None)
        if hit is None:
            extras.append(row)
        else:
            unmatched.remove(hit)
            matched_pred.append(row)
    misses = [gold[g] for g in unmatched]
    result = LevelResult(misses=misses, extras=extras)
    for direction in DIRECTIONS:
        tp = sum(r["direction"] == direction for r in matched_pred)
        result.by_type[direction] = Score(
            tp, sum(r["direction"] == direction for r in extras),
            sum(r["direction"] == direction for r in misses))
    result.overall = Score(len(matched_pred), len(extras), len(misses))
    return result


def change_report(result: LevelResult, max_listed: int = 0) -> str:
    """The "changes" table (per direction and overall), then the misses and extras."""
    fields = ("type", "unit", *COMPARED, "verb")
    return "\n".join(result_lines("changes", "direction", result, fields, max_listed))


def evaluate_changes(folder: Path, docs: Iterable[str], read: Callable[[str], str]
                     ) -> LevelResult:
    """Score the program's changes on ``docs`` (every document of the fact gold: one with
    no change file has no change) against the gold in ``folder``; ``read(doc)`` is the
    document's text."""
    from ..relations.document import find_changes

    gold = read_change_gold(folder)
    docs = sorted(set(docs) | {row["doc"] for row in gold})
    predicted = []
    for doc in docs:
        text = read(doc)
        check_gold([row for row in gold if row["doc"] == doc], text)
        predicted.extend(c.row(doc) for c in find_changes(text))
    return score_changes(gold, predicted)
