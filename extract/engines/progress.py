"""Progress of a batch on standard error: a bar redrawn in place when stderr is a terminal,
a plain line every PLAIN_EVERY seconds when it is not (a log file, CI), nothing with
``--quiet``; and one summary line at the end.

The total is counted on a background thread (counting a big JSONL dump means reading it),
so the bar starts at once and shows the total when it is known.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import TextIO

BAR_WIDTH = 24
REDRAW_EVERY = 0.2
PLAIN_EVERY = 10.0


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class Progress:
    def __init__(self, quiet: bool = False, stream: TextIO | None = None,
                 count: Callable[[], int] | None = None, skip: int = 0) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.tty = self.stream.isatty()
        self.started = time.monotonic()
        self.docs = self.facts = self.errors = self.nbytes = 0
        self.total: int | None = None
        self._skip = skip  # documents an earlier run finished (resume): not in this total
        self._last = self.started  # first line after one interval: short runs stay quiet
        self._drawn = False
        if count is not None and not quiet:
            threading.Thread(target=self._count, args=(count,), daemon=True).start()

    def _count(self, count: Callable[[], int]) -> None:
        try:
            self.total = count() - self._skip
        except Exception:  # progress is a nicety: a failed count leaves the total unknown
            self.total = None

    def done(self, nbytes: int, facts: int, error: bool) -> None:
        self.docs += 1
        self.nbytes += nbytes
        self.facts += facts
        self.errors += error
        now = time.monotonic()
        if not self.quiet and now - self._last >= (REDRAW_EVERY if self.tty else PLAIN_EVERY):
            self._last = now
            self._show(now)

    def message(self, line: str) -> None:
        """A line (an error) that must not be drawn over by the bar."""
        self._clear()
        print(line, file=self.stream, flush=True)

    def _rate(self, now: float) -> tuple[float, float]:
        seconds = max(now - self.started, 1e-9)
        return self.nbytes / 1e6 / seconds, self.docs / seconds

    def _eta(self, now: float) -> str:
        if not self.total or not self.docs:
            return "?"
        per_doc = (now - self.started) / self.docs
        return _clock(max(self.total - self.docs, 0) * per_doc)

    def _show(self, now: float) -> None:
        mb_s, _ = self._rate(now)
        total = "?" if self.total is None else str(self.total)
        counts = (f"{self.docs}/{total} docs, {self.errors} errors, {mb_s:.2f} MB/s, "
                  f"ETA {self._eta(now)}")
        if not self.tty:
            print(f"kazextract: {counts}", file=self.stream, flush=True)
            return
        filled = int(BAR_WIDTH * self.docs / self.total) if self.total else 0
        bar = "#" * min(filled, BAR_WIDTH) + "." * (BAR_WIDTH - min(filled, BAR_WIDTH))
        self.stream.write(f"\r[{bar}] {counts}\x1b[K")
        self.stream.flush()
        self._drawn = True

    def _clear(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self._drawn = False

    def summary(self, prefix: str = "done") -> str:
        """The closing line: documents, facts, errors, seconds, throughput."""
        now = time.monotonic()
        mb_s, docs_s = self._rate(now)
        line = (f"kazextract: {prefix}: {self.docs} documents, {self.facts} facts, "
                f"{self.errors} errors, {now - self.started:.1f} s, {mb_s:.2f} MB/s, "
                f"{docs_s:.1f} docs/s")
        if not self.quiet:
            self.message(line)
        else:
            self._clear()
        return line
