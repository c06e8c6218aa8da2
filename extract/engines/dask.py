"""The Dask engine: the local engine's chunks of documents as a ``dask.bag``, each partition
run on a cluster worker by the same ``work.process`` and written there as one Parquet part
(``part-00000000.parquet`` …, in input order), and with ``--changes FOLDER`` its changes as
a part of the same name in that folder. Only the manifest rows come back to this
process, which writes the manifest, reports errors and prints the summary. The input is
submitted in waves, so this process never holds more than two waves of documents.

Workers read ``.txt`` inputs themselves, so on a real cluster the paths must be visible to
them (a shared file system); records of JSONL/CSV files are read here and shipped.

``--resume`` goes on from ``OUT.partial`` and the manifest of an interrupted run: the manifest
is written a whole wave at a time, so it lists the documents of the first partitions; their
parts are kept, and every later partition is run again under its own part name.
Needs the ``dask`` extra: ``pip install 'kazextract[dask]'``.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import dask.bag as db
from distributed import Client, LocalCluster, as_completed

from ..facts import CHANGE_COLUMNS, COLUMNS
from ..outputs.tables import CHANGES, FACTS, Table
from ..sources import inputs
from . import parallel
from .batch import (
    EXIT_FAILED_INPUT,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    BatchOptions,
    ResumeError,
    interrupts,
    previous_run,
    refused_paths,
)
from .manifest import Done, ManifestWriter, read_done
from .parallel import Stop
from .progress import Progress
from .work import Result, Settings, process_chunk

CHUNKS_PER_THREAD = 8  # chunks of a wave for each worker thread of the cluster
PART = re.compile(r"part-(\d{8})\.parquet")


def write_part(numbered: tuple[int, list], folder: str, settings: Settings,
               changes_folder: str | None = None) -> list[tuple]:
    """Process one partition's documents, write their facts as a Parquet part (and their
    changes as one in ``changes_folder``); the results without their rows (doc, name,
    status, reason, bytes, facts, seconds, encoding, changes)."""
    index, tasks = numbered
    results = [Result(*r) for r in process_chunk(tasks, Settings(*settings))]
    if changes_folder is not None:  # first: a facts part means its changes part is there
        _write_rows(Path(changes_folder), index, CHANGES,
                    (dict(zip(CHANGE_COLUMNS, (r.doc, *row), strict=True))
                     for r in results for row in r.changes))
    _write_rows(Path(folder), index, FACTS, (dict(zip(COLUMNS, (r.doc, *row), strict=True))
                                             for r in results for row in r.rows))
    return [(r.doc, r.name, r.status, r.reason, r.nbytes, len(r.rows), r.seconds, r.encoding,
             len(r.changes)) for r in results]


def _write_rows(folder: Path, index: int, table: Table, rows: Iterator[dict]) -> None:
    """Rows as the folder's part ``index``, written beside and renamed."""
    from ..outputs.parquet import ParquetWriter

    path = folder / f"part-{index:08d}.parquet"  # names sort in input order
    temp = path.with_suffix(".tmp")
    writer = ParquetWriter(temp, table)
    writer.write(rows)
    writer.close()
    os.replace(temp, path)


def _client(scheduler: str | None, workers: int) -> Client:
    if scheduler:
        return Client(scheduler)
    # Ctrl-C reaches every process of the terminal's group: the local workers ignore it (an
    # ignored signal stays ignored in a started process) and this process stops them
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None,
                               silence_logs=logging.ERROR)  # not a warning per cancelled task
    finally:
        signal.signal(signal.SIGINT, previous)
    return Client(cluster)


def _waves(numbered: Iterator[tuple[int, list]], size: int) -> Iterator[list[tuple[int, list]]]:
    """Numbered chunks, ``size`` at a time: the input is read a wave ahead, never whole."""
    while wave := list(islice(numbered, size)):
        yield wave


def _after_finished(numbered: Iterator[tuple[int, list]], manifest: Path, count: int,
                    folders: list[Path]) -> Iterator[tuple[int, list]]:
    """The chunks after the first ``count`` documents, which the manifest must list in
    order and whose parts must be in each of ``folders`` (facts, changes); parts of later
    chunks, written before the interruption, are removed before the first chunk is run
    again."""
    done, seen = read_done(manifest), 0
    for index, chunk in numbered:
        if seen >= count:
            for folder in folders:
                _remove_parts_from(folder, index)
            yield index, chunk
            yield from numbered
            return
        if seen + len(chunk) > count:
            raise ResumeError(f"the manifest ends inside partition {index}; "
                              "run again without --resume")
        for task in chunk:
            doc = next(done, (None,))[0]
            if doc != task.doc:
                raise ResumeError(f"input {seen + 1} is {task.doc!r} but the manifest has "
                                  f"{doc!r}: the inputs changed since the interrupted run")
            seen += 1
        for folder in folders:
            if not (folder / f"part-{index:08d}.parquet").exists():
                raise ResumeError(f"{folder.name}/part-{index:08d}.parquet of finished "
                                  "documents is missing")
    if seen < count:
        raise ResumeError(f"the manifest lists {count} documents, the inputs have {seen}")


def _remove_parts_from(folder: Path, first: int) -> None:
    for path in folder.iterdir():
        match = PART.fullmatch(path.name)
        if (match and int(match[1]) >= first) or path.suffix == ".tmp":
            path.unlink()


