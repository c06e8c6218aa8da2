"""Scoring facts against hand-built gold: precision, recall and F1 per type, at three
levels of strictness, with every miss and extra listed."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..facts import TYPES

# Each level compares these columns (doc, start and end always).
LEVELS = {
    "span+type": ("span", "type"),
    "value+unit+qualifier": ("span", "type", "value", "value_max", "unit", "qualifier"),
    "all fields": ("span", "type", "value", "value_max", "unit", "qualifier", "subject", "total"),
}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class LevelResult:
    by_type: dict[str, Score] = field(default_factory=dict)
    overall: Score = field(default_factory=Score)
    misses: list[dict] = field(default_factory=list)
    extras: list[dict] = field(default_factory=list)


def _key(row: dict, columns: tuple[str, ...]) -> tuple:
    return (row["doc"], int(row["start"]), int(row["end"]), *(str(row[c]) for c in columns))


def score(gold: Iterable[dict], predicted: Iterable[dict]) -> dict[str, LevelResult]:
    """Compare rows (dicts with the contract's columns) at every level of LEVELS."""
    gold, predicted = list(gold), list(predicted)
    results = {}
    for level, columns in LEVELS.items():
        gold_keys = Counter(_key(r, columns) for r in gold)
        pred_keys = Counter(_key(r, columns) for r in predicted)
        result = LevelResult()
        for kind in sorted({r["type"] for r in gold + predicted}, key=_type_order):
            g = Counter({k: n for k, n in gold_keys.items() if k[4] == kind})
            p = Counter({k: n for k, n in pred_keys.items() if k[4] == kind})
            tp = sum((g & p).values())
            result.by_type[kind] = Score(tp, sum(p.values()) - tp, sum(g.values()) - tp)
        tp = sum((gold_keys & pred_keys).values())
        result.overall = Score(tp, sum(pred_keys.values()) - tp, sum(gold_keys.values()) - tp)
        missing, extra = gold_keys - pred_keys, pred_keys - gold_keys
        result.misses = [r for r in gold if missing[_key(r, columns)] > 0]
        result.extras = [r for r in predicted if extra[_key(r, columns)] > 0]
        results[level] = result
    return results


def _type_order(kind: str) -> int:
    return TYPES.index(kind) if kind in TYPES else len(TYPES)


class GoldError(ValueError):
    """A gold file that cannot be scored against; the message names the file (and line)."""


REQUIRED = ("doc", "start", "end", *LEVELS["all fields"])
WHERE = "_where"  # each gold row's file:line, for messages


def read_gold(gold_dir: Path, required: Iterable[str] = REQUIRED,
              files: str = "gold files have the output's columns") -> list[dict]:
    """The rows of every ``*.csv`` in ``gold_dir``, each with its file:line under WHERE.
    Raises GoldError for a file that is not UTF-8 or lacks a ``required`` column (the
    message says what ``files`` should hold)."""
    rows = []
    for path in sorted(gold_dir.glob("*.csv")):
        try:
            with path.open(encoding="utf-8", newline="") as f:
                reader = csv.DictReader(f)
                missing = [c for c in required if c not in (reader.fieldnames or ())]
                if missing:
                    raise GoldError(f"{path}: no {', '.join(missing)} column ({files})")
                for row in reader:
                    row[WHERE] = f"{path}:{reader.line_num}"
                    rows.append(row)
        except UnicodeDecodeError as err:
            raise GoldError(f"{path}: not UTF-8 (byte 0x{err.object[err.start]:02x} at "
                            f"offset {err.start})") from None
    return rows


def check_gold(rows: Iterable[dict], text: str) -> None:
    """Raise GoldError for the first row of one document whose offsets are not whole
    numbers inside ``text`` or whose span is not ``text[start:end]``."""
    for row in rows:
        where = row[WHERE]
        try:
            start, end = int(row["start"]), int(row["end"])
        except (TypeError, ValueError):
            raise GoldError(f"{where}: start {row['start']!r} and end {row['end']!r} must "
                            "be whole numbers") from None
        if not 0 <= start <= end <= len(text):
            raise GoldError(f"{where}: offsets {start}-{end} are outside the text "
                            f"({len(text)} characters)")
        if text[start:end] != row["span"]:
            raise GoldError(f"{where}: span {row['span']!r} is not the text at {start}-{end} "
                            f"({text[start:end]!r})")


def report(results: dict[str, LevelResult], max_listed: int = 0) -> str:
    """A plain-text table per level, then its misses and extras (the first ``max_listed``
    of each, all when 0), with a line saying how many were left out."""
    lines = []
    for level, result in results.items():
        lines += result_lines(level, "type", result, LEVELS[level][1:], max_listed)
    return "\n".join(lines)


def result_lines(title: str, group: str, result: LevelResult, fields: Iterable[str],
                 max_listed: int = 0) -> list[str]:
    """One table (a row per ``group``: type or direction, then overall), then the misses
    and extras with their ``fields``, and an empty line."""
    lines = [f"== {title}", f"{group:<10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'found':>5}"]
    for kind, s in [*result.by_type.items(), ("overall", result.overall)]:
        lines.append(f"{kind:<10} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                     f"{s.tp + s.fn:5d} {s.tp + s.fp:5d}")
    fields = tuple(fields)
    for label, rows in (("miss", result.misses), ("extra", result.extras)):
        shown = rows[:max_listed] if max_listed else rows
        for row in shown:
            cells = ", ".join(f"{c}={row[c]}" for c in fields if row[c] != "")
            lines.append(f"  {label}: {row['doc']}:{row['start']}-{row['end']} "
                         f"{row['span']!r} {cells}")
        if len(rows) > len(shown):
            lines.append(f"  ... and {len(rows) - len(shown)} more ({label}, --max-listed)")
    lines.append("")
    return lines


@dataclass
class PeriodResult:
    """The ``period`` column scored apart from the fact levels: on the gold facts a predicted
    fact matches (same doc, offsets, span and type)."""

    right: int = 0
    scored: int = 0  # matched gold facts with a period
    unmatched: int = 0  # gold facts with a period that no predicted fact matches
    misses: list[tuple[dict, str]] = field(default_factory=list)  # (gold row, found period)
    false: list[tuple[dict, str]] = field(default_factory=list)  # gold has none

    @property
    def accuracy(self) -> float:
        return self.right / self.scored if self.scored else 1.0


def score_periods(gold: Iterable[dict], predicted: Iterable[dict]) -> PeriodResult | None:
    """Periods of the matched facts; None when no gold row has a ``period`` column."""
    gold = [row for row in gold if row.get("period") is not None]
    if not gold:
        return None
    found: dict[tuple, str] = {}
    for row in predicted:
        found.setdefault(_key(row, ("span", "type")), str(row.get("period") or ""))
    result = PeriodResult()
    for row in gold:
        period = found.get(_key(row, ("span", "type")))
        if period is None:
            result.unmatched += bool(row["period"])
        elif row["period"]:
            result.scored += 1
            if period == row["period"]:
                result.right += 1
            else:
                result.misses.append((row, period))
        elif period:
            result.false.append((row, period))
    return result


def period_report(gold: Iterable[dict], predicted: Iterable[dict], max_listed: int = 0) -> str:
    """The periods scored: one line of figures, then the misses and the false periods
    (``max_listed`` as in report); empty when the gold has no ``period`` column."""
    result = score_periods(gold, predicted)
    if result is None:
        return ""
    unmatched = f" ({result.unmatched} more not found as facts)" if result.unmatched else ""
    lines = [f"period: {result.right}/{result.scored} right ({result.accuracy:.3f}) of the gold "
             f"facts with a period{unmatched}; {len(result.false)} facts given a period the "
             "gold has not"]
    for label, pairs in (("period miss", result.misses), ("false period", result.false)):
        shown = pairs[:max_listed] if max_listed else pairs
        for row, period in shown:
            lines.append(f"  {label}: {row['doc']}:{row['start']}-{row['end']} {row['span']!r} "
                         f"period={row['period']}, found={period}")
        if len(pairs) > len(shown):
            lines.append(f"  ... and {len(pairs) - len(shown)} more ({label}, --max-listed)")
    return "\n".join(lines) + "\n"
