"""The Dask engine: the local engine's chunks of documents as a ``dask.bag``, each partition
run on a cluster worker by the same ``work.process`` and written there as one Parquet part
(``part-00000.parquet`` …, in input order). Only the manifest rows come back to this
process, which writes the manifest, reports errors and prints the summary.

Workers read ``.txt`` inputs themselves, so on a real cluster the paths must be visible to
them (a shared file system); records of JSONL/CSV files are read here and shipped.
Needs the ``dask`` extra: ``pip install 'kazextract[dask]'``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import dask.bag as db
from distributed import Client, LocalCluster, as_completed

from . import inputs, parallel
from .batch import EXIT_FAILED_INPUT, EXIT_INTERRUPTED, BatchOptions
from .facts import COLUMNS
from .manifest import ManifestWriter
from .progress import Progress
from .work import Result, process_chunk


def write_part(numbered: tuple[int, list], folder: str, encoding: str | None) -> list[tuple]:
    """Process one partition's documents, write their facts as a Parquet part; the results
    without their rows (doc, name, status, reason, bytes, facts, seconds, encoding)."""
    from .parquet import ParquetWriter

    index, tasks = numbered
    results = [Result(*r) for r in process_chunk(tasks, encoding)]
    path = Path(folder) / f"part-{index:05d}.parquet"
    temp = path.with_suffix(".tmp")
    writer = ParquetWriter(temp)
    for r in results:
        writer.write(dict(zip(COLUMNS, (r.doc, *row), strict=True)) for row in r.rows)
    writer.close()
    os.replace(temp, path)
    return [(r.doc, r.name, r.status, r.reason, r.nbytes, len(r.rows), r.seconds, r.encoding)
            for r in results]


def _client(scheduler: str | None, workers: int) -> Client:
    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None)
    return Client(cluster)


def _run(client: Client, chunks: list[list], folder: Path, encoding: str | None,
         progress: Progress) -> list[list[tuple]]:
    """Each partition's results, in input order; progress and errors as they complete."""
    if not chunks:
        return []
    bag = db.from_sequence(list(enumerate(chunks)), npartitions=len(chunks))
    futures = client.compute(bag.map(write_part, folder=str(folder.resolve()),
                                     encoding=encoding).to_delayed())
    position = {future.key: i for i, future in enumerate(futures)}
    parts: list[list[tuple]] = [[] for _ in futures]
    for future, elements in as_completed(futures, with_results=True):
        part = [row for element in elements for row in element]  # one element a partition
        parts[position[future.key]] = part
        for _doc, name, status, reason, nbytes, facts, _seconds, _used in part:
            if status != "ok":
                progress.message(f"kazextract: {name}: {reason}")
            progress.done(nbytes, facts, status != "ok")
    return parts


def run_dask(options: BatchOptions, scheduler: str | None) -> int:
    """Run the batch on Dask; the exit status as ``batch.run`` gives it."""
    out = Path(options.output)
    partial = out.with_name(out.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    chunks = list(parallel.chunked(inputs.tasks(options.paths, options.inputs),
                                   parallel.CHUNK_DOCS, parallel.CHUNK_BYTES))
    progress = Progress(options.quiet)
    progress.total = sum(len(c) for c in chunks)
    manifest = ManifestWriter(options.manifest) if options.manifest else None
    client = _client(scheduler, options.workers)
    try:
        parts = _run(client, chunks, partial, options.inputs.encoding, progress)
    except KeyboardInterrupt:
        client.close()
        progress.summary("interrupted")
        return EXIT_INTERRUPTED
    client.close()
    if manifest is not None:
        for part in parts:
            for doc, _name, status, reason, nbytes, facts, seconds, used in part:
                manifest.write(doc, status, reason, nbytes, facts, seconds, used)
        manifest.close()
    if out.is_file():
        out.unlink()
    shutil.rmtree(out, ignore_errors=True)
    os.replace(partial, out)
    progress.summary()
    return EXIT_FAILED_INPUT if progress.errors else 0
