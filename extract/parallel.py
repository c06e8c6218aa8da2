"""The local engine: documents in chunks over a fork-based process pool, results yielded
in input order whatever the number of workers, with a bounded number of chunks in flight
so that memory stays flat however large the input is.

Workers are forked after the pipeline is built, so they share it and start at once
(spaCy's own ``n_process`` serialises Docs and was ten times slower here). They return plain
tuples. One worker, or an input that fits in one chunk, runs in this process: no pool.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain
from multiprocessing.pool import AsyncResult

from .pipeline import load_pipeline
from .work import DEFAULT_SETTINGS, Settings, Task, process, process_chunk

CHUNK_DOCS = 32
CHUNK_BYTES = 256 * 1024
IN_FLIGHT_PER_WORKER = 3
# A worker is replaced (forked afresh from the unchanged parent) after this many chunks:
# spaCy's vocabulary grows with every new word form, and a month of news has many.
CHUNKS_PER_WORKER = 1000
POLL_SECONDS = 0.1


class Stop:
    """Set by the interrupt handler; engines finish the document at hand and stop."""

    def __init__(self) -> None:
        self.requested = False


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
        yield from _in_pool(chain(head, chunks), workers, stop, settings)


def _in_process(tasks: Iterable[Task], stop: Stop, settings: Settings) -> Iterator[tuple]:
    for task in tasks:
        if stop.requested:
            return
        yield process(task, settings)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops them when it has saved its work."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _in_pool(chunks: Iterable[list[Task]], workers: int, stop: Stop,
             settings: Settings) -> Iterator[tuple]:
    load_pipeline(settings.relative_dates)  # built once here, shared by the forked workers
    pool = multiprocessing.get_context("fork").Pool(workers, initializer=_ignore_interrupts,
                                                    maxtasksperchild=CHUNKS_PER_WORKER)
    pending: deque = deque()
    finished = False
    try:
        for chunk in chunks:
            if stop.requested:
                return
            pending.append(pool.apply_async(process_chunk, (chunk, settings)))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                if not _ready(pending[0], stop):
                    return
                yield from pending.popleft().get()
        while pending:
            if not _ready(pending[0], stop):
                return
            yield from pending.popleft().get()
        finished = True
    finally:
        if finished:
            pool.close()
        else:
            pool.terminate()
        pool.join()


def _ready(result: AsyncResult, stop: Stop) -> bool:
    """Wait for a chunk; False when a stop was requested before it was done (a chunk that
    is done is kept: it is finished work)."""
    while not result.ready():
        if stop.requested:
            return False
        result.wait(POLL_SECONDS)
    return True
