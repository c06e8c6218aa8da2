"""Facts as typed Parquet: offsets as int64, ``value``/``value_max``/``total`` as float64,
and the contract's exact value strings kept in ``value_text``/``value_max_text`` (the ISO
date of a DATE or TIME, which has no float; the exact decimal of every other value).
``read_rows`` turns a file, or a folder of parts, back into contract rows, so the CSV made
from Parquet is byte-for-byte the CSV written directly.

pyarrow is imported on first use: it costs startup time that CSV runs do not need.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..facts import COLUMNS

TEXT_VALUED = frozenset({"DATE", "TIME"})
ROWS_PER_GROUP = 50_000
EXTRA_COLUMNS = ("value_text", "value_max_text")


def schema():  # -> pyarrow.Schema
    import pyarrow as pa

    types = {"start": pa.int64(), "end": pa.int64(), "value": pa.float64(),
             "value_max": pa.float64(), "total": pa.float64()}
    return pa.schema([(name, types.get(name, pa.string()))
                      for name in (*COLUMNS, *EXTRA_COLUMNS)])


def _number(text: str, fact_type: str) -> float | None:
    return None if text == "" or fact_type in TEXT_VALUED else float(text)


def rows_table(rows: list[dict]):  # -> pyarrow.Table
    """Contract rows (dicts with the COLUMNS) as a typed table."""
    import pyarrow as pa

    columns = {name: [row[name] for row in rows] for name in COLUMNS}
    columns["value_text"] = columns["value"]
    columns["value_max_text"] = [v if v != "" else None for v in columns["value_max"]]
    types = columns["type"]
    columns["value"] = [_number(v, t) for v, t in zip(columns["value"], types, strict=True)]
    columns["value_max"] = [_number(v, t) for v, t in zip(columns["value_max"], types,
                                                           strict=True)]
    columns["total"] = [float(v) if v != "" else None for v in columns["total"]]
    return pa.table(columns, schema=schema())


def _plain(number: float | None) -> str:
    """A float read back as the contract writes it: no exponent, no trailing ``.0``."""
    if number is None:
        return ""
    return str(int(number)) if number.is_integer() else repr(number)


def table_rows(table) -> Iterator[dict]:
    """Contract rows (strings, start/end ints) of a table written by ``rows_table``."""
    for record in table.to_pylist():
        row = {name: record[name] if record[name] is not None else "" for name in COLUMNS}
        row["value"] = record["value_text"] or ""
        row["value_max"] = record["value_max_text"] or ""
        row["total"] = _plain(record["total"])
        yield row


class ParquetWriter:
    """Rows in, row groups of ROWS_PER_GROUP out: memory stays bounded."""

    def __init__(self, path: str | Path) -> None:
        import pyarrow.parquet as pq

        self._writer = pq.ParquetWriter(str(path), schema())
        self._rows: list[dict] = []

    def write(self, rows: Iterable[dict]) -> None:
        self._rows.extend(rows)
        if len(self._rows) >= ROWS_PER_GROUP:
            self.flush()

    def flush(self) -> None:
        if self._rows:
            self._writer.write_table(rows_table(self._rows))
            self._rows = []

    def close(self) -> None:
        self.flush()
        self._writer.close()


def part_files(path: str | Path) -> list[Path]:
    """A Parquet file, or the ``*.parquet`` parts of a folder in name order."""
    path = Path(path)
    return sorted(path.glob("*.parquet")) if path.is_dir() else [path]


def read_rows(path: str | Path) -> Iterator[dict]:
    """Contract rows of a Parquet file or of a folder of parts, in order."""
    import pyarrow.parquet as pq

    for part in part_files(path):
        parquet = pq.ParquetFile(str(part))
        for group in range(parquet.num_row_groups):
            yield from table_rows(parquet.read_row_group(group))
