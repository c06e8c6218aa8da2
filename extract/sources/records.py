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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, NamedTuple, TextIO

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
    line: int = 0  # where the record starts in the file
    missing_field: bool = False  # the record has no text field at all
    parsed: bool = True  # False for a line that is not a JSON object

    @property
    def has_field(self) -> bool:
        """The record holds the text field (whatever its value): the field name is right."""
        return self.error is None or (self.parsed and not self.missing_field)


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


class RecordReader:
    """The records of a JSONL or CSV file in file order (iterate once). Raises
    RecordFileError when the file cannot be read at all or stops being readable part-way.
    ``fields`` are the field names seen (CSV columns; the keys of JSONL objects)."""

    def __init__(self, path: Path, fmt: str, text_field: str, id_field: str,
                 encoding: str | None = None) -> None:
        self.path, self.fmt, self.encoding = path, fmt, encoding
        self.text_field, self.id_field = text_field, id_field
        self.fields: list[str] = []

    def __iter__(self) -> Iterator[Record]:
        stream, encoding = open_records(self.path, self.encoding)
        reader = self._jsonl if self.fmt == "jsonl" else self._csv
        with stream:
            try:
                for record in reader(stream):
                    yield _checked(record, encoding)
            except (OSError, EOFError, UnicodeDecodeError, csv.Error) as err:
                raise RecordFileError(_io_reason(err)) from None

    def _jsonl(self, stream: TextIO) -> Iterator[Record]:
        for record in _jsonl_records(stream, self.text_field, self.id_field):
            if record.fields:
                self.fields.extend(f for f in record.fields if f not in self.fields)
            yield record.record

    def _csv(self, stream: TextIO) -> Iterator[Record]:
        quotes = QuoteCount(stream)
        reader = _csv_reader(quotes, self.text_field)
        self.fields = list(reader.fieldnames or ())
        start, counted = reader.line_num + 1, quotes.total
        for row in reader:
            record = _record(row, start, self.text_field, self.id_field)
            if (quotes.total - counted) % 2 and reader.line_num > start:
                record = replace(record, text=None, error=(
                    f"unbalanced quotes in the file: lines {start}-{reader.line_num} run "
                    f"together into this record (a quote on line {start} is never closed)"))
            yield record
            start, counted = reader.line_num + 1, quotes.total


class QuoteCount:
    """The lines of a CSV stream, counting their double quotes. A well-formed record has
    an even number (a quoted field opens and closes, an escaped quote is doubled); one
    unclosed quote silently merges the lines after it into one field, which then holds an
    odd number over several lines. (A lone inch mark in an unquoted field is odd too, but
    on one line, and the csv module reads it as it is.)"""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self.total = 0

    def __iter__(self) -> QuoteCount:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.total += line.count('"')
        return line


def read_records(path: Path, fmt: str, text_field: str, id_field: str,
                 encoding: str | None = None) -> RecordReader:
    """The records of a JSONL or CSV file in file order (see RecordReader)."""
    return RecordReader(path, fmt, text_field, id_field, encoding)


def _checked(record: Record, encoding: str) -> Record:
    if record.error is None and record.text is not None:
        if UNDECODED.search(record.text):
            return replace(record, text=None, error=f"bytes that are not {encoding}",
                           encoding=encoding)
        if not record.text.strip():
            return replace(record, text=None, error="empty text", encoding=encoding)
    return replace(record, encoding=encoding)


class _JsonRecord(NamedTuple):
    record: Record
    fields: list[str]


def _jsonl_records(stream: TextIO, text_field: str, id_field: str) -> Iterator[_JsonRecord]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            yield _JsonRecord(Record(str(number), None, f"not valid JSON ({err.msg})",
                                     line=number, parsed=False), [])
            continue
        if not isinstance(data, dict):
            yield _JsonRecord(Record(str(number), None, "not a JSON object", line=number,
                                     parsed=False), [])
            continue
        yield _JsonRecord(_record(data, number, text_field, id_field), list(data))


def _csv_reader(lines: Iterable[str], text_field: str) -> csv.DictReader:
    csv.field_size_limit(CSV_FIELD_LIMIT)
    reader = csv.DictReader(lines)
    if reader.fieldnames is None:
        raise RecordFileError("empty CSV file")
    if text_field not in reader.fieldnames:
        raise RecordFileError(f"no {text_field!r} column (columns: "
                              f"{', '.join(reader.fieldnames)}); give --text-field")
    return reader


def _record(data: dict, line: int, text_field: str, id_field: str) -> Record:
    key = data.get(id_field)
    key = str(line) if key is None or key == "" else str(key)
    if text_field not in data:
        return Record(key, None, f"no {text_field!r} field", line=line, missing_field=True)
    text = data[text_field]
    if text is None:
        return Record(key, None, f"{text_field!r} is null", line=line)
    if not isinstance(text, str):
        return Record(key, None, f"{text_field!r} is not a string", line=line)
    return Record(key, text, line=line)


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
