"""The local engine: documents in chunks over forked worker processes, results yielded in
input order whatever the number of workers, with a bounded number of chunks in flight so
that memory stays flat however large the input is.

Workers are forked after the pipeline is built, so they share it and start at once
(spaCy's own ``n_process`` serialises Docs and was ten times slower here). Each worker gets
chunks over its own pipe and sends back one plain tuple per document, so this process
always knows which document a worker is on. That is what makes a batch safe against its
worst documents: a worker that dies (the OOM killer, a kill) is replaced, the document it
was on is tried once more and is an error row if it kills a worker again, and the rest of
its chunks go on; a document that takes longer than ``--timeout`` has its worker
killed and is an error row. Workers die with this process (PR_SET_PDEATHSIG), quietly.

One worker, or an input that fits in one chunk, runs in this process (no pool), where the
time budget is a SIGALRM timer.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain
from multiprocessing.connection import Connection, wait

from ..relations.document import load_pipeline
from ..sources.documents import Task
from .work import DEFAULT_SETTINGS, Settings, failed, process, timeout_reason

CHUNK_DOCS = 32
CHUNK_BYTES = 256 * 1024
IN_FLIGHT_PER_WORKER = 3
# A worker is replaced (forked afresh from the unchanged parent) after this many chunks:
# spaCy's vocabulary grows with every new word form, and a month of news has many.
CHUNKS_PER_WORKER = 1000
POLL_SECONDS = 0.1
PR_SET_PDEATHSIG = 1  # prctl(2), Linux


class Stop:
    """Set by the interrupt handler; engines finish the document at hand and stop."""

    def __init__(self) -> None:
        self.requested = False
        self.busy_since = 0.0  # when the document at hand in this process started (0: none)


def chunked(tasks: Iterable[Task], max_docs: int, max_bytes: int) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    size = 0
    for task in tasks:
        chunk.append(task)
        size += task.nbytes
        if len(chunk) >= max_docs or size >= max_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def run_local(tasks: Iterable[Task], workers: int, stop: Stop,
              settings: Settings = DEFAULT_SETTINGS) -> Iterator[tuple]:
    """Results (work.Result tuples) of ``tasks``, in order."""
    chunks = chunked(tasks, CHUNK_DOCS, CHUNK_BYTES)
    head = [c for c in (next(chunks, None), next(chunks, None)) if c is not None]
    if workers <= 1 or len(head) < 2:
        yield from _in_process(chain.from_iterable(chain(head, chunks)), stop, settings)
    else:
        load_pipeline(settings.relative_dates)  # built once here, shared by the forked workers
        yield from Pool(workers, settings).results(chain(head, chunks), stop)


def _in_process(tasks: Iterable[Task], stop: Stop, settings: Settings) -> Iterator[tuple]:
    for task in tasks:
        if stop.requested:
            return
        stop.busy_since = time.monotonic()
        try:
            result = process(task, settings, budget=settings.timeout)
        finally:
            stop.busy_since = 0.0
        yield result


# ---- the worker side ---------------------------------------------------------------------

def _serve(conn: Connection, settings: Settings, slot: int, clock) -> None:  # noqa: ANN001
    """A worker's life: chunks in, one result per document out, until the pipe closes.
    ``clock[2 * slot]`` holds when the current document started (0 between documents),
    ``clock[2 * slot + 1]`` how many documents this worker has started."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    inbox: queue.SimpleQueue = queue.SimpleQueue()
    # the pipe is read on a thread, so the parent's sends never wait on a busy worker
    threading.Thread(target=_receive, args=(conn, inbox), daemon=True).start()
    try:
        while (message := inbox.get()) is not None:
            number, tasks = message
            for task in tasks:
                clock[2 * slot + 1] += 1
                clock[2 * slot] = time.monotonic()
                result = process(task, settings)
                clock[2 * slot] = 0.0
                conn.send((number, result))
    except (OSError, EOFError):  # the parent is gone
        pass
    finally:
        os._exit(0)  # not through multiprocessing's exit, which flushes inherited buffers


def _receive(conn: Connection, inbox: queue.SimpleQueue) -> None:
    try:
        while True:
            inbox.put(conn.recv())
    except (OSError, EOFError):
        inbox.put(None)


def _die_with_parent() -> None:
    """Ask the kernel to kill this worker when the parent dies, however it dies."""
    parent = os.getppid()
    with contextlib.suppress(OSError, AttributeError):  # not Linux: the closed pipe ends it
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(0)


# ---- the parent side ---------------------------------------------------------------------

class _Chunk:
    """Documents in input order and their results as they come back."""

    def __init__(self, number: int, tasks: list[Task]) -> None:
        self.number = number
        self.tasks = tasks
        self.results: list[tuple] = []
        self.yielded = 0
        self.retried: set[int] = set()  # positions already tried again after a worker died

    @property
    def left(self) -> list[Task]:
        return self.tasks[len(self.results):]

    @property
    def complete(self) -> bool:
        return len(self.results) == len(self.tasks)


