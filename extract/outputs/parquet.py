"""Facts (and changes) as typed Parquet: offsets as int64, ``value``/``value_max``/``total``
as float64, and the contract's exact value strings kept in ``value_text``/``value_max_text``
(the ISO date of a DATE or TIME, which has no float; the exact decimal of every other
value); a change's ``from_value`` … ``factor`` likewise, with ``from_value_text`` ….
``read_rows`` turns a file, or a folder of parts, back into contract rows, so the CSV made
from Parquet is byte-for-byte the CSV written directly.

pyarrow is imported on first use: it costs startup time that CSV runs do not need.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .tables import FACTS, Table

ROWS_PER_GROUP = 50_000


def schema(table: Table = FACTS):  # -> pyarrow.Schema
    import pyarrow as pa

    types = {name: pa.int64() for name in table.integers}
    types.update((name, pa.float64()) for name in table.numbers)
    return pa.schema([(name, types.get(name, pa.string()))
                      for name in (*table.columns, *table.text_columns)])


def _number(text: str, row_type: str, exact: bool, table: Table) -> float | None:
    return None if text == "" or (exact and row_type in table.text_valued) else float(text)


def rows_table(rows: list[dict], table: Table = FACTS):  # -> pyarrow.Table
    """Rows (dicts with the table's columns) as a typed table."""
    import pyarrow as pa

    columns = {name: [row[name] for row in rows] for name in table.columns}
    for name, text_name in zip(table.exact, table.text_columns, strict=True):
        blank = "" if name in table.blank_text else None
        columns[text_name] = [v if v != "" else blank for v in columns[name]]
    types = columns["type"]
    for name in table.numbers:
        exact = name in table.exact
        columns[name] = [_number(v, t, exact, table)
                         for v, t in zip(columns[name], types, strict=True)]
    return pa.table(columns, schema=schema(table))


def _plain(number: float | None) -> str:
    """A float read back as the contract writes it: no exponent, no trailing ``.0``."""
    if number is None:
        return ""
    return str(int(number)) if number.is_integer() else repr(number)


def table_rows(arrow_table, table: Table = FACTS) -> Iterator[dict]:
    """Rows (strings, start/end ints) of a table written by ``rows_table``."""
    texts = dict(zip(table.exact, table.text_columns, strict=True))
    for record in arrow_table.to_pylist():
        row = {name: record[name] if record[name] is not None else ""
               for name in table.columns}
        for name in table.numbers:
            row[name] = (record[texts[name]] or "") if name in texts else _plain(record[name])
        yield row


class ParquetWriter:
    """Rows in, row groups of ROWS_PER_GROUP out: memory stays bounded."""

    def __init__(self, path: str | Path, table: Table = FACTS) -> None:
        import pyarrow.parquet as pq

        self._table = table
        self._writer = pq.ParquetWriter(str(path), schema(table))
        self._rows: list[dict] = []

    def write(self, rows: Iterable[dict]) -> None:
        self._rows.extend(rows)
        if len(self._rows) >= ROWS_PER_GROUP:
            self.flush()

    def flush(self) -> None:
        if self._rows:
            self._writer.write_table(rows_table(self._rows, self._table))
            self._rows = []

    def close(self) -> None:
        self.flush()
        self._writer.close()


def part_files(path: str | Path) -> list[Path]:
    """A Parquet file, or the ``*.parquet`` parts of a folder in name order."""
    path = Path(path)
    return sorted(path.glob("*.parquet")) if path.is_dir() else [path]


def read_rows(path: str | Path, table: Table = FACTS) -> Iterator[dict]:
    """Rows of a Parquet file or of a folder of parts, in order."""
    import pyarrow.parquet as pq

    for part in part_files(path):
        parquet = pq.ParquetFile(str(part))
        for group in range(parquet.num_row_groups):
            yield from table_rows(parquet.read_row_group(group), table)
