"""The output file of a batch: CSV, JSONL or Parquet, written atomically.

Rows go to ``OUT.partial`` in the output's folder, renamed to ``OUT`` when the run
completes, so a file under the output's name is always complete. An interrupted run leaves
``OUT.partial``: whole rows of finished documents (the manifest says which), which
``--resume`` copies before it goes on.

A Parquet file is unreadable until its footer is written, so a hard kill would leave
nothing to resume from: for Parquet, ``OUT.partial`` is a journal (a marker line, then the
rows as CSV), flushed like a CSV output and made into ``OUT`` when the run completes, in
row groups of a fixed size, so the file is the same however often the run was resumed.
"""

from __future__ import annotations

import contextlib
import csv
import itertools
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from .tables import FACTS, Table
from .writing import WRITERS

FORMATS = ("csv", "jsonl", "parquet")
EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
              ".parquet": "parquet", ".pq": "parquet"}
PARTIAL = ".partial"
JOURNAL_MARK = "# kazextract Parquet journal: the rows so far as CSV, made into Parquet\n"


def written_format(path: Path) -> str | None:
    """The format a run wrote ``path`` in (None when it is empty or not recognised)."""
    with path.open("rb") as f:
        head = f.read(len(JOURNAL_MARK.encode()))
    if head.startswith(b"PAR1") or head == JOURNAL_MARK.encode():
        return "parquet"
    head = head.removeprefix(b"\xef\xbb\xbf")
    if head.startswith(b"{"):
        return "jsonl"
    return "csv" if head.startswith(b"doc,") else None


def choose_format(fmt: str | None, output: str | None) -> str:
    """``--format`` if given, else the output file's extension, else CSV."""
    if fmt:
        return fmt
    return EXTENSIONS.get(Path(output).suffix.lower(), "csv") if output else "csv"


def changes_format(path: str | None, facts_fmt: str) -> str:
    """The format of ``--changes PATH``: by its extension, else the facts' format; on
    standard output (``-``) CSV for Parquet facts, which need a file."""
    if path in (None, "-"):
        return "csv" if facts_fmt == "parquet" else facts_fmt
    return EXTENSIONS.get(Path(path).suffix.lower(), facts_fmt)