def _submit(client: Client, wave: list[tuple[int, list]], folders: list[Path],
            settings: Settings) -> list:
    bag = db.from_sequence(wave, npartitions=len(wave))
    changes = str(folders[1].resolve()) if len(folders) > 1 else None
    return client.compute(bag.map(write_part, folder=str(folders[0].resolve()),
                                  settings=tuple(settings), changes_folder=changes
                                  ).to_delayed())


def _collect(futures: list, progress: Progress) -> Iterator[tuple]:
    """The results of one wave in input order; progress and errors as partitions finish."""
    position = {future.key: i for i, future in enumerate(futures)}
    parts: list[list[tuple]] = [[] for _ in futures]
    for future, elements in as_completed(futures, with_results=True):
        part = [row for element in elements for row in element]  # one element a partition
        parts[position[future.key]] = part
        for _doc, name, status, reason, nbytes, facts, _seconds, _used, _changes in part:
            if status != "ok":
                progress.message(f"kazextract: {name}: {reason}")
            progress.done(nbytes, facts, status != "ok")
    for part in parts:
        yield from part


def _run(client: Client, options: BatchOptions, folders: list[Path], progress: Progress,
         manifest: ManifestWriter | None, previous: Done, stop: Stop) -> None:
    """Every wave on the cluster; the next wave is read and submitted before the results of
    the one before it are collected, so the cluster is not left waiting for the reader.
    After Ctrl-C (``stop``) no wave is submitted; the one on the cluster is collected."""
    numbered = enumerate(parallel.chunked(inputs.tasks(options.paths, options.inputs),
                                          parallel.CHUNK_DOCS, parallel.CHUNK_BYTES))
    if options.resume and options.manifest:
        numbered = _after_finished(numbered, options.manifest, previous.documents, folders)
    size = max(sum(client.nthreads().values()), 1) * CHUNKS_PER_THREAD
    pending: list = []
    for wave in _waves(numbered, size):
        if stop.requested:
            break
        submitted = _submit(client, wave, folders, options.settings)
        if pending:
            _write_manifest(_collect(pending, progress), manifest)
        pending = submitted
    if pending:
        _write_manifest(_collect(pending, progress), manifest)


def _write_manifest(results: Iterator[tuple], manifest: ManifestWriter | None) -> None:
    for doc, _name, status, reason, nbytes, facts, seconds, used, changes in results:
        if manifest is not None:
            manifest.write(doc, status, reason, nbytes, facts, seconds, used, changes)
    if manifest is not None:
        manifest.flush()


def _open_folders(options: BatchOptions, folders: list[tuple[Path, Path]]) -> str | None:
    """Prepare each partial folder of (output, partial) for the parts: empty for a new run,
    the interrupted run's (or the finished run's, moved back) for --resume. The reason it
    cannot, or None (checked for every folder before any is touched)."""
    if not options.resume:
        for _out, partial in folders:
            shutil.rmtree(partial, ignore_errors=True)
            partial.mkdir(parents=True)
        return None
    for out, partial in folders:
        if not partial.is_dir() and not out.is_dir():
            return f"{partial}: no interrupted run to go on from"
    for out, partial in folders:
        if not partial.is_dir():
            os.replace(out, partial)  # a finished run: every partition is kept
    return None


def _partial(out: Path) -> Path:
    return out.with_name(out.name + ".partial")


def run_dask(options: BatchOptions, scheduler: str | None) -> int:
    """Run the batch on Dask; the exit status as ``batch.run`` gives it."""
    if problem := refused_paths(options, folder_output=True):
        print(f"kazextract: {problem}", file=sys.stderr)
        return EXIT_USAGE
    outs = [Path(options.output), *([Path(options.changes)] if options.changes else [])]
    partials = [_partial(out) for out in outs]
    try:
        previous = previous_run(options)
    except ValueError as err:
        print(f"kazextract: cannot resume: {err}", file=sys.stderr)
        return EXIT_USAGE
    if reason := _open_folders(options, list(zip(outs, partials, strict=True))):
        print(f"kazextract: cannot resume: {reason}", file=sys.stderr)
        return EXIT_USAGE
    progress = Progress(options.quiet, count=lambda: inputs.count(options.paths),
                        skip=previous.documents)
    manifest = (ManifestWriter(options.manifest, append=previous.documents > 0)
                if options.manifest else None)
    client, stop = _client(scheduler, options.workers), Stop()
    try:
        with interrupts(stop):
            _run(client, options, partials, progress, manifest, previous, stop)
    except ResumeError as err:  # raised before any part or manifest row was written
        progress.message(f"kazextract: cannot resume: {err}")
        return EXIT_USAGE
    finally:
        client.close()
        if manifest is not None:
            manifest.close()
    if stop.requested:
        progress.summary("interrupted")
        again = " and the manifest; run again with --resume" if manifest else ""
        where = " and ".join(map(str, partials))
        progress.message(f"kazextract: stopped; finished work is in {where}{again}")
        return EXIT_INTERRUPTED
    for out, partial in zip(outs, partials, strict=True):
        if out.is_file():
            out.unlink()
        shutil.rmtree(out, ignore_errors=True)
        os.replace(partial, out)
    progress.summary()
    return EXIT_FAILED_INPUT if progress.errors or previous.errors else 0
