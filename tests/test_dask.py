"""The Dask engine: the same facts as the local engine, on a distributed.LocalCluster."""

import csv
import io

import pytest
from click.testing import CliRunner

from extract.cli.main import main
from extract.engines import parallel
from extract.outputs.parquet import read_rows
from extract.outputs.tables import CHANGES
from extract.outputs.writing import CsvWriter

from .stand_in import stand_in  # noqa: F401  (a fixture)
from .test_batch import make_archive, manifest_rows
from .test_changes_output import seed_archive

distributed = pytest.importorskip("distributed")
dask_engine = pytest.importorskip("extract.engines.dask")


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


def _interrupt(parts, manifest, keep_docs: int) -> None:
    """Make a finished Dask run look interrupted: the parts back in OUT.partial, the
    manifest cut after ``keep_docs`` documents, the last part not written yet and a part
    the manifest does not cover yet left behind."""
    partial = parts.with_name(parts.name + ".partial")
    parts.rename(partial)
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    manifest.write_text("".join(lines[:1 + keep_docs]), encoding="utf-8")
    sorted(partial.glob("part-*.parquet"))[-1].unlink()
    (partial / "part-00000009.tmp").write_bytes(b"torn")


def _dask_run(archive, parts, manifest, scheduler, *extra):
    return CliRunner().invoke(main, ["extract", str(archive), "--engine", "dask",
                                     "--scheduler", scheduler, "-o", str(parts),
                                     "--manifest", str(manifest), "-q", *extra])


def test_dask_engine_resumes_an_interrupted_run(tmp_path, monkeypatch, scheduler):
    monkeypatch.setattr(parallel, "CHUNK_DOCS", 4)
    monkeypatch.setattr(dask_engine, "CHUNKS_PER_THREAD", 1)
    archive = make_archive(tmp_path / "in", 14)
    (archive / "empty.txt").write_bytes(b"")
    parts, manifest = tmp_path / "facts_parquet", tmp_path / "m.csv"
    assert _dask_run(archive, parts, manifest, scheduler).exit_code == 1
    full_rows = list(read_rows(parts))
    full_manifest = [(r["doc"], r["status"], r["facts"]) for r in manifest_rows(manifest)]

    _interrupt(parts, manifest, keep_docs=8)  # two of four partitions finished
    result = _dask_run(archive, parts, manifest, scheduler, "--resume")
    assert result.exit_code == 1, result.stderr  # empty.txt, in a partition run again
    assert list(read_rows(parts)) == full_rows
    assert [(r["doc"], r["status"], r["facts"]) for r in manifest_rows(manifest)] == full_manifest
    assert not parts.with_name(parts.name + ".partial").exists()
    assert sorted(p.name for p in parts.iterdir()) == [f"part-{i:08d}.parquet" for i in range(4)]


def test_dask_resume_refuses_what_it_cannot_continue(tmp_path, monkeypatch, scheduler):
    monkeypatch.setattr(parallel, "CHUNK_DOCS", 4)
    archive = make_archive(tmp_path / "in", 10)
    parts, manifest = tmp_path / "facts_parquet", tmp_path / "m.csv"
    assert _dask_run(archive, parts, manifest, scheduler).exit_code == 0
    _interrupt(parts, manifest, keep_docs=6)  # the manifest ends inside the second partition
    result = _dask_run(archive, parts, manifest, scheduler, "--resume")
    assert result.exit_code == 2
    assert "ends inside partition 1" in result.stderr
    (archive / "0" / "0000.txt").unlink()  # and the inputs changed
    result = _dask_run(archive, parts, manifest, scheduler, "--resume")
    assert result.exit_code == 2 and "the inputs changed" in result.stderr


def test_dask_resume_of_a_finished_run_keeps_every_part(tmp_path, monkeypatch, scheduler):
    monkeypatch.setattr(parallel, "CHUNK_DOCS", 4)
    archive = make_archive(tmp_path / "in", 6)
    parts, manifest = tmp_path / "facts_parquet", tmp_path / "m.csv"
    assert _dask_run(archive, parts, manifest, scheduler).exit_code == 0
    rows, listed = list(read_rows(parts)), manifest.read_text(encoding="utf-8")
    result = _dask_run(archive, parts, manifest, scheduler, "--resume")
    assert result.exit_code == 0, result.stderr
    assert list(read_rows(parts)) == rows and manifest.read_text(encoding="utf-8") == listed


class _StopAfterOneWave(parallel.Stop):
    """Ctrl-C as the second wave is about to be submitted."""

    def __init__(self) -> None:
        self.asked = 0

    @property
    def requested(self) -> bool:
        self.asked += 1
        return self.asked > 1


