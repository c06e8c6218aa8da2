"""Reading inputs: files and folders into decoded documents, with a clear reason when one
cannot be read."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import decoding


class InputError(Exception):
    """An input that cannot be read; the message names the input and the reason."""


@dataclass(frozen=True)
class Document:
    doc: str  # id: the path relative to the path given, or "-" for stdin
    text: str


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """The text of a document (UTF-8, UTF-16 with a BOM, KZ-1048, PT154 or Windows-1251,
    see decoding.py; ``encoding`` forces one). Empty, binary or undecodable data is an
    InputError."""
    try:
        return decoding.decode(data, encoding).text
    except decoding.DecodeError as err:
        raise InputError(f"{name}: {err}") from None


def expand_path(path: str) -> Iterator[tuple[str, Path | None]]:
    """(doc id, file) pairs for one command-line path: a file, a folder's *.txt files
    (recursive, sorted), or "-" for stdin (file None)."""
    if path == "-":
        yield "-", None
        return
    root = Path(path)
    if root.is_dir():
        files = sorted(p for p in root.rglob("*.txt") if p.is_file())
        if not files:
            raise InputError(f"{path}: folder has no .txt files")
        for file in files:
            yield file.relative_to(root).as_posix(), file
    elif root.is_file():
        yield root.name, root
    else:
        raise InputError(f"{path}: no such file or folder")


def read_document(doc: str, file: Path | None) -> Document:
    try:
        data = sys.stdin.buffer.read() if file is None else file.read_bytes()
    except OSError as err:
        raise InputError(f"{doc}: cannot read ({err.strerror})") from None
    return Document(doc, decode(data, doc if file is None else str(file)))
