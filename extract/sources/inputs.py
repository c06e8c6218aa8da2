"""What the command line names, as a stream of documents to process (``documents.Task``).

A path is a ``.txt`` file (or any file not named as records), a folder (its ``*.txt``
files, recursively, in sorted order), a glob pattern (``'news/**/*.txt'``), a JSONL or CSV
file of records (also ``.gz``), or ``-`` for standard input. A record file may say which
fields to read: ``export.csv:body:url`` (text field, then id field; a path that exists as
given is never split).

Every input reaches the manifest exactly once: a path that names nothing, a file found in a
folder that cannot be read (a named pipe, a dangling link), an empty dump, each is a failed
task with its reason. Folders and globs both follow symbolic links to folders, and a file
reached twice (a link loop, a second link, two overlapping inputs) is read once.
"""

from __future__ import annotations

import csv
import glob
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .decoding import DecodeError, decode
from .documents import Task
from .records import Record, RecordFileError, count_records, read_records, record_format

GLOB_CHARS = frozenset("*?[")
DUMP_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".gz")


@dataclass(frozen=True)
class InputOptions:
    text_field: str = "text"
    id_field: str = "id"
    encoding: str | None = None


@dataclass(frozen=True)
class Source:
    """One file to read, with the doc id it gets (records add ``#id``), or the reason a file
    found in a folder cannot be read."""

    doc: str
    file: Path
    error: str | None = None


def split_fields(path: str, options: InputOptions) -> tuple[str, InputOptions]:
    """``dump.csv:body:url`` → (``dump.csv``, options with text field body, id field url).
    A path that exists as written (``C:\\x.csv``, ``a:b.txt``) is never split."""
    if path == "-" or os.path.lexists(path) or ":" not in path:
        return path, options
    for parts in (path.rsplit(":", 1), path.rsplit(":", 2)):
        head, text_field, id_field = (*parts, "")[:3]
        if os.path.lexists(head) or (GLOB_CHARS.intersection(head) and glob.glob(head)):
            return head, replace(options, text_field=text_field or options.text_field,
                                 id_field=id_field or options.id_field)
    return path, options