def test_dask_ctrl_c_keeps_the_finished_waves_for_resume(tmp_path, monkeypatch, scheduler):
    monkeypatch.setattr(parallel, "CHUNK_DOCS", 4)
    monkeypatch.setattr(dask_engine, "CHUNKS_PER_THREAD", 1)  # one chunk a wave here
    archive = make_archive(tmp_path / "in", 10)
    parts, manifest = tmp_path / "facts_parquet", tmp_path / "m.csv"
    monkeypatch.setattr(dask_engine, "Stop", _StopAfterOneWave)
    result = _dask_run(archive, parts, manifest, scheduler)
    assert result.exit_code == 130
    assert "run again with --resume" in result.stderr
    assert len(manifest_rows(manifest)) == 4  # the first wave, collected after the stop
    monkeypatch.setattr(dask_engine, "Stop", parallel.Stop)
    assert _dask_run(archive, parts, manifest, scheduler, "--resume").exit_code == 0
    assert len(manifest_rows(manifest)) == 10
    reference = tmp_path / "reference"
    assert _dask_run(archive, reference, tmp_path / "m2.csv", scheduler).exit_code == 0
    assert list(read_rows(parts)) == list(read_rows(reference))


def test_dask_engine_passes_relative_dates(tmp_path, scheduler):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Биыл 5 млн теңге бөлінді.", encoding="utf-8")
    parts, manifest = tmp_path / "facts_parquet", tmp_path / "m.csv"
    assert _dask_run(folder, parts, manifest, scheduler, "--relative-dates").exit_code == 0
    assert [row["span"] for row in read_rows(parts)] == ["Биыл", "5 млн теңге"]


# ---- changes ---------------------------------------------------------------------------------

def _local_changes(tmp_path, archive) -> bytes:
    changes = tmp_path / "local_changes.csv"
    result = CliRunner().invoke(main, ["extract", str(archive), "-o", str(tmp_path / "l.csv"),
                                       "--changes", str(changes), "--workers", "1", "-q"])
    assert result.exit_code in (0, 1), result.stderr
    return changes.read_bytes()


def _changes_csv(folder) -> bytes:
    buffer = io.StringIO(newline="")
    CsvWriter(buffer, CHANGES).write(read_rows(folder, CHANGES))
    return buffer.getvalue().encode()


def test_dask_writes_the_local_engines_changes(tmp_path, monkeypatch, scheduler, stand_in):  # noqa: F811
    monkeypatch.setattr(parallel, "CHUNK_DOCS", 4)
    monkeypatch.setattr(dask_engine, "CHUNKS_PER_THREAD", 2)
    archive = make_archive(tmp_path / "in", 14)
    parts, changes, manifest = tmp_path / "facts", tmp_path / "changes", tmp_path / "m.csv"
    result = _dask_run(archive, parts, manifest, scheduler, "--changes", str(changes))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in changes.iterdir()) == [f"part-{i:08d}.parquet"
                                                         for i in range(4)]
    local = _local_changes(tmp_path, archive)
    assert _changes_csv(changes) == local and local.count(b"\n") > 10
    assert sum(int(r["changes"]) for r in manifest_rows(manifest)) == local.count(b"\n") - 1


def test_dask_resumes_the_changes_too(tmp_path, monkeypatch, scheduler, stand_in):  # noqa: F811
    monkeypatch.setattr(parallel, "CHUNK_DOCS", 4)
    monkeypatch.setattr(dask_engine, "CHUNKS_PER_THREAD", 1)
    archive = make_archive(tmp_path / "in", 14)
    parts, changes, manifest = tmp_path / "facts", tmp_path / "changes", tmp_path / "m.csv"
    args = ("--changes", str(changes))
    assert _dask_run(archive, parts, manifest, scheduler, *args).exit_code == 0
    full = _changes_csv(changes)
    _interrupt(parts, manifest, keep_docs=8)
    partial = changes.with_name("changes.partial")
    changes.rename(partial)
    sorted(partial.glob("part-*.parquet"))[-1].unlink()
    (partial / "part-00000003.parquet").write_bytes(b"not a part")  # run again, replaced
    result = _dask_run(archive, parts, manifest, scheduler, *args, "--resume")
    assert result.exit_code == 0, result.stderr
    assert _changes_csv(changes) == full and not partial.exists()
    # a finished run resumed with a changes folder it never wrote cannot go on
    result = _dask_run(archive, parts, manifest, scheduler, "--changes",
                       str(tmp_path / "other"), "--resume")
    assert result.exit_code == 2 and "no interrupted run to go on from" in result.stderr


def test_dask_and_the_real_grammar_give_the_local_changes(tmp_path, scheduler):
    """No stand-in: the seed article (five changes in its gold) through both engines."""
    archive = seed_archive(tmp_path, 3)
    parts, changes = tmp_path / "facts", tmp_path / "changes"
    result = _dask_run(archive, parts, tmp_path / "m.csv", scheduler, "--changes", str(changes))
    assert result.exit_code == 0, result.stderr
    assert _changes_csv(changes) == _local_changes(tmp_path, archive)
