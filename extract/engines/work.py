"""The unit of batch work: one document in, its facts and changes (or the reason it failed)
out.

Every engine (the local process pool, Dask) calls ``process`` on ``Task`` tuples and gets
plain tuples back, so what crosses a process boundary is cheap to pickle: no spaCy Doc.
"""

from __future__ import annotations

import operator
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

from ..facts import CHANGE_COLUMNS, COLUMNS, Change, Fact
from ..relations.document import find_related
from ..sources.decoding import DecodeError
from ..sources.documents import Task, read_text, reason

FACT_FIELDS = COLUMNS[1:]  # a row is the doc id plus these, in the contract's order
assert Fact.field_names() == FACT_FIELDS
_fact_row = operator.attrgetter(*FACT_FIELDS)  # a fact's fields as one tuple, in order
CHANGE_FIELDS = CHANGE_COLUMNS[1:]
assert Change.field_names() == CHANGE_FIELDS
_change_row = operator.attrgetter(*CHANGE_FIELDS)


class Settings(NamedTuple):
    """How a run extracts every document (one small tuple, pickled to workers and clusters)."""

    encoding: str | None = None  # force this codec for files
    relative_dates: bool = False  # also dates and times written without a number (биыл)
    timeout: float = 0.0  # seconds a document may take before it is an error (0: no limit)


DEFAULT_SETTINGS = Settings()


class Result(NamedTuple):
    doc: str
    name: str
    status: str  # "ok" or "error"
    reason: str
    nbytes: int
    rows: list[tuple]  # one tuple of FACT_FIELDS per fact
    seconds: float
    encoding: str
    changes: list[tuple]  # one tuple of CHANGE_FIELDS per change


def failed(task: Task, reason: str, seconds: float = 0.0) -> tuple:
    return tuple(Result(task.doc, task.name, "error", reason, task.nbytes, [], seconds,
                        task.encoding, []))


class DocumentTimeout(BaseException):
    """The document took longer than its budget (a BaseException: rule code that catches
    Exception must not swallow it)."""


def timeout_reason(seconds: float) -> str:
    return f"took longer than {seconds:g} s (--timeout)"


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise DocumentTimeout in this thread after ``seconds`` of work (SIGALRM: the main
    thread only; elsewhere, and for 0, there is no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame) -> None:  # noqa: ANN001
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process(task: Task, settings: Settings = DEFAULT_SETTINGS, budget: float = 0.0) -> tuple:
    """Read, decode and extract one document as ``settings`` say, in at most ``budget``
    seconds (0: no limit). Never raises for bad input: the result says what went wrong.
    Returns a plain tuple with the fields of Result."""
    task = Task(*task)
    if task.error is not None:
        return failed(task, task.error)
    started = time.perf_counter()
    try:
        with time_budget(budget):
            text, nbytes, used = read_text(task, settings.encoding)
            related = find_related(text, settings.relative_dates)
            rows = list(map(_fact_row, related.facts))
            changes = list(map(_change_row, related.changes))
    except DocumentTimeout:
        return failed(task, timeout_reason(budget), time.perf_counter() - started)
    except (OSError, DecodeError) as err:
        return failed(task, reason(err), time.perf_counter() - started)
    except Exception as err:  # a bug must cost one document, not the batch
        return failed(task, f"extraction failed ({type(err).__name__}: {err})",
                      time.perf_counter() - started)
    return tuple(Result(task.doc, task.name, "ok", "", nbytes, rows,
                        time.perf_counter() - started, used, changes))


def process_chunk(tasks: list[tuple], settings: Settings = DEFAULT_SETTINGS) -> list[tuple]:
    return [process(task, settings) for task in tasks]
