"""A batch run: every document the command line names, through an engine, into one output
file (and a changes file with ``--changes``), a manifest and progress on stderr. Bad input
costs its own document only; Ctrl-C keeps finished work and a later ``--resume`` goes on
from there.
"""

from __future__ import annotations

import glob
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, combinations
from pathlib import Path

from ..facts import CHANGE_COLUMNS, COLUMNS
from ..outputs.formats import PARTIAL, Output, changes_format, written_format
from ..outputs.tables import CHANGES
from ..sources import inputs
from ..sources.documents import Task
from .limits import DEFAULT_TIMEOUT
from .manifest import Done, ManifestWriter, read_done, repair, summarize
from .parallel import Stop, run_local
from .progress import Progress
from .work import Result, Settings

FLUSH_EVERY = 1.0  # seconds between flushes of output and manifest
EXIT_FAILED_INPUT = 1
EXIT_USAGE = 2  # could not start, or could not write (a full disk)
EXIT_INTERRUPTED = 130
STOP_WAIT = 1.0  # seconds a stop waits for the document at hand (in this process)


class ResumeError(Exception):
    """The manifest and output cannot be continued; the message says why."""


class WriteFailed(Exception):
    """Writing the output or the manifest failed (a full disk); the message says which."""

    def __init__(self, path: Path | str, err: OSError) -> None:
        super().__init__(f"{path}: cannot write ({err.strerror or err})")


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
    timeout: float = DEFAULT_TIMEOUT  # seconds a document may take (0: no limit)
    changes: str | None = None  # where the changes go ("-": standard output)

    @property
    def settings(self) -> Settings:
        return Settings(self.inputs.encoding, self.relative_dates, self.timeout)

    @property
    def changes_path(self) -> str | None:
        """The changes file (None for none, or for standard output)."""
        return self.changes if self.changes not in (None, "-") else None

    @property
    def changes_fmt(self) -> str:
        return changes_format(self.changes, self.fmt)