class Output:
    """Rows of ``table`` (facts, or changes) to standard output (path None) or to a file,
    in one of FORMATS."""

    def __init__(self, path: str | Path | None, fmt: str, excel: bool = False,
                 table: Table = FACTS) -> None:
        self.path = Path(path) if path else None
        self.fmt = fmt
        self.table = table
        self.encoding = "utf-8-sig" if excel else "utf-8"
        self._stream: TextIO | None = None
        self._writer = None
        self.rows = 0

    @property
    def partial(self) -> Path:
        """The file being written: renamed to ``path`` when the run completes."""
        assert self.path is not None
        return self.path.with_name(self.path.name + PARTIAL)

    @property
    def _previous(self) -> Path:
        assert self.path is not None
        return self.path.with_name(self.path.name + PARTIAL + ".previous")

    def resumed_from(self) -> Path | None:
        """The file ``--resume`` would copy finished rows from: the interrupted run's
        OUT.partial (or the copy a resume killed part-way kept aside), else a finished OUT."""
        assert self.path is not None
        return next((p for p in (self._previous, self.partial, self.path) if p.is_file()),
                    None)

    def open(self, resume: bool = False) -> None:
        """Start writing; with ``resume`` the interrupted run's OUT.partial is kept aside
        for ``copy_previous``."""
        if self.path is not None and resume and self.partial.exists() \
                and not self._previous.exists():
            os.replace(self.partial, self._previous)
        self._stream = (sys.stdout if self.path is None
                        else self.partial.open("w", encoding=self.encoding, newline=""))
        if self.path is None and self.encoding == "utf-8-sig":
            self._stream.write("\ufeff")  # --excel on standard output: the BOM a file gets
        if self.fmt == "parquet":
            self._stream.write(JOURNAL_MARK)
        writer = WRITERS["csv" if self.fmt == "parquet" else self.fmt]
        self._writer = writer(self._stream, self.table)

    def write(self, rows: Iterable[dict]) -> None:
        rows = list(rows)
        self._writer.write(rows)
        self.rows += len(rows)

    def flush(self, durable: bool = False) -> None:
        """Write out what is buffered; ``durable``: down to the disk (fsync), so that a
        power cut cannot lose rows the manifest is about to list."""
        if self._stream is None:
            return
        self._stream.flush()
        if durable and self._stream is not sys.stdout:
            os.fsync(self._stream.fileno())

    def _close(self) -> None:
        if self._stream is not None and self._stream is not sys.stdout:
            self._stream.close()
        else:
            self.flush()

    def close_quietly(self) -> None:
        """Close after a failed write, which closing would only repeat."""
        with contextlib.suppress(OSError):
            self._close()

    def finish(self) -> None:
        """Close, and give the file its name: the run is complete."""
        self._close()
        if self.path is None:
            return
        if self.fmt == "parquet":
            self._journal_to_parquet()
        else:
            os.replace(self.partial, self.path)

    def _journal_to_parquet(self) -> None:
        """OUT from the journal; the journal stays until OUT is whole (a kill or a full
        disk here leaves a run that --resume finishes)."""
        from .parquet import ROWS_PER_GROUP, ParquetWriter

        temp = self.path.with_name(self.path.name + PARTIAL + ".parquet")
        try:
            writer = ParquetWriter(temp, self.table)
            for batch in _batched(journal_rows(self.partial), ROWS_PER_GROUP):
                writer.write(batch)
            writer.close()
            os.replace(temp, self.path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        self.partial.unlink()

    def abandon(self) -> Path | None:
        """Close, keeping what was written as OUT.partial (None for standard output)."""
        self._close()
        return None if self.path is None else self.partial

    def discard(self) -> None:
        """Close and remove what was written (the run could not start)."""
        self._close()
        if self.path is not None:
            self.partial.unlink(missing_ok=True)

    def copy_previous(self, count: int) -> None:
        """Copy the first ``count`` rows of the interrupted run's output (OUT.partial, or
        OUT when that run completed). Raises ValueError when it holds fewer."""
        assert self.path is not None
        previous = self._previous if self._previous.exists() else self.path
        if count and not previous.exists():
            raise ValueError(f"{self.partial} not found: nothing to resume from")
        if self.fmt == "jsonl":  # copied as written: the writer would re-type the numbers
            copied = self._copy_lines(previous, count) if count else 0
        else:
            copied = 0
            rows = itertools.islice(self._read(previous), count) if count else ()
            for batch in _batched(rows, 10_000):
                self.write(batch)
                copied += len(batch)
        if copied < count:
            raise ValueError(f"{previous} has {copied} rows, the manifest counts {count}")
        # the rows kept aside are the only copy until this one is on disk
        self.flush(durable=True)
        self._previous.unlink(missing_ok=True)

    def _copy_lines(self, path: Path, count: int) -> int:
        copied = 0
        with path.open(encoding="utf-8", newline="") as f:
            for line in itertools.islice(f, count):
                if not line.endswith("\n"):
                    break  # a line cut short is not a row
                self._stream.write(line)
                copied += 1
        self.rows += copied
        return copied

    def _read(self, path: Path) -> Iterator[dict]:
        if self.fmt == "parquet" and path == self.path:  # a finished run's Parquet file
            from .parquet import read_rows

            yield from read_rows(path, self.table)
        elif self.fmt == "parquet":
            yield from journal_rows(path)
        else:
            with path.open(encoding="utf-8-sig", newline="") as f:
                yield from csv.DictReader(f)


def journal_rows(path: Path) -> Iterator[dict]:
    """The rows of a Parquet journal (facts or changes), offsets as ints as the writer
    takes them."""
    with path.open(encoding="utf-8", newline="") as f:
        f.readline()  # the marker
        for row in csv.DictReader(f):
            row["start"], row["end"] = int(row["start"]), int(row["end"])
            yield row


def _batched(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
