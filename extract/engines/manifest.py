"""The manifest of a batch: one CSV row per input document, in input order, saying whether
it was processed (``ok``) or why not (``error``), its size, its facts, its time and its
changes (the last column, so that a manifest written before it still reads).

Rows are appended as documents finish and flushed with the output, so after any stop the
manifest lists exactly the documents whose facts are in the output. Because results are
written in input order, the finished documents are always a prefix of the input: resuming
skips that many documents and checks their ids on the way.
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FIELDS = ("doc", "status", "reason", "bytes", "facts", "seconds", "encoding", "changes")
BEFORE_CHANGES = len(FIELDS) - 1  # the columns of a manifest written before changes


@dataclass
class Done:
    """What a manifest says was done."""

    documents: int = 0
    facts: int = 0
    errors: int = 0
    changes: int | None = 0  # None: the manifest has no changes column


class ManifestWriter:
    """Rows are held until ``flush``, which the batch calls after flushing the output: the
    manifest never runs ahead of the facts on disk."""

    def __init__(self, path: Path, append: bool = False) -> None:
        if append:
            repair(path)
        self.path = path
        self._pending: list[tuple] = []
        fresh = not append or not path.exists() or path.stat().st_size == 0
        self._file = path.open("a" if append else "w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._file, lineterminator="\n")
        if fresh:
            self._writer.writerow(FIELDS)

    def write(self, doc: str, status: str, reason: str, nbytes: int, facts: int,
              seconds: float, encoding: str, changes: int) -> None:
        self._pending.append((doc, status, reason, nbytes, facts, f"{seconds:.4f}", encoding,
                              changes))

    def flush(self) -> None:
        self._writer.writerows(self._pending)
        self._pending = []
        self._file.flush()

    def close(self) -> None:
        self.flush()
        self._file.close()
        self._file = None

    def abandon(self) -> None:
        """Close without the rows held back: a write of their facts failed."""
        self._pending = []
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()


def repair(path: Path) -> None:
    """Cut a last line that a hard kill left without its newline."""
    if not path.exists():
        return
    with path.open("rb+") as f:
        f.seek(0, 2)
        size = f.tell()
        if size == 0:
            return
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return
        f.seek(max(size - (1 << 20), 0))
        tail = f.read()
        f.truncate(size - len(tail) + tail.rfind(b"\n") + 1 if b"\n" in tail else 0)


def read_done(path: Path) -> Iterator[tuple[str, str, int, int | None]]:
    """(doc, status, facts, changes) of each row of a manifest (changes None in a manifest
    written before the column)."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        names = reader.fieldnames
        if names is None or names[:BEFORE_CHANGES] != list(FIELDS[:BEFORE_CHANGES]):
            raise ValueError(f"{path}: not a kazextract manifest")
        counted = "changes" in names
        for row in reader:
            if None in row.values():  # a torn last row
                break
            changes = int(row["changes"] or 0) if counted else None
            yield row["doc"], row["status"], int(row["facts"] or 0), changes


def summarize(path: Path) -> Done:
    """What a manifest says was done; nothing for an empty file (a run killed before its
    first flush)."""
    done = Done()
    if path.stat().st_size == 0:
        return done
    for _doc, status, facts, changes in read_done(path):
        done.documents += 1
        done.facts += facts
        done.errors += status != "ok"
        done.changes = None if changes is None or done.changes is None \
            else done.changes + changes
    return done