class _Worker:
    def __init__(self, slot: int, settings: Settings, clock) -> None:  # noqa: ANN001
        self.slot = slot
        clock[2 * slot] = clock[2 * slot + 1] = 0.0
        self.conn, child = multiprocessing.Pipe()
        self.process = multiprocessing.get_context("fork").Process(
            target=_serve, args=(child, settings, slot, clock), daemon=True)
        self.process.start()
        child.close()
        self.held: deque[_Chunk] = deque()  # chunks sent and not complete, in order
        self.sent = 0
        self.received = 0  # results

    def send(self, chunk: _Chunk) -> None:
        self.held.append(chunk)
        self.sent += 1
        with contextlib.suppress(OSError):  # it just died: the pool sees it and resends
            self.conn.send((chunk.number, chunk.left))

    def stop(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


class Pool:
    """Workers forked from this process, fed chunks in input order."""

    def __init__(self, workers: int, settings: Settings) -> None:
        self.settings = settings
        self.clock = multiprocessing.get_context("fork").RawArray("d", 2 * workers)
        self.workers = [_Worker(slot, settings, self.clock) for slot in range(workers)]
        self.chunks: deque[_Chunk] = deque()  # every chunk not yet yielded whole, in order
        self.by_number: dict[int, _Chunk] = {}

    def results(self, chunks: Iterable[list[Task]], stop: Stop) -> Iterator[tuple]:
        numbered = enumerate(chunks)
        more = True
        try:
            while more or self.chunks:
                if stop.requested:
                    return
                more = more and self._feed(numbered)
                self._wait()
                yield from self._ready()
        finally:
            for worker in self.workers:
                worker.stop()

    def _feed(self, numbered: Iterator[tuple[int, list[Task]]]) -> bool:
        """Send chunks to workers with room; False once the input is exhausted."""
        for worker in self.workers:
            if worker.sent >= CHUNKS_PER_WORKER and not worker.held:
                self._replace(worker)
        while worker := self._with_room():
            number, tasks = next(numbered, (None, None))
            if tasks is None:
                return False
            chunk = _Chunk(number, tasks)
            self.chunks.append(chunk)
            self.by_number[number] = chunk
            worker.send(chunk)
        return True

    def _with_room(self) -> _Worker | None:
        """The least busy worker that may take a chunk; None when as many chunks as may be
        held (done or not, until they go out in order) are already."""
        if len(self.chunks) >= len(self.workers) * IN_FLIGHT_PER_WORKER:
            return None
        open_ = [w for w in self.workers
                 if len(w.held) < IN_FLIGHT_PER_WORKER and w.sent < CHUNKS_PER_WORKER]
        return min(open_, key=lambda w: len(w.held)) if open_ else None

    def _wait(self) -> None:
        """Take in the results that came; deal with workers that died or overran."""
        conns = {w.conn: w for w in self.workers}
        sentinels = {w.process.sentinel: w for w in self.workers}
        for ready in wait([*conns, *sentinels], POLL_SECONDS):
            if ready in conns:
                self._receive(conns[ready])
        for worker in self.workers:
            if not worker.process.is_alive():
                self._receive(worker)  # what it sent before it died
                self._lost(worker, self._death_reason(worker), retry=True)
            elif seconds := self._overran(worker):
                started = self.clock[2 * worker.slot + 1]
                worker.process.kill()
                worker.process.join()
                self._receive(worker)
                if worker.received >= started:  # it got there as it was killed
                    self._lost(worker, "", retry=True, blame=False)
                else:
                    self._lost(worker, timeout_reason(self.settings.timeout), retry=False,
                               seconds=seconds)

    def _receive(self, worker: _Worker) -> None:
        try:
            while worker.conn.poll():
                number, result = worker.conn.recv()
                chunk = self.by_number[number]
                chunk.results.append(result)
                worker.received += 1
                if chunk.complete:
                    worker.held.popleft()
        except (OSError, EOFError):  # a message cut short by the worker's death
            pass

    def _overran(self, worker: _Worker) -> float:
        """How long the worker's document has taken when that is over the budget, else 0."""
        started = self.clock[2 * worker.slot]
        seconds = time.monotonic() - started if started else 0.0
        return seconds if self.settings.timeout and seconds > self.settings.timeout else 0.0

    @staticmethod
    def _death_reason(worker: _Worker) -> str:
        code = worker.process.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            cause = ": out of memory?" if -code == signal.SIGKILL else ""
            return f"the worker process was killed by {name}{cause}"
        return f"the worker process exited with status {code}"

    def _lost(self, worker: _Worker, reason: str, retry: bool, seconds: float = 0.0,
              blame: bool = True) -> None:
        """A worker is gone: the document it was on (``blame``) is tried again (``retry``,
        once) or is an error row; a fresh worker takes the rest of its chunks."""
        held = list(worker.held)
        if held and blame:
            chunk = held[0]
            position = len(chunk.results)
            if retry and position not in chunk.retried:
                chunk.retried.add(position)
            else:
                chunk.results.append(failed(chunk.left[0], reason, seconds))
        fresh = self._replace(worker)
        for chunk in held:
            if not chunk.complete:
                fresh.send(chunk)

    def _replace(self, worker: _Worker) -> _Worker:
        worker.stop()
        fresh = _Worker(worker.slot, self.settings, self.clock)
        self.workers[self.workers.index(worker)] = fresh
        return fresh

    def _ready(self) -> Iterator[tuple]:
        """The results that can go out in input order."""
        while self.chunks:
            chunk = self.chunks[0]
            while chunk.yielded < len(chunk.results):
                chunk.yielded += 1
                yield chunk.results[chunk.yielded - 1]
            if not chunk.complete:
                return
            self.chunks.popleft()
            del self.by_number[chunk.number]
