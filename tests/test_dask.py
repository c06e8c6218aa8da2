"""The Dask engine: the same facts as the local engine, on a distributed.LocalCluster."""

import csv
import io

import pytest
from click.testing import CliRunner

from extract import parallel
from extract.cli import main
from extract.parquet import read_rows
from extract.writing import CsvWriter

from .test_batch import make_archive, manifest_rows

distributed = pytest.importorskip("distributed")
dask_engine = pytest.importorskip("extract.dask_engine")


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_dask_engine_gives_the_local_engines_facts_byte_for_byte(tmp_path, monkeypatch,
                                                                   scheduler):
    monkeypatch.setattr(parallel, "CHUNK_DOCS", 4)  # several partitions …
    monkeypatch.setattr(dask_engine, "CHUNKS_PER_THREAD", 2)  # … in several waves
    archive = make_archive(tmp_path / "in", 14)
    (archive / "empty.txt").write_bytes(b"")
    local = {}
    for workers in (1, 2):
        out = tmp_path / f"w{workers}.csv"
        result = CliRunner().invoke(main, ["extract", str(archive), "-o", str(out),
                                           "--workers", str(workers), "-q"])
        assert result.exit_code == 1  # the empty file
        local[workers] = out.read_bytes()
    parts, manifest = tmp_path / "facts_parquet", tmp_path / "m.csv"
    result = CliRunner().invoke(main, ["extract", str(archive), "--engine", "dask",
                                       "--scheduler", scheduler, "-o", str(parts),
                                       "--manifest", str(manifest)])
    assert result.exit_code == 1, result.stderr
    assert "empty.txt: empty file" in result.stderr
    assert len(list(parts.glob("part-*.parquet"))) == 4  # 15 documents, 4 to a partition
    buffer = io.StringIO(newline="")
    CsvWriter(buffer).write(read_rows(parts))
    assert buffer.getvalue().encode() == local[1] == local[2]
    assert [r["doc"] for r in manifest_rows(manifest)] == sorted(
        p.relative_to(archive).as_posix() for p in archive.rglob("*.txt"))
    docs = {row["doc"] for row in csv.DictReader(io.StringIO(local[1].decode()))}
    assert len(docs) > 8