@dataclass
class Sinks:
    """Where a batch writes: the facts, and the changes when asked for. They are flushed
    together before the manifest, so the manifest never lists a document whose facts or
    changes are not on disk."""

    facts: Output
    changes: Output | None = None

    @property
    def each(self) -> list[Output]:
        return [self.facts] if self.changes is None else [self.facts, self.changes]

    @property
    def partials(self) -> str:
        """The files an interrupted run leaves, for a message."""
        return " and ".join(str(out.partial) for out in self.each if out.path)


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
    start or could not write, 130 when interrupted)."""
    try:
        return _run(options)
    except KeyboardInterrupt:  # a Ctrl-C outside the engine (copying, closing) or a second
        _say(None, "kazextract: stopped")
        return EXIT_INTERRUPTED


def _run(options: BatchOptions) -> int:
    if problem := refused_paths(options):
        _say(None, f"kazextract: {problem}")
        return EXIT_USAGE
    try:
        previous = previous_run(options)
        _say_how_it_starts(options, previous)
        tasks = _tasks_left(options, previous)
        if tasks is None:
            _say(None, f"kazextract: nothing to resume: the {previous.documents} documents "
                       f"of {options.manifest} are done and {options.output} is complete")
            return 0
    except (ValueError, ResumeError) as err:
        _say(None, f"kazextract: cannot resume: {err}")
        return EXIT_USAGE
    opened = _open(options, previous)
    if isinstance(opened, int):
        return opened
    sinks, manifest = opened
    progress = Progress(options.quiet, count=lambda: inputs.count(options.paths),
                        skip=previous.documents)
    if previous.documents and not options.quiet:
        _say(progress, f"kazextract: resuming after {previous.documents} documents "
                       f"({previous.facts} facts, {previous.errors} errors)")
    stop = Stop()
    try:
        with interrupts(stop):
            _consume(run_local(tasks, options.workers, stop, options.settings),
                     sinks, manifest, progress)
        return _close(sinks, manifest, progress, stop, previous)
    except WriteFailed as err:
        return _write_failed(sinks, manifest, progress, err)


def refused_paths(options: BatchOptions, folder_output: bool = False) -> str | None:
    """Why ``-o``, ``--manifest`` or ``--changes`` must not be written (it would replace an
    input, or another of them; ``-o`` or ``--changes`` is a folder but names a file), or
    None; checked before anything is read."""
    named = [(p, option) for p, option in ((options.output, "-o"),
                                           (options.manifest, "--manifest"),
                                           (options.changes_path, "--changes")) if p]
    for path, option in named:
        if option != "--manifest" and Path(path).is_dir() and not folder_output:
            return f"{path}: is a folder; {option} names the output file"
    for (a, first), (b, second) in combinations(named, 2):
        if _same(a, b) or _same(b, a):
            return f"{b}: {second} and {first} name the same file"
    for path, option in named:
        if (why := _overwrites_input(Path(path), options.paths)) is not None:
            return f"{path}: {option} {why}"
    return None


def _same(a: str | Path, b: str | Path) -> bool:
    a, b = Path(a).absolute(), Path(b).absolute()
    return a == b or a == b.with_name(b.name + PARTIAL)


def _overwrites_input(path: Path, paths: tuple[str, ...]) -> str | None:
    """How ``path`` would replace an input (it is one, or is in an input folder), or None."""
    target = path.absolute().resolve()
    for given in paths:
        if given == "-":
            continue
        root = Path(given).absolute().resolve()
        if root.is_dir() and target.is_relative_to(root):
            return f"is inside the input folder {given}"
        if root == target or _globbed(target, given):
            return f"would overwrite the input {given}"
    return None


def _globbed(target: Path, pattern: str) -> bool:
    """Whether the glob ``pattern`` matches ``target`` (the folder walk only when the target
    is under the pattern's fixed folder)."""
    if not inputs.GLOB_CHARS.intersection(pattern):
        return False
    base = inputs._glob_base(pattern).absolute().resolve()
    return target.is_relative_to(base) and any(
        Path(p).absolute().resolve() == target for p in glob.iglob(pattern, recursive=True))


def _say_how_it_starts(options: BatchOptions, previous: Done) -> None:
    """One line when a run does not go on from what it finds: an empty manifest (a kill
    before the first flush), or an interrupted run's OUT.partial without --resume."""
    if options.quiet or not options.output:
        return
    partial = Path(options.output + PARTIAL)
    if options.resume and options.manifest and not previous.documents:
        why = "lists no finished document" if options.manifest.exists() else "not found"
        _say(None, f"kazextract: {options.manifest} {why}: starting afresh")
    elif not options.resume and partial.is_file():
        _say(None, f"kazextract: {partial} of an interrupted run is replaced: starting "
                   "afresh (--resume goes on from it)")


def _tasks_left(options: BatchOptions, previous: Done) -> Iterator[Task] | None:
    """The documents still to do; None when a resumed run had finished and nothing was
    added. Raises ResumeError when the inputs do not start with the finished documents."""
    tasks = inputs.tasks(options.paths, options.inputs)
    if not previous.documents:
        return tasks
    tasks = skip_done(tasks, options.manifest, previous.documents)
    first = next(tasks, None)
    if first is not None:
        return chain([first], tasks)
    outputs = [options.output, *filter(None, [options.changes_path])]
    finished = all(Path(o).is_file() and not Path(o + PARTIAL).exists() for o in outputs)
    return None if finished else iter(())


def _sinks_of(options: BatchOptions) -> Sinks:
    """The outputs ``options`` name, not opened yet."""
    changes = None
    if options.changes:
        fmt = options.changes_fmt
        changes = Output(options.changes_path, fmt, options.excel and fmt == "csv", CHANGES)
    return Sinks(Output(options.output, options.fmt, options.excel), changes)


def _open(options: BatchOptions, previous: Done) -> tuple[Sinks, ManifestWriter | None] | int:
    """The outputs and the manifest, opened (the finished rows copied for --resume); or the
    exit status after a one-line error."""
    sinks = _sinks_of(options)
    if options.resume and options.output and previous.documents \
            and (reason := _format_changed(sinks.facts)):
        _say(None, f"kazextract: cannot resume: {reason}")
        return EXIT_USAGE
    opened: list[Output] = []
    try:
        for out in sinks.each:
            out.open(resume=options.resume)
            opened.append(out)
        if options.resume and options.output:
            sinks.facts.copy_previous(previous.facts)
            if sinks.changes is not None:
                sinks.changes.copy_previous(previous.changes or 0)
        manifest = (ManifestWriter(options.manifest, append=previous.documents > 0)
                    if options.manifest else None)
    except (ValueError, OSError) as err:
        for out in opened:
            if options.resume:
                out.close_quietly()  # the finished rows: kept aside, or this copy of them
            else:
                out.discard()
        if isinstance(err, OSError) and len(opened) < len(sinks.each):
            failed = sinks.each[len(opened)].path or "standard output"
            _say(None, f"kazextract: {failed}: cannot write ({err.strerror or err})")
            return EXIT_USAGE
        reason = (f"{err.filename}: {err.strerror}" if isinstance(err, OSError) and err.strerror
                  else err)
        _say(None, f"kazextract: cannot {'resume' if options.resume else 'start'}: {reason}")
        return EXIT_USAGE
    return sinks, manifest


def _format_changed(out: Output) -> str | None:
    previous = out.resumed_from()
    found = written_format(previous) if previous else None
    if found and found != out.fmt:
        return f"{previous} was written as {found}, not {out.fmt} (--format {found} goes on)"
    return None


def previous_run(options: BatchOptions) -> Done:
    """What the manifest of the run to resume says was done (nothing without --resume)."""
    if not (options.resume and options.manifest and options.manifest.exists()):
        return Done()
    repair(options.manifest)
    done = summarize(options.manifest)
    if done.documents and done.changes is None:
        raise ValueError(f"{options.manifest} has no changes column: it was written by an "
                         "older kazextract; run again without --resume")
    return done


def _consume(results: Iterator[tuple], sinks: Sinks, manifest: ManifestWriter | None,
             progress: Progress) -> None:
    last_flush = time.monotonic()
    for result in results:
        r = Result(*result)
        _write(sinks, r)
        if manifest is not None:
            manifest.write(r.doc, r.status, r.reason, r.nbytes, len(r.rows), r.seconds,
                           r.encoding, len(r.changes))
        if r.status != "ok":
            progress.message(f"kazextract: {r.name}: {r.reason}")
        progress.done(r.nbytes, len(r.rows), r.status != "ok")
        if time.monotonic() - last_flush >= FLUSH_EVERY:
            _flush(sinks, manifest)
            last_flush = time.monotonic()


def _write(sinks: Sinks, r: Result) -> None:
    with _writing(sinks.facts):
        sinks.facts.write(dict(zip(COLUMNS, (r.doc, *row), strict=True)) for row in r.rows)
    if sinks.changes is not None:
        with _writing(sinks.changes):
            sinks.changes.write(dict(zip(CHANGE_COLUMNS, (r.doc, *row), strict=True))
                                for row in r.changes)


@contextmanager
def _writing(out: Output, finished: bool = False) -> Iterator[None]:
    """A failed write to ``out`` (its partial file, or its file when ``finished``) as
    WriteFailed."""
    try:
        yield
    except OSError as err:
        where = (out.path if finished else out.partial) if out.path else "standard output"
        raise WriteFailed(where, err) from None


def _flush(sinks: Sinks, manifest: ManifestWriter | None) -> None:
    """Facts and changes first, down to the disk: the manifest never lists a document whose
    rows are not out."""
    for out in sinks.each:
        with _writing(out):
            out.flush(durable=True)
    if manifest is not None:
        try:
            manifest.flush()
        except OSError as err:
            raise WriteFailed(manifest.path, err) from None


def _close(sinks: Sinks, manifest: ManifestWriter | None, progress: Progress, stop: Stop,
           previous: Done) -> int:
    _flush(sinks, manifest)
    if manifest is not None:
        manifest.close()
    if stop.requested:
        for out in sinks.each:
            out.abandon()
        progress.summary("interrupted")
        partials = sinks.partials
        where = f"; finished work is in {partials}" if partials else ""
        again = (" and the manifest; run again with --resume"
                 if manifest and sinks.facts.path else "")
        _say(progress, f"kazextract: stopped{where}{again}")
        return EXIT_INTERRUPTED
    for out in sinks.each:
        with _writing(out, finished=True):
            out.finish()
    progress.summary()
    return EXIT_FAILED_INPUT if progress.errors or previous.errors else 0


def _write_failed(sinks: Sinks, manifest: ManifestWriter | None, progress: Progress,
                  err: WriteFailed) -> int:
    """After a failed write (a full disk): keep what the manifest lists, resumable."""
    for out in sinks.each:
        out.close_quietly()
    if manifest is not None:
        manifest.abandon()
    again = (f"; finished work is in {sinks.partials} and {manifest.path}: run again with "
             "--resume when there is room") if sinks.facts.path and manifest else ""
    _say(progress, f"kazextract: {err}{again}")
    return EXIT_USAGE


@contextmanager
def interrupts(stop: Stop) -> Iterator[None]:
    """Ctrl-C (or SIGTERM) asks the engine to stop after the documents at hand; a second
    Ctrl-C stops at once, and so does the first when the document this process is on has
    taken over STOP_WAIT seconds already (the output still keeps every whole row written)."""

    def handler(signum, frame) -> None:  # noqa: ANN001
        long_at_it = stop.busy_since and time.monotonic() - stop.busy_since > STOP_WAIT
        if stop.requested or long_at_it:
            stop.requested = True
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