def expand(path: str) -> tuple[list[Source], str | None]:
    """The files a command-line path names, or the reason it names none."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if os.path.islink(path):
            return [], f"dangling symbolic link (to {os.readlink(path)})"
        if GLOB_CHARS.intersection(path):
            return _expand_glob(path)
        return [], "no such file or folder"
    except OSError as err:
        return [], f"cannot read ({err.strerror or err})"
    if stat.S_ISDIR(mode):
        return _expand_folder(Path(path))
    # a file named by itself keeps the path as given: two report.txt in two folders differ;
    # a named pipe or a device is read as the user asked (like cat), e.g. <(zcat a.gz)
    return [Source(path, Path(path))], None


def _expand_folder(root: Path) -> tuple[list[Source], str | None]:
    try:
        os.scandir(root).close()
    except OSError as err:
        return [], f"cannot read folder ({err.strerror or err})"
    problems: list[Source] = []

    def unreadable(err: OSError) -> None:
        folder = Path(err.filename)
        problems.append(Source(folder.relative_to(root).as_posix(), folder,
                               f"cannot read folder ({err.strerror or err})"))

    found: list[Path] = []
    seen_folders: set[str] = set()
    for folder, subfolders, names in os.walk(root, followlinks=True, onerror=unreadable):
        real = os.path.realpath(folder)
        if real in seen_folders:  # a link loop, or a second link to one folder
            subfolders.clear()
            continue
        seen_folders.add(real)
        found.extend(Path(folder, name) for name in names if name.endswith(".txt"))
    sources = [_found(f.relative_to(root).as_posix(), f) for f in sorted(found)]
    sources = sorted(sources + problems, key=lambda s: Path(s.doc).parts)
    if sources:
        return sources, None
    return [], _no_txt_reason(root)


def _no_txt_reason(root: Path) -> str:
    """"folder has no .txt files", with the glob to pass when it holds record files."""
    dumps = sorted({_dump_suffix(p) for p in root.rglob("*") if _dump_suffix(p)})
    if not dumps:
        return "folder has no .txt files"
    patterns = " ".join(f"'{root.as_posix()}/**/*{suffix}'" for suffix in dumps)
    return f"folder has no .txt files; for the record files in it pass {patterns}"


def _dump_suffix(path: Path) -> str:
    if record_format(path) is None or not path.is_file():
        return ""
    return "".join(path.suffixes[-2:]) if path.suffix == ".gz" else path.suffix


def _expand_glob(pattern: str) -> tuple[list[Source], str | None]:
    base = _glob_base(pattern)
    real_folders: dict[Path, str] = {}
    files = [Path(p) for p in glob.glob(pattern, recursive=True)]
    files = sorted(f for f in files if not f.is_dir() and not _in_link_loop(f, base, real_folders))
    sources = [_found(f.relative_to(base).as_posix(), f) for f in files]
    return sources, None if sources else "pattern matches no files"


def _in_link_loop(file: Path, base: Path, real_folders: dict[Path, str]) -> bool:
    """True when the path passes twice through one real folder: a glob's ``**`` follows a
    link to a parent folder round and round (until the system's limit of links)."""
    seen = set()
    for folder in file.parents:
        if folder == base or folder == Path("."):
            break
        real = real_folders.setdefault(folder, os.path.realpath(folder))
        if real in seen:
            return True
        seen.add(real)
    return False


def _found(doc: str, file: Path) -> Source:
    """A file a folder or a glob found: a dangling link or a named pipe is reported, not
    opened (opening a pipe nobody writes to would hang the batch)."""
    try:
        mode = file.stat().st_mode
    except FileNotFoundError:
        if file.is_symlink():
            return Source(doc, file, f"dangling symbolic link (to {os.readlink(file)})")
        return Source(doc, file, "no such file (removed while reading the folder)")
    except OSError as err:
        return Source(doc, file, f"cannot read ({err.strerror or err})")
    if not stat.S_ISREG(mode):
        kind = "a named pipe" if stat.S_ISFIFO(mode) else "a device or socket"
        return Source(doc, file, f"not a regular file ({kind}); name it alone to read it")
    return Source(doc, file)


def _glob_base(pattern: str) -> Path:
    """The folder before the first component with a wildcard: doc ids are relative to it,
    as they are to a folder given by name."""
    parts = Path(pattern).parts
    fixed = parts[: next(i for i, part in enumerate(parts) if GLOB_CHARS.intersection(part))]
    return Path(*fixed) if fixed else Path(".")


def tasks(paths: tuple[str, ...], options: InputOptions) -> Iterator[Task]:
    """Every document of every path, in order; a file reached twice is read once."""
    read: dict[str, str] = {}  # real path -> the doc id it was read as
    for given in paths or ("-",):
        path, path_options = split_fields(given, options)
        if path == "-":
            yield _stdin_task(options)
            continue
        sources, reason = expand(path)
        if reason is not None:
            yield Task(path, path, error=reason)
        for source in sources:
            if source.error is not None:
                yield Task(source.doc, str(source.file), error=source.error)
                continue
            real = os.path.realpath(source.file)
            first = read.get(real)
            if first is None:
                read[real] = source.doc
                yield from _source_tasks(source, path_options)
            elif len(sources) == 1 and source.doc == path:  # named twice: say so
                yield Task(source.doc, path, error=f"the same file as {first}, read once")


def _source_tasks(source: Source, options: InputOptions) -> Iterator[Task]:
    fmt = record_format(source.file)
    if fmt is None:
        yield Task(source.doc, str(source.file), path=str(source.file),
                   nbytes=_size(source.file))
        return
    try:
        yield from _record_tasks(source, fmt, options)
    except RecordFileError as err:
        yield Task(source.doc, str(source.file), error=str(err))


def _record_tasks(source: Source, fmt: str, options: InputOptions) -> Iterator[Task]:
    """One task per record. Failed records are held back until a record has the text
    field: a dump where none has it is one error ("give --text-field"), not thousands."""
    held: list[tuple[Record, Task]] | None = []
    keys: dict[str, int] = {}
    records = read_records(source.file, fmt, options.text_field, options.id_field,
                           options.encoding)
    try:
        for record in records:
            task = _record_task(source, record, keys)
            if held is None:
                yield task
            elif record.has_field:  # the field's name is right: what was held goes out
                yield from (t for _, t in held)
                held = None
                yield task
            else:
                held.append((record, task))
    except RecordFileError:
        yield from (t for _, t in held or ())
        raise
    if held:
        yield from (t for r, t in held if not r.missing_field)
        missing = sum(r.missing_field for r, _ in held)
        if missing:
            raise RecordFileError(
                f"no record has a {options.text_field!r} field ({missing} records; fields: "
                f"{', '.join(records.fields) or '-'}); give --text-field or FILE:FIELD")
    if not keys:
        raise RecordFileError("no records (an empty file, or a CSV header without rows)"
                              if fmt == "csv" else "no records (an empty or blank file)")


def _record_task(source: Source, record: Record, keys: dict[str, int]) -> Task:
    key = _unique_key(record.key, record.line, keys)
    doc, name = f"{source.doc}#{key}", f"{source.file}#{key}"
    if record.error is not None:
        return Task(doc, name, error=record.error, encoding=record.encoding)
    return Task(doc, name, text=record.text, nbytes=len(record.text.encode("utf-8")),
                encoding=record.encoding)


def _unique_key(key: str, line: int, keys: dict[str, int]) -> str:
    """The record's id, or ``id@line`` for a later record with an id already used: every
    document of a dump gets its own doc id."""
    if key in keys:
        key = f"{key}@{line}"
    keys[key] = line
    return key


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
    """About how many tasks ``tasks`` will give (for progress; records are counted by
    reading their files, so call this off the main thread for big dumps)."""
    total = 0
    for given in paths or ("-",):
        path, _ = split_fields(given, InputOptions())
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
    if fmt is None or source.error is not None or not source.file.is_file():
        return 1  # a named pipe is read once, by the batch
    try:
        return max(count_records(source.file, fmt), 1)
    except (OSError, EOFError, ValueError, csv.Error, RecordFileError, DecodeError):
        return 1
