"""Documents stored as records: JSONL and CSV files (optionally gzip-compressed), one
document per record, read as a stream so that a dump larger than memory is never loaded
whole.

The file's encoding is sniffed from its first megabyte (decoding.sniff_encoding); a record
with bytes that do not decode in it is an error of that record alone.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, TextIO

import regex

from .decoding import DecodeError, sniff_encoding

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
SNIFF_BYTES = 1 << 20
CSV_FIELD_LIMIT = 2**31 - 1  # whole articles live in one field
UNDECODED = regex.compile(r"[\ud800-\udfff]")  # bytes kept by errors="surrogateescape"


class RecordFileError(Exception):
    """A record file that cannot be read (any further); the message is the reason."""


@dataclass(frozen=True)
class Record:
    key: str  # the record's id field, else its line number
    text: str | None
    error: str | None = None
    encoding: str = ""


def record_format(path: Path) -> str | None:
    """"jsonl" or "csv" for record files (``.jsonl``, ``.csv``, also ``.gz``), else None."""
    suffixes = path.suffixes[-2:] if path.suffix == ".gz" else path.suffixes[-1:]
    return FORMATS.get(suffixes[0].lower()) if suffixes else None


def _open_binary(path: Path) -> BinaryIO:
    raw = path.open("rb")
    return gzip.GzipFile(fileobj=raw) if path.suffix == ".gz" else raw


def open_records(path: Path, encoding: str | None) -> tuple[TextIO, str]:
    """The file as text (gzip undone) and its encoding, sniffed unless given."""
    stream = io.BufferedReader(_open_binary(path), buffer_size=SNIFF_BYTES)
    try:
        sample = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
        encoding = encoding or sniff_encoding(sample)
    except (OSError, EOFError) as err:
        stream.close()
        raise RecordFileError(_io_reason(err)) from None
    except DecodeError as err:
        stream.close()
        raise RecordFileError(str(err)) from None
    text = io.TextIOWrapper(stream, encoding=encoding, errors="surrogateescape", newline="")
    return text, encoding


def read_records(path: Path, fmt: str, text_field: str, id_field: str,
                 encoding: str | None = None) -> Iterator[Record]:
    """The records of a JSONL or CSV file in file order. Raises RecordFileError when the
    file cannot be read at all or stops being readable part-way."""
    stream, encoding = open_records(path, encoding)
    reader = _jsonl_records if fmt == "jsonl" else _csv_records
    with stream:
        try:
            for record in reader(stream, text_field, id_field):
                yield _checked(record, encoding)
        except (OSError, EOFError, UnicodeDecodeError, csv.Error) as err:
            raise RecordFileError(_io_reason(err)) from None


def _checked(record: Record, encoding: str) -> Record:
    if record.error is None and record.text is not None:
        if UNDECODED.search(record.text):
            return Record(record.key, None, f"bytes that are not {encoding}", encoding)
        if not record.text.strip():
            return Record(record.key, None, "empty text", encoding)
    return replace(record, encoding=encoding)


def _jsonl_records(stream: TextIO, text_field: str, id_field: str) -> Iterator[Record]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            yield Record(str(number), None, f"not valid JSON ({err.msg})")
            continue
        if not isinstance(data, dict):
            yield Record(str(number), None, "not a JSON object")
            continue
        yield _record(data, number, text_field, id_field)


def _csv_records(stream: TextIO, text_field: str, id_field: str) -> Iterator[Record]:
    csv.field_size_limit(CSV_FIELD_LIMIT)
    reader = csv.DictReader(stream)
    if reader.fieldnames is None:
        raise RecordFileError("empty CSV file")
    if text_field not in reader.fieldnames:
        raise RecordFileError(f"no {text_field!r} column (columns: "
                              f"{', '.join(reader.fieldnames)}); give --text-field")
    start = reader.line_num + 1
    for row in reader:
        yield _record(row, start, text_field, id_field)
        start = reader.line_num + 1


def _record(data: dict, line: int, text_field: str, id_field: str) -> Record:
    key = data.get(id_field)
    key = str(line) if key is None or key == "" else str(key)
    text = data.get(text_field)
    if text is None:
        return Record(key, None, f"no {text_field!r} field")
    if not isinstance(text, str):
        return Record(key, None, f"{text_field!r} is not a string")
    return Record(key, text)


def count_records(path: Path, fmt: str) -> int:
    """How many records ``read_records`` will give (for progress): non-blank lines of a
    JSONL file, rows of a CSV file."""
    if fmt == "jsonl":
        with _open_binary(path) as stream:
            return sum(1 for line in stream if line.strip())
    stream, _ = open_records(path, None)
    with stream:
        csv.field_size_limit(CSV_FIELD_LIMIT)
        return max(sum(1 for _ in csv.reader(stream)) - 1, 0)


def _io_reason(err: Exception) -> str:
    if isinstance(err, gzip.BadGzipFile):
        return "not a valid gzip file"
    if isinstance(err, EOFError):
        return "truncated gzip file"
    if isinstance(err, UnicodeDecodeError):
        return f"bytes that are not {err.encoding} at offset {err.start}"
    if isinstance(err, csv.Error):
        return f"not valid CSV ({err})"
    return f"cannot read ({getattr(err, 'strerror', None) or err})"
