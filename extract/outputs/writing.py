"""Writing facts as CSV or JSONL rows with the contract's columns, in order."""

from __future__ import annotations

import csv
import json
import operator
from collections.abc import Iterable
from typing import TextIO

from ..facts import COLUMNS

INTEGER_COLUMNS = ("start", "end")
NUMBER_COLUMNS = ("value", "value_max", "total")


class CsvWriter:
    """csv.DictWriter's output, without its set difference per row (the batch writes a row
    per fact)."""

    def __init__(self, out: TextIO) -> None:
        self._writer = csv.writer(out, lineterminator="\n")
        self._writer.writerow(COLUMNS)

    def write(self, rows: Iterable[dict]) -> None:
        self._writer.writerows(map(_csv_values, rows))


_COLUMN_SET = frozenset(COLUMNS)
_VALUES = operator.itemgetter(*COLUMNS)


def _csv_values(row: dict) -> tuple | list:
    """The row's values in column order: "" for a missing column, ValueError for a key
    that is not a column (as DictWriter does)."""
    if len(row) == len(COLUMNS) and _COLUMN_SET.issuperset(row):
        return _VALUES(row)
    if wrong := row.keys() - _COLUMN_SET:
        raise ValueError("dict contains fields not in fieldnames: "
                         + ", ".join(map(repr, wrong)))
    return [row.get(column, "") for column in COLUMNS]


class JsonlWriter:
    """One JSON object per fact, same keys as the CSV: offsets and numeric values as JSON
    numbers (null when empty), DATE and TIME values as ISO strings."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, rows: Iterable[dict]) -> None:
        for row in rows:
            self._out.write(json.dumps(_typed(row), ensure_ascii=False) + "\n")


def _typed(row: dict) -> dict:
    typed = dict(row)
    for name in NUMBER_COLUMNS:
        value = typed[name]
        if value == "":
            typed[name] = None
        elif row["type"] not in ("DATE", "TIME") or name == "total":
            typed[name] = _json_number(value)
    return typed


def _json_number(text: str) -> int | float:
    return int(text) if text.lstrip("-").isdigit() else float(text)


WRITERS = {"csv": CsvWriter, "jsonl": JsonlWriter}
