"""Hard kills of a real ``kazextract extract`` process: SIGKILL of the parent during a run
and during a resume, SIGKILL of a worker, with CSV and Parquet output. Each ends in an
output byte-identical with that of an uninterrupted run.

The killed runs are subprocesses of the code under test (the repository root on sys.path);
the reference and the final resumes run in this process (CliRunner), which has the pipeline
loaded already. A kill comes once the manifest lists some documents, so it always lands in
the middle of the work.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.cli.main import main

from .conftest import REPO
from .test_batch import SEED, manifest_rows

DOCS = 30  # chunks of two or three (256 KB): a kill after three more rows lands mid-run
LAUNCH = [sys.executable, "-c", "from extract.cli.main import entry; entry()", "extract"]
pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def corpus(folder: Path) -> Path:
    """Documents of about 130 KB (a tenth of a second and more each): a run, and a resume,
    last several of the one-second flushes of the manifest, so a kill lands mid-run."""
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for i in range(DOCS):
        (folder / f"{i:03d}.txt").write_text(text * (20 + i % 3), encoding="utf-8")
    return folder


def start(*args) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([*LAUNCH, *map(str, args)], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def listed(manifest: Path) -> int:
    try:
        return len(manifest_rows(manifest))
    except (OSError, ValueError):
        return 0


def wait_for_rows(process: subprocess.Popen, manifest: Path, rows: int) -> None:
    deadline = time.monotonic() + 120
    while listed(manifest) < rows:
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "the run never got going"
        time.sleep(0.05)


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def kill_parent(process: subprocess.Popen) -> str:
    """SIGKILL the run; its workers must go with it, quietly. Its stderr."""
    workers = children(process.pid)
    process.kill()
    _, stderr = process.communicate()
    deadline = time.monotonic() + 10
    while any(map(running, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(running, workers)), "a worker outlived the killed parent"
    assert "Traceback" not in stderr
    return stderr


def extract(*args) -> None:
    result = CliRunner().invoke(main, ["extract", *map(str, args)])
    assert result.exit_code == 0, result.stderr


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return corpus(tmp_path_factory.mktemp("kill") / "in")


@pytest.fixture(scope="module", params=["csv", "parquet"])
def whole(request, archive):
    """The output of an uninterrupted run."""
    path = archive.parent / f"whole.{request.param}"
    extract(archive, "-o", path, "--workers", 1, "-q")
    return path


@pytest.fixture
def run_files(archive, whole, tmp_path):
    return archive, whole, tmp_path / f"f{whole.suffix}", tmp_path / "m.csv"


def test_sigkill_of_the_parent_during_a_run_resumes_byte_identical(run_files):
    archive, whole, out, manifest = run_files
    process = start(archive, "-o", out, "--manifest", manifest, "--workers", 2, "-q")
    wait_for_rows(process, manifest, 3)
    kill_parent(process)
    assert not out.exists() and listed(manifest) < DOCS
    extract(archive, "-o", out, "--manifest", manifest, "--workers", 2, "--resume", "-q")
    assert out.read_bytes() == whole.read_bytes()
    assert listed(manifest) == DOCS


def test_sigkill_of_the_parent_during_a_resume_resumes_byte_identical(run_files):
    archive, whole, out, manifest = run_files
    args = (archive, "-o", out, "--manifest", manifest, "--workers", 2, "-q")
    first = start(*args)
    wait_for_rows(first, manifest, 3)
    kill_parent(first)
    done = listed(manifest)
    resumed = start(*args, "--resume")
    wait_for_rows(resumed, manifest, done + 3)
    kill_parent(resumed)
    assert not out.exists() and listed(manifest) < DOCS
    extract(*args, "--resume")
    assert out.read_bytes() == whole.read_bytes()
    assert listed(manifest) == DOCS


def test_sigkill_of_a_worker_costs_nothing(run_files):
    archive, whole, out, manifest = run_files
    process = start(archive, "-o", out, "--manifest", manifest, "--workers", 2)
    wait_for_rows(process, manifest, 3)
    workers = children(process.pid)
    assert len(workers) == 2
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert out.read_bytes() == whole.read_bytes()
    rows = manifest_rows(manifest)
    assert len(rows) == DOCS and all(r["status"] == "ok" for r in rows)


def start_on_a_long_document(tmp_path, workers: int) -> tuple[subprocess.Popen, Path]:
    """A run (no --timeout) that has just begun a document taking many seconds."""
    import json

    small = SEED.read_text(encoding="utf-8")
    records = ["{not json", json.dumps({"id": "long", "text": small * 300}, ensure_ascii=False)]
    records += [json.dumps({"id": i, "text": small}, ensure_ascii=False) for i in range(70)]
    dump, manifest = tmp_path / "dump.jsonl", tmp_path / "m.csv"
    dump.write_text("\n".join(records) + "\n", encoding="utf-8")
    process = start(dump, "-o", tmp_path / "f.csv", "--manifest", manifest,
                    "--workers", workers, "--timeout", 0)
    line = process.stderr.readline()  # the first record's error: the long one is next
    assert line.startswith(f"kazextract: {dump}#1: not valid JSON")
    return process, manifest


def test_a_second_ctrl_c_exits_130_quietly(tmp_path):
    process, manifest = start_on_a_long_document(tmp_path, 1)
    process.send_signal(signal.SIGINT)
    time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and stderr.endswith("kazextract: stopped; finished work "
                                                         f"is in {tmp_path / 'f.csv.partial'} "
                                                         "and the manifest; run again with "
                                                         "--resume\n")


@pytest.mark.parametrize("workers", [1, 2])
def test_the_first_sigterm_stops_a_run_stuck_on_a_long_document(tmp_path, workers):
    """The run is on a document that takes many seconds (no --timeout): one SIGTERM stops
    it without waiting for that document, which is left for --resume."""
    process, manifest = start_on_a_long_document(tmp_path, workers)
    time.sleep(1.5)  # longer than a stop waits for the document at hand
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "run again with --resume" in stderr
    # a file named by itself keeps the path as given
    assert [r["doc"] for r in manifest_rows(manifest)] == [f"{tmp_path / 'dump.jsonl'}#1"]


def test_sigkill_of_a_run_with_changes_resumes_both_files_byte_identical(archive, tmp_path):
    """The changes file is flushed with the facts before each manifest update, so a kill
    and a resume give the changes of an uninterrupted run (the seed has five changes in its
    gold: this bites once the change grammar finds them)."""
    whole_facts, whole_changes = tmp_path / "whole.csv", tmp_path / "whole_changes.jsonl"
    extract(archive, "-o", whole_facts, "--changes", whole_changes, "--workers", 1, "-q")
    out, changes, manifest = tmp_path / "f.csv", tmp_path / "c.jsonl", tmp_path / "m.csv"
    args = (archive, "-o", out, "--changes", changes, "--manifest", manifest, "--workers", 2,
            "-q")
    process = start(*args)
    wait_for_rows(process, manifest, 3)
    kill_parent(process)
    assert not out.exists() and not changes.exists() and listed(manifest) < DOCS
    extract(*args, "--resume")
    assert out.read_bytes() == whole_facts.read_bytes()
    assert changes.read_bytes() == whole_changes.read_bytes()
