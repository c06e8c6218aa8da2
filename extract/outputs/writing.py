"""Writing facts (or changes) as CSV or JSONL rows with their table's columns, in order."""

from __future__ import annotations

import csv
import json
import operator
from collections.abc import Iterable
from typing import TextIO

from .tables import FACTS, Table


class CsvWriter:
    """csv.DictWriter's output, without its set difference per row (the batch writes a row
    per fact)."""

    def __init__(self, out: TextIO, table: Table = FACTS) -> None:
        self._writer = csv.writer(out, lineterminator="\n")
        self._writer.writerow(table.columns)
        self._columns = table.columns
        self._column_set = frozenset(table.columns)
        self._values = operator.itemgetter(*table.columns)

    def write(self, rows: Iterable[dict]) -> None:
        self._writer.writerows(map(self._csv_values, rows))

    def _csv_values(self, row: dict) -> tuple | list:
        """The row's values in column order: "" for a missing column, ValueError for a key
        that is not a column (as DictWriter does)."""
        if len(row) == len(self._columns) and self._column_set.issuperset(row):
            return self._values(row)
        if wrong := row.keys() - self._column_set:
            raise ValueError("dict contains fields not in fieldnames: "
                             + ", ".join(map(repr, wrong)))
        return [row.get(column, "") for column in self._columns]


class JsonlWriter:
    """One JSON object per row, same keys as the CSV: offsets and numeric values as JSON
    numbers (null when empty), DATE and TIME values as ISO strings."""

    def __init__(self, out: TextIO, table: Table = FACTS) -> None:
        self._out = out
        self._table = table

    def write(self, rows: Iterable[dict]) -> None:
        for row in rows:
            self._out.write(json.dumps(_typed(row, self._table), ensure_ascii=False) + "\n")


def _typed(row: dict, table: Table) -> dict:
    typed = dict(row)
    for name in table.numbers:
        value = typed[name]
        if value == "":
            typed[name] = None
        elif row["type"] not in table.text_valued or name not in table.exact:
            typed[name] = _json_number(value)
    return typed


def _json_number(text: str) -> int | float:
    return int(text) if text.lstrip("-").isdigit() else float(text)


WRITERS = {"csv": CsvWriter, "jsonl": JsonlWriter}
