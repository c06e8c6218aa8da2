"""A document to read, as a task for any engine, and reading it: the bytes of a file decoded
(or the text a record or stdin already gave), and why it could not be read."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from .decoding import decode


class Task(NamedTuple):
    doc: str  # the id in the output's doc column
    name: str  # how messages name the input: a file path, or file#id for a record
    path: str | None = None  # a file the worker reads and decodes …
    text: str | None = None  # … or the text, already read (records, stdin)
    nbytes: int = 0
    error: str | None = None  # already failed (a record without text, a missing file)
    encoding: str = ""  # the encoding the text was read in (records)


def read_text(task: Task, encoding: str | None = None) -> tuple[str, int, str]:
    """(text, bytes, encoding) of a task's document; raises OSError or DecodeError."""
    if task.path is None:
        return task.text or "", task.nbytes, task.encoding
    data = Path(task.path).read_bytes()
    decoded = decode(data, encoding)
    return decoded.text, len(data), decoded.encoding


def reason(err: Exception) -> str:
    """Why a document could not be read, for the one-line error and the manifest."""
    if isinstance(err, OSError):
        return f"cannot read ({err.strerror or err})"
    return str(err)
