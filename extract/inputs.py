"""What the command line names, as a stream of documents to process (``work.Task``).

A path is a ``.txt`` file (or any file not named as records), a folder (its ``*.txt``
files, recursively, in sorted order), a glob pattern (``'news/**/*.txt'``), a JSONL or CSV
file of records (also ``.gz``), or ``-`` for standard input. Inputs that cannot be read
become failed tasks, so that every input reaches the manifest.
"""

from __future__ import annotations

import csv
import glob
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .decoding import DecodeError, decode
from .records import RecordFileError, count_records, read_records, record_format
from .work import Task

GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class InputOptions:
    text_field: str = "text"
    id_field: str = "id"
    encoding: str | None = None


@dataclass(frozen=True)
class Source:
    """One file to read, with the doc id it gets (records add ``#id``)."""

    doc: str
    file: Path


def expand(path: str) -> tuple[list[Source], str | None]:
    """The files a command-line path names, or the reason it names none."""
    root = Path(path)
    if root.is_dir():
        files = sorted(p for p in root.rglob("*.txt") if p.is_file())
        return [Source(f.relative_to(root).as_posix(), f) for f in files], (
            None if files else "folder has no .txt files")
    if root.is_file():
        return [Source(root.name, root)], None
    if GLOB_CHARS.intersection(path):
        base = _glob_base(path)
        files = sorted(Path(p) for p in glob.glob(path, recursive=True) if Path(p).is_file())
        return [Source(f.relative_to(base).as_posix(), f) for f in files], (
            None if files else "pattern matches no files")
    return [], "no such file or folder"


def _glob_base(pattern: str) -> Path:
    """The folder before the first component with a wildcard: doc ids are relative to it,
    as they are to a folder given by name."""
    parts = Path(pattern).parts
    fixed = parts[: next(i for i, part in enumerate(parts) if GLOB_CHARS.intersection(part))]
    return Path(*fixed) if fixed else Path(".")


def tasks(paths: tuple[str, ...], options: InputOptions) -> Iterator[Task]:
    """Every document of every path, in order."""
    for path in paths or ("-",):
        if path == "-":
            yield _stdin_task(options)
            continue
        sources, reason = expand(path)
        if reason is not None:
            yield Task(path, path, error=reason)
        for source in sources:
            yield from _source_tasks(source, options)


def _source_tasks(source: Source, options: InputOptions) -> Iterator[Task]:
    fmt = record_format(source.file)
    if fmt is None:
        yield Task(source.doc, str(source.file), path=str(source.file),
                   nbytes=_size(source.file))
        return
    try:
        for record in read_records(source.file, fmt, options.text_field, options.id_field,
                                   options.encoding):
            doc, name = f"{source.doc}#{record.key}", f"{source.file}#{record.key}"
            if record.error is not None:
                yield Task(doc, name, error=record.error, encoding=record.encoding)
            else:
                yield Task(doc, name, text=record.text,
                           nbytes=len(record.text.encode("utf-8")), encoding=record.encoding)
    except RecordFileError as err:
        yield Task(source.doc, str(source.file), error=str(err))


def _stdin_task(options: InputOptions) -> Task:
    data = sys.stdin.buffer.read()
    try:
        decoded = decode(data, options.encoding)
    except DecodeError as err:
        return Task("-", "<stdin>", nbytes=len(data), error=str(err))
    return Task("-", "<stdin>", text=decoded.text, nbytes=len(data), encoding=decoded.encoding)


def _size(file: Path) -> int:
    try:
        return file.stat().st_size
    except OSError:
        return 0


def count(paths: tuple[str, ...]) -> int:
    """How many tasks ``tasks`` will give (for progress; records are counted by reading
    their files, so call this off the main thread for big dumps)."""
    total = 0
    for path in paths or ("-",):
        if path == "-":
            total += 1
            continue
        sources, reason = expand(path)
        total += reason is not None
        for source in sources:
            total += _count_source(source)
    return total


def _count_source(source: Source) -> int:
    fmt = record_format(source.file)
    if fmt is None:
        return 1
    try:
        return count_records(source.file, fmt)
    except (OSError, EOFError, ValueError, csv.Error, RecordFileError, DecodeError):
        return 1
