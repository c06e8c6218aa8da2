"""A batch run: every document the command line names, through an engine, into one output
file, a manifest and progress on stderr. Bad input costs its own document only; Ctrl-C
keeps finished work and a later ``--resume`` goes on from there.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import inputs
from .facts import COLUMNS
from .manifest import Done, ManifestWriter, read_done, repair, summarize
from .outputs import Output
from .parallel import Stop, run_local
from .progress import Progress
from .work import Result, Settings, Task

FLUSH_EVERY = 1.0  # seconds between flushes of output and manifest
EXIT_FAILED_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class ResumeError(Exception):
    """The manifest and output cannot be continued; the message says why."""


@dataclass
class BatchOptions:
    paths: tuple[str, ...]
    output: str | None = None
    fmt: str = "csv"
    excel: bool = False
    inputs: inputs.InputOptions = field(default_factory=inputs.InputOptions)
    workers: int = 1
    manifest: Path | None = None
    resume: bool = False
    quiet: bool = False
    relative_dates: bool = False  # also dates and times written without a number

    @property
    def settings(self) -> Settings:
        return Settings(self.inputs.encoding, self.relative_dates)


def _say(progress: Progress | None, line: str) -> None:
    if progress is not None:
        progress.message(line)
    else:
        print(line, file=sys.stderr, flush=True)


def skip_done(tasks: Iterator[Task], manifest: Path, count: int) -> Iterator[Task]:
    """The tasks after the first ``count``, which must be the manifest's documents."""
    done = read_done(manifest)
    position = 0
    for task in tasks:
        position += 1
        if position > count:
            yield task
            continue
        doc = next(done, (None,))[0]
        if doc != task.doc:
            raise ResumeError(f"input {position} is {task.doc!r} but the manifest has "
                              f"{doc!r}: the inputs changed since the interrupted run")
    if position < count:
        raise ResumeError(f"the manifest lists {count} documents, the inputs have {position}")


def run(options: BatchOptions) -> int:
    """Run the batch; the exit status (0, 1 when an input failed, 2 when it could not
    start, 130 when interrupted)."""
    opened = _open(options)
    if isinstance(opened, int):
        return opened
    previous, out, manifest = opened
    progress = Progress(options.quiet, count=lambda: inputs.count(options.paths),
                        skip=previous.documents)
    tasks = inputs.tasks(options.paths, options.inputs)
    if previous.documents:
        tasks = skip_done(tasks, options.manifest, previous.documents)
        if not options.quiet:
            _say(progress, f"kazextract: resuming after {previous.documents} documents "
                           f"({previous.facts} facts, {previous.errors} errors)")
    stop = Stop()
    try:
        with interrupts(stop):
            _consume(run_local(tasks, options.workers, stop, options.settings),
                     out, manifest, progress)
    except ResumeError as err:  # nothing new was written: the interrupted run stays resumable
        out.abandon()
        if manifest is not None:
            manifest.close()
        _say(progress, f"kazextract: cannot resume: {err}")
        return EXIT_USAGE
    return _close(out, manifest, progress, stop, previous)


def _open(options: BatchOptions) -> tuple[Done, Output, ManifestWriter | None] | int:
    """What an earlier run did (for --resume), the output and the manifest, opened; or the
    exit status after a one-line error."""
    try:
        previous = previous_run(options)
    except ValueError as err:
        _say(None, f"kazextract: cannot resume: {err}")
        return EXIT_USAGE
    out = Output(options.output, options.fmt, options.excel)
    try:
        out.open(resume=options.resume)
    except OSError as err:
        _say(None, f"kazextract: {options.output}: cannot write ({err.strerror or err})")
        return EXIT_USAGE
    try:
        if options.resume and options.output:
            out.copy_previous(previous.facts)
        manifest = (ManifestWriter(options.manifest, append=previous.documents > 0)
                    if options.manifest else None)
    except (ValueError, OSError) as err:
        out.discard()
        reason = (f"{err.filename}: {err.strerror}" if isinstance(err, OSError) and err.strerror
                  else err)
        _say(None, f"kazextract: cannot {'resume' if options.resume else 'start'}: {reason}")
        return EXIT_USAGE
    return previous, out, manifest


def previous_run(options: BatchOptions) -> Done:
    """What the manifest of the run to resume says was done (nothing without --resume)."""
    if not (options.resume and options.manifest and options.manifest.exists()):
        return Done()
    repair(options.manifest)
    return summarize(options.manifest)


def _consume(results: Iterator[tuple], out: Output, manifest: ManifestWriter | None,
             progress: Progress) -> None:
    last_flush = time.monotonic()
    for result in results:
        r = Result(*result)
        out.write(dict(zip(COLUMNS, (r.doc, *row), strict=True)) for row in r.rows)
        if manifest is not None:
            manifest.write(r.doc, r.status, r.reason, r.nbytes, len(r.rows), r.seconds,
                           r.encoding)
        if r.status != "ok":
            progress.message(f"kazextract: {r.name}: {r.reason}")
        progress.done(r.nbytes, len(r.rows), r.status != "ok")
        if time.monotonic() - last_flush >= FLUSH_EVERY:
            _flush(out, manifest)
            last_flush = time.monotonic()


def _flush(out: Output, manifest: ManifestWriter | None) -> None:
    out.flush()  # facts first: the manifest never lists a document whose rows are not out
    if manifest is not None:
        manifest.flush()


def _close(out: Output, manifest: ManifestWriter | None, progress: Progress, stop: Stop,
           previous: Done) -> int:
    if stop.requested:
        partial = out.abandon()
        if manifest is not None:
            manifest.close()
        progress.summary("interrupted")
        where = f"; finished work is in {partial}" if partial else ""
        again = " and the manifest; run again with --resume" if manifest and partial else ""
        _say(progress, f"kazextract: stopped{where}{again}")
        return EXIT_INTERRUPTED
    out.finish()
    if manifest is not None:
        manifest.close()
    progress.summary()
    return EXIT_FAILED_INPUT if progress.errors or previous.errors else 0


@contextmanager
def interrupts(stop: Stop) -> Iterator[None]:
    """Ctrl-C (or SIGTERM) asks the engine to stop after the documents at hand; a second
    Ctrl-C stops at once (the output still keeps every whole row written)."""

    def handler(signum, frame) -> None:  # noqa: ANN001
        if stop.requested:
            raise KeyboardInterrupt
        stop.requested = True

    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread only
        return
    old = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    except KeyboardInterrupt:
        stop.requested = True
    finally:
        for sig, previous in old.items():
            signal.signal(sig, previous)
