"""Batch runs: inputs of every kind, the order guarantee across workers, the manifest,
bad input that never stops a batch, Ctrl-C and --resume, and the output formats."""

import csv
import errno
import gzip
import io
import json
import os
import random
import signal

import pytest
from click.testing import CliRunner

from extract.cli.main import main
from extract.engines import parallel, work
from extract.outputs.formats import journal_rows
from extract.outputs.parquet import read_rows
from extract.outputs.writing import CsvWriter
from extract.relations import document as pipeline
from extract.sources import documents

from .conftest import REPO

SEED = REPO / "seeds" / "000_283857b479cfea54.txt"
PARAGRAPHS = [p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]


def article(i: int) -> str:
    """Documents of different sizes, so that workers finish them out of order."""
    rng = random.Random(i)
    return "\n\n".join(rng.choice(PARAGRAPHS) for _ in range(rng.randint(1, 12))) + "\n"


def make_archive(folder, count: int):
    """The seed article, then ``count - 1`` articles of its paragraphs, in three folders."""
    folder.mkdir(exist_ok=True)
    (folder / "0").mkdir()
    (folder / "0" / "0000.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    for i in range(1, count):
        sub = folder / f"{i % 3}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:04d}.txt").write_text(article(i), encoding="utf-8")
    return folder


def run(args, **kwargs):
    return CliRunner().invoke(main, ["extract", *map(str, args)], **kwargs)


def manifest_rows(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines()
            if line and not line.startswith("kazextract: done:")]


# ---- order across workers --------------------------------------------------------------------

def test_output_is_byte_identical_whatever_the_number_of_workers(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_DOCS", 1)  # every document its own chunk
    archive = make_archive(tmp_path / "in", 40)
    outputs = []
    for workers in (1, 2, 3):
        out = tmp_path / f"w{workers}.csv"
        result = run([archive, "-o", out, "--workers", workers, "-q"])
        assert result.exit_code == 0, result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    docs = [row["doc"] for row in csv.DictReader(io.StringIO(outputs[0].decode()))]
    assert docs == sorted(docs) and len(set(docs)) > 20


@pytest.mark.parametrize("chunks_per_worker", [1000, 2])  # 2: workers are replaced often
def test_pool_results_come_in_input_order(monkeypatch, chunks_per_worker):
    monkeypatch.setattr(parallel, "CHUNK_DOCS", 2)
    monkeypatch.setattr(parallel, "CHUNKS_PER_WORKER", chunks_per_worker)
    tasks = [documents.Task(f"d{i}", f"d{i}", text=article(i), nbytes=1) for i in range(30)]
    results = list(parallel.run_local(iter(tasks), 2, parallel.Stop()))
    assert [r[0] for r in results] == [t.doc for t in tasks]
    assert all(r[2] == "ok" for r in results) and sum(len(r[5]) for r in results) > 30


@pytest.mark.parametrize("workers", [1, 2])
def test_inputs_are_streamed_with_a_bounded_number_in_flight(workers):
    pulled = {"n": 0}

    def endless():  # an input far larger than what may be held at once
        for i in range(10**6):
            pulled["n"] += 1
            yield documents.Task(f"d{i}", f"d{i}", text="Биыл 5 млн теңге бөлінді.", nbytes=40)

    results = parallel.run_local(endless(), workers, parallel.Stop())
    first = [next(results) for _ in range(100)]
    results.close()  # stops the pool
    assert [r[0] for r in first] == [f"d{i}" for i in range(100)]
    window = (workers * parallel.IN_FLIGHT_PER_WORKER + 2) * parallel.CHUNK_DOCS
    assert pulled["n"] <= 100 + window


# ---- inputs --------------------------------------------------------------------------------

def test_jsonl_and_csv_records_also_gzipped(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # files named one by one: the doc id is the path as given
    records = [{"id": "a1", "text": article(1)}, {"text": article(2)}, {"id": 7, "text": "x"}]
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"
    (tmp_path / "dump.jsonl").write_text(lines, encoding="utf-8")
    with gzip.open(tmp_path / "dump2.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(lines)
    with open(tmp_path / "export.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["url", "body"])
        writer.writerow(["u/1", article(3)])  # multi-line field: the id is the url
        writer.writerow(["", article(4)])  # no id: the line the record starts on
    manifest = tmp_path / "m.csv"
    result = run(["dump.jsonl", "dump2.jsonl.gz", "--manifest", manifest])
    assert result.exit_code == 0, result.stderr
    docs = [r["doc"] for r in manifest_rows(manifest)]
    assert docs == ["dump.jsonl#a1", "dump.jsonl#2", "dump.jsonl#7",
                    "dump2.jsonl.gz#a1", "dump2.jsonl.gz#2", "dump2.jsonl.gz#7"]
    result = run(["export.csv", "--text-field", "body", "--id-field", "url",
                  "--manifest", manifest])
    assert result.exit_code == 0, result.stderr
    start = 2 + article(3).count("\n") + 1
    assert [r["doc"] for r in manifest_rows(manifest)] == ["export.csv#u/1", f"export.csv#{start}"]
    assert {r["doc"] for r in csv.DictReader(io.StringIO(result.stdout))} <= {
        "export.csv#u/1", f"export.csv#{start}"}


def test_legacy_encoded_jsonl(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    line = json.dumps({"id": 1, "text": SEED.read_text(encoding="utf-8")}, ensure_ascii=False)
    (tmp_path / "kz.jsonl").write_bytes((line + "\n").encode("kz1048"))
    (tmp_path / "utf8.jsonl").write_bytes((line + "\n").encode("utf-8"))
    out = run(["kz.jsonl", "utf8.jsonl"])
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    kz = [r["span"] for r in rows if r["doc"] == "kz.jsonl#1"]
    assert kz and kz == [r["span"] for r in rows if r["doc"] == "utf8.jsonl#1"]


def test_glob_patterns_name_docs_like_folders(tmp_path):
    archive = make_archive(tmp_path / "in", 6)
    by_folder = run([archive, "-q"])
    by_glob = run([f"{archive}/**/*.txt", "-q"])
    assert by_glob.exit_code == 0
    assert by_glob.stdout == by_folder.stdout
    nothing = run([f"{archive}/**/*.md"])
    assert nothing.exit_code == 1 and "pattern matches no files" in nothing.stderr


# ---- bad input -----------------------------------------------------------------------------

def make_mixed_folder(folder):
    folder.mkdir()
    (folder / "a_good.txt").write_text(article(4), encoding="utf-8")
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (folder / "d_latin1.txt").write_bytes("Le budget a dépassé 5 millions".encode("latin-1"))
    (folder / "e_kz1048.txt").write_bytes(SEED.read_text(encoding="utf-8").encode("kz1048"))
    (folder / "sub").mkdir()
    (folder / "sub" / "f_bom.txt").write_bytes(article(5).encode("utf-8-sig"))
    (folder / "sub" / "g_whitespace.txt").write_text("\n  \n", encoding="utf-8")
    return folder


def test_manifest_of_a_mixed_folder_lists_every_file(tmp_path):
    folder = make_mixed_folder(tmp_path / "in")
    manifest = tmp_path / "m.csv"
    result = run([folder, "-o", tmp_path / "f.csv", "--manifest", manifest, "--workers", 2])
    assert result.exit_code == 1
    rows = {r["doc"]: r for r in manifest_rows(manifest)}
    assert sorted(rows) == sorted(p.relative_to(folder).as_posix()
                                  for p in folder.rglob("*.txt"))
    status = {doc: (r["status"], r["reason"].split(" ")[0]) for doc, r in rows.items()}
    assert status == {
        "a_good.txt": ("ok", ""), "b_empty.txt": ("error", "empty"),
        "c_binary.txt": ("error", "binary"), "d_latin1.txt": ("error", "not"),
        "e_kz1048.txt": ("ok", ""), "sub/f_bom.txt": ("ok", ""),
        "sub/g_whitespace.txt": ("error", "empty")}
    facts = csv.DictReader((tmp_path / "f.csv").open(encoding="utf-8"))
    counted = {}
    for row in facts:
        counted[row["doc"]] = counted.get(row["doc"], 0) + 1
    assert all(int(r["facts"]) == counted.get(doc, 0) for doc, r in rows.items())
    assert all(int(r["bytes"]) == (folder / doc).stat().st_size for doc, r in rows.items())


def test_bad_input_never_stops_a_batch_and_each_error_is_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_mixed_folder(tmp_path / "in")
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join([
        json.dumps({"id": "ok", "text": article(5)}, ensure_ascii=False),
        json.dumps({"id": "notext", "body": "x"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "number", "text": 42}),
        json.dumps({"id": "blank", "text": "  "}),
        json.dumps({"id": "ok2", "text": article(6)}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    broken_gz = tmp_path / "broken.jsonl.gz"
    broken_gz.write_bytes(gzip.compress(dump.read_bytes())[:-30])
    no_column = tmp_path / "nocol.csv"
    no_column.write_text("a,b\n1,2\n", encoding="utf-8")
    result = run(["in", "dump.jsonl", "broken.jsonl.gz", "nocol.csv", "missing.txt"])
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    lines = error_lines(result)
    assert all(line.startswith("kazextract: ") and line.count(": ") >= 2 for line in lines)
    expected = ["b_empty.txt", "c_binary.txt", "d_latin1.txt", "g_whitespace.txt",
                "dump.jsonl#notext: no 'text' field", "dump.jsonl#3: not valid JSON",
                "dump.jsonl#4: not a JSON object", "dump.jsonl#number: 'text' is not a string",
                "dump.jsonl#blank: empty text", "broken.jsonl.gz", "nocol.csv: no 'text' column",
                "missing.txt: no such file"]
    for part in expected:
        assert sum(part in line for line in lines) == 1, part
    assert len(lines) == len(expected)
    docs = {row["doc"] for row in csv.DictReader(io.StringIO(result.stdout))}
    assert {"a_good.txt", "e_kz1048.txt", "sub/f_bom.txt", "dump.jsonl#ok",
            "dump.jsonl#ok2"} <= docs


# ---- interruption and resume ---------------------------------------------------------------

def interrupt_after(monkeypatch, calls: int, once=None):
    """Make the Nth extraction in this process (or in a forked worker) press Ctrl-C:
    SIGINT to this process. With ``once`` (a path), only the first process to get there
    does (workers have a counter each)."""
    real = pipeline.find_related
    count = {"n": 0}
    parent = os.getpid()

    def find_related(text, relative_dates=False):
        count["n"] += 1
        if count["n"] == calls and _first(once):
            os.kill(parent, signal.SIGINT)
        return real(text, relative_dates)

    monkeypatch.setattr(work, "find_related", find_related)
    return count


def interrupted_run(tmp_path, monkeypatch, docs: int, after: int):
    """A run of ``docs`` documents to f.csv and m.csv, Ctrl-C at the ``after``-th; later
    runs in this test are not interrupted. (archive, out, manifest)."""
    archive = make_archive(tmp_path / "in", docs)
    out, manifest = tmp_path / "f.csv", tmp_path / "m.csv"
    interrupt_after(monkeypatch, after)
    assert run([archive, "-o", out, "--manifest", manifest, "--workers", 1]).exit_code == 130
    interrupt_after(monkeypatch, 10**9)
    return archive, out, manifest


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_interrupted_then_resumed_run_equals_an_uninterrupted_one(tmp_path, monkeypatch, fmt):
    archive = make_archive(tmp_path / "in", 12)
    whole, out, manifest = tmp_path / f"whole.{fmt}", tmp_path / f"f.{fmt}", tmp_path / "m.csv"
    assert run([archive, "-o", whole, "--workers", 1, "-q"]).exit_code == 0

    interrupt_after(monkeypatch, 5)
    first = run([archive, "-o", out, "--manifest", manifest, "--workers", 1])
    assert first.exit_code == 130
    assert "--resume" in first.stderr
    assert not out.exists()  # never a truncated file under the output's name
    done = manifest_rows(manifest)
    assert len(done) == 5  # the document being read when Ctrl-C came is finished
    partial = out.with_name(out.name + ".partial")
    assert sum(int(r["facts"]) for r in done) == _count_rows(partial, fmt)

    calls = interrupt_after(monkeypatch, 10**9)
    second = run([archive, "-o", out, "--manifest", manifest, "--workers", 1, "--resume"])
    assert second.exit_code == 0, second.stderr
    assert calls["n"] == 12 - 5  # finished documents are not redone
    assert not partial.exists()
    if fmt == "parquet":
        assert list(read_rows(out)) == list(read_rows(whole))
    else:
        assert out.read_bytes() == whole.read_bytes()
    assert [r["doc"] for r in manifest_rows(manifest)] == [
        p.relative_to(archive).as_posix() for p in sorted(archive.rglob("*.txt"))]


def _first(marker) -> bool:
    if marker is None:
        return True
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        return False
    return True


def _count_rows(path, fmt):
    if fmt == "parquet":  # OUT.partial of a Parquet run is its journal
        return sum(1 for _ in journal_rows(path))
    if fmt == "jsonl":
        return len(path.read_text(encoding="utf-8").splitlines())
    return sum(1 for _ in csv.DictReader(path.open(encoding="utf-8")))


def test_ctrl_c_stops_a_pool_cleanly_and_resume_finishes(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_DOCS", 2)
    archive = make_archive(tmp_path / "in", 60)
    whole, out, manifest = tmp_path / "whole.csv", tmp_path / "f.csv", tmp_path / "m.csv"
    assert run([archive, "-o", whole, "--workers", 1, "-q"]).exit_code == 0
    interrupt_after(monkeypatch, 3, once=tmp_path / "pressed")  # a forked worker signals us
    first = run([archive, "-o", out, "--manifest", manifest, "--workers", 2])
    assert first.exit_code == 130
    done = len(manifest_rows(manifest))
    assert done < 60  # 0 when Ctrl-C came before the first chunk reached this process
    interrupt_after(monkeypatch, 10**9)
    second = run([archive, "-o", out, "--manifest", manifest, "--workers", 2, "--resume"])
    assert second.exit_code == 0, second.stderr
    assert not done or f"resuming after {done} documents" in second.stderr
    assert out.read_bytes() == whole.read_bytes()
    assert len(manifest_rows(manifest)) == 60


def test_resume_refuses_changed_inputs(tmp_path, monkeypatch):
    archive, out, manifest = interrupted_run(tmp_path, monkeypatch, 6, 3)
    (archive / "0" / "0000.txt").rename(archive / "0" / "9999.txt")
    again = run([archive, "-o", out, "--manifest", manifest, "--resume"])
    assert again.exit_code == 2 and "cannot resume" in again.stderr
    assert "Traceback" not in again.stderr and not out.exists()
    assert len(manifest_rows(manifest)) == 3  # still resumable once the inputs are back
    (archive / "0" / "9999.txt").rename(archive / "0" / "0000.txt")
    assert run([archive, "-o", out, "--manifest", manifest, "--resume"]).exit_code == 0
    assert out.read_bytes() == run([archive, "-q"]).stdout.encode()


# ---- outputs -------------------------------------------------------------------------------

def test_parquet_is_typed_and_reads_back_to_the_same_csv(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    archive = make_archive(tmp_path / "in", 5)
    assert run([archive, "-o", tmp_path / "f.csv", "-q"]).exit_code == 0
    assert run([archive, "-o", tmp_path / "f.parquet", "-q"]).exit_code == 0
    table = pq.read_table(tmp_path / "f.parquet")
    types = {f.name: str(f.type) for f in table.schema}
    assert types["start"] == types["end"] == "int64"
    assert types["value"] == types["value_max"] == "double"
    assert types["value_text"] == "string"
    rows = table.to_pylist()
    dates = [r for r in rows if r["type"] == "DATE"]
    assert dates and all(r["value"] is None and r["value_text"] for r in dates)
    money = next(r for r in rows if r["span"] == "35 млрд теңге")
    assert money["value"] == 35e9 and money["value_text"] == "35000000000"
    buffer = io.StringIO(newline="")
    CsvWriter(buffer).write(read_rows(tmp_path / "f.parquet"))
    assert buffer.getvalue().encode() == (tmp_path / "f.csv").read_bytes()


def test_excel_csv_has_a_bom_and_jsonl_by_extension(tmp_path):
    assert run([SEED, "-o", tmp_path / "f.csv", "--excel", "-q"]).exit_code == 0
    assert (tmp_path / "f.csv").read_bytes().startswith(b"\xef\xbb\xbfdoc,start,end")
    assert run([SEED, "-o", tmp_path / "f.jsonl", "-q"]).exit_code == 0
    first = json.loads((tmp_path / "f.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert isinstance(first["start"], int)
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


def test_usage_errors(tmp_path):
    assert run([SEED, "--format", "parquet"]).exit_code == 2
    assert run([SEED, "--resume", "-o", tmp_path / "f.csv"]).exit_code == 2
    assert run([SEED, "--excel", "--format", "jsonl"]).exit_code == 2


# ---- progress ------------------------------------------------------------------------------

def test_summary_line_and_quiet(tmp_path):
    archive = make_archive(tmp_path / "in", 3)
    loud = run([archive, "-o", tmp_path / "f.csv"])
    [summary] = loud.stderr.splitlines()
    assert summary.startswith("kazextract: done: 3 documents, ")
    for part in ("facts", "0 errors", " s, ", "MB/s", "docs/s"):
        assert part in summary
    assert run([archive, "-o", tmp_path / "f.csv", "-q"]).stderr == ""


def test_progress_bar_on_a_terminal_and_lines_elsewhere(monkeypatch):
    from extract.engines import progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(progress, "REDRAW_EVERY", 0)
    monkeypatch.setattr(progress, "PLAIN_EVERY", 0)
    for stream, mark in ((Terminal(), "\r["), (io.StringIO(), "kazextract: ")):
        bar = progress.Progress(stream=stream, count=lambda: 4)
        bar.total = 4
        bar.done(1_000_000, 3, False)
        bar.message("kazextract: x: empty file")
        bar.done(1_000_000, 0, True)
        text = stream.getvalue()
        assert mark in text and "2/4 docs" in text and "MB/s" in text and "ETA" in text
        assert "kazextract: x: empty file\n" in text


def test_unwritable_output_or_manifest_is_one_line(tmp_path):
    missing = tmp_path / "no" / "such" / "folder"
    result = run([SEED, "-o", missing / "f.csv"])
    assert result.exit_code == 2 and "cannot write" in result.stderr
    result = run([SEED, "-o", tmp_path / "f.csv", "--manifest", missing / "m.csv"])
    assert result.exit_code == 2 and "m.csv" in result.stderr
    assert "Traceback" not in result.stderr and not list(tmp_path.glob("f.csv*"))


def test_relative_dates_flag_reaches_every_worker(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_DOCS", 1)  # each document in its own chunk
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.txt").write_text(f"Биыл {i + 1} млн теңге бөлінді.", encoding="utf-8")
    outputs = {}
    for workers, flag in ((1, []), (1, ["--relative-dates"]), (2, ["--relative-dates"])):
        out = tmp_path / f"{workers}{len(flag)}.csv"
        assert run([folder, "-o", out, "--workers", workers, "-q", *flag]).exit_code == 0
        outputs[workers, bool(flag)] = out.read_bytes()
    assert outputs[1, True] == outputs[2, True]
    spans = [row["span"] for row in csv.DictReader(io.StringIO(outputs[1, True].decode()))]
    assert spans == ["Биыл", "1 млн теңге", "Биыл", "2 млн теңге", "Биыл", "3 млн теңге",
                     "Биыл", "4 млн теңге"]
    plain = [row["span"] for row in csv.DictReader(io.StringIO(outputs[1, False].decode()))]
    assert "Биыл" not in plain and len(plain) == 4


# ---- a document that takes too long, a worker that dies ------------------------------------

def slow_article() -> str:
    """A real document that takes seconds (the seed a hundred times, about 330 KB)."""
    return SEED.read_text(encoding="utf-8") * 100


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_over_the_time_budget_is_an_error_row_and_the_batch_goes_on(
        tmp_path, monkeypatch, workers):
    monkeypatch.setattr(parallel, "CHUNK_DOCS", 2)  # several chunks: the pool is used
    archive = make_archive(tmp_path / "in", 8)
    reference = run([archive, "-q"]).stdout
    (archive / "1" / "0004b_slow.txt").write_text(slow_article(), encoding="utf-8")
    manifest = tmp_path / "m.csv"
    result = run([archive, "--manifest", manifest, "--workers", workers, "--timeout", 0.3])
    assert result.exit_code == 1
    rows = {r["doc"]: r for r in manifest_rows(manifest)}
    assert len(rows) == 9
    slow = rows.pop("1/0004b_slow.txt")
    assert (slow["status"], slow["reason"]) == ("error", "took longer than 0.3 s (--timeout)")
    assert float(slow["seconds"]) >= 0.3
    assert all(r["status"] == "ok" for r in rows.values())
    assert result.stdout == reference  # every other document's facts, in order
    assert error_lines(result) == [
        f"kazextract: {archive}/1/0004b_slow.txt: took longer than 0.3 s (--timeout)"]


def kill_worker_on(monkeypatch, marker: str, once=None):
    """Make the extraction of a text holding ``marker`` kill the process doing it, as the
    OOM killer would (with ``once``, a path: only the first time)."""
    real = pipeline.find_related

    def find_related(text, relative_dates=False):
        if marker in text and _first(once):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(text, relative_dates)

    monkeypatch.setattr(work, "find_related", find_related)


def pool_run(count: int) -> tuple[list[documents.Task], list[tuple]]:
    tasks = [documents.Task(f"d{i}", f"d{i}", text=article(i) + (" KILL" if i == 7 else ""),
                       nbytes=1) for i in range(count)]
    return tasks, list(parallel.run_local(iter(tasks), 2, parallel.Stop()))


def test_a_worker_killed_once_is_replaced_and_its_document_done_again(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_DOCS", 3)
    reference = [r[5] for r in pool_run(20)[1]]
    kill_worker_on(monkeypatch, "KILL", once=tmp_path / "killed")
    tasks, results = pool_run(20)
    assert (tmp_path / "killed").exists()
    assert [r[0] for r in results] == [t.doc for t in tasks]
    assert all(r[2] == "ok" for r in results)
    assert [r[5] for r in results] == reference


def test_a_document_that_kills_its_worker_twice_is_an_error_row(monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_DOCS", 3)
    kill_worker_on(monkeypatch, "KILL")
    tasks, results = pool_run(20)
    assert [r[0] for r in results] == [t.doc for t in tasks]
    assert [(r[0], r[2]) for r in results if r[2] != "ok"] == [("d7", "error")]
    assert results[7][3] == "the worker process was killed by SIGKILL: out of memory?"
    assert sum(len(r[5]) for r in results) > 20


# ---- what a run must not overwrite, and how it starts ---------------------------------------

def test_outputs_that_would_replace_an_input_are_refused_before_anything_is_read(tmp_path):
    archive = make_archive(tmp_path / "in", 3)
    article_file = archive / "1" / "0001.txt"
    before = article_file.read_bytes()
    cases = [
        ([article_file, "-o", article_file], "-o would overwrite the input"),
        ([article_file, "--manifest", article_file], "--manifest would overwrite the input"),
        ([archive, "-o", archive / "facts.csv"], "-o is inside the input folder"),
        ([archive, "--manifest", archive / "1" / "0001.txt"], "is inside the input folder"),
        ([f"{archive}/*/*.txt", "--manifest", article_file], "would overwrite the input"),
        ([archive, "-o", tmp_path / "f.csv", "--manifest", tmp_path / "f.csv"],
         "--manifest and -o name the same file"),
        ([archive, "-o", tmp_path / "f.csv", "--manifest", tmp_path / "f.csv.partial"],
         "--manifest and -o name the same file"),
        ([archive, "-o", tmp_path], "is a folder; -o names the output file"),
    ]
    for args, message in cases:
        result = run(args)
        assert result.exit_code == 2, args
        [line] = result.stderr.splitlines()
        assert line.startswith("kazextract: ") and message in line, line
    assert article_file.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]  # nothing written


def test_starting_afresh_says_so(tmp_path, monkeypatch):
    archive, out, manifest = interrupted_run(tmp_path, monkeypatch, 4, 2)
    again = run([archive, "-o", out, "--manifest", manifest])
    assert again.exit_code == 0
    assert f"{out}.partial of an interrupted run is replaced: starting afresh" in again.stderr
    assert out.read_bytes() == run([archive, "-q"]).stdout.encode()


def test_an_empty_manifest_left_by_an_early_kill_resumes_as_a_fresh_run(tmp_path):
    archive = make_archive(tmp_path / "in", 3)
    out, manifest = tmp_path / "f.csv", tmp_path / "m.csv"
    manifest.write_bytes(b"")
    (tmp_path / "f.csv.partial").write_text("doc,start,end,sp", encoding="utf-8")
    result = run([archive, "-o", out, "--manifest", manifest, "--resume"])
    assert result.exit_code == 0, result.stderr
    assert f"kazextract: {manifest} lists no finished document: starting afresh" in result.stderr
    assert out.read_bytes() == run([archive, "-q"]).stdout.encode()
    assert len(manifest_rows(manifest)) == 3


def test_resuming_a_finished_run_exits_0_and_says_so(tmp_path):
    archive = make_archive(tmp_path / "in", 3)
    (archive / "empty.txt").write_bytes(b"")
    out, manifest = tmp_path / "f.csv", tmp_path / "m.csv"
    assert run([archive, "-o", out, "--manifest", manifest]).exit_code == 1  # the empty file
    written, listed = out.stat().st_mtime_ns, manifest.read_bytes()
    again = run([archive, "-o", out, "--manifest", manifest, "--resume"])
    assert again.exit_code == 0
    assert again.stderr == (f"kazextract: nothing to resume: the 4 documents of {manifest} "
                            f"are done and {out} is complete\n")
    assert out.stat().st_mtime_ns == written and manifest.read_bytes() == listed


def test_a_changed_format_on_resume_is_refused(tmp_path, monkeypatch):
    archive = make_archive(tmp_path / "in", 5)
    out, manifest = tmp_path / "f.out", tmp_path / "m.csv"
    interrupt_after(monkeypatch, 3)
    first = run([archive, "-o", out, "--format", "jsonl", "--manifest", manifest, "--workers", 1])
    assert first.exit_code == 130
    interrupt_after(monkeypatch, 10**9)
    for fmt in ("csv", "parquet"):
        again = run([archive, "-o", out, "--format", fmt, "--manifest", manifest, "--resume"])
        assert again.exit_code == 2
        assert again.stderr == (f"kazextract: cannot resume: {out}.partial was written as "
                                f"jsonl, not {fmt} (--format jsonl goes on)\n")
    again = run([archive, "-o", out, "--format", "jsonl", "--manifest", manifest, "--resume"])
    assert again.exit_code == 0
    assert out.read_bytes() == run([archive, "--format", "jsonl", "-q"]).stdout.encode()


# ---- a full disk, and an interrupted copy of the finished rows ------------------------------

@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_full_disk_is_one_line_and_the_run_resumes(tmp_path, monkeypatch, fmt):
    """ENOSPC from a monkeypatched write (a real full disk, a small tmpfs, was tried by
    hand: the same line and a run that resumes byte-identically)."""
    from extract.outputs import writing

    archive = make_archive(tmp_path / "in", 12)
    whole, out, manifest = tmp_path / f"whole.{fmt}", tmp_path / f"f.{fmt}", tmp_path / "m.csv"
    assert run([archive, "-o", whole, "-q"]).exit_code == 0
    monkeypatch.setattr("extract.engines.batch.FLUSH_EVERY", 0)  # the manifest goes out as rows do
    real, calls = writing.CsvWriter.write, {"n": 0}

    def write(self, rows):
        calls["n"] += 1
        if calls["n"] == 8:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(self, rows)

    monkeypatch.setattr(writing.CsvWriter, "write", write)
    result = run([archive, "-o", out, "--manifest", manifest, "--workers", 1])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"kazextract: {out}.partial: cannot write (No space left on device); finished work "
        f"is in {out}.partial and {manifest}: run again with --resume when there is room")
    done = manifest_rows(manifest)
    assert 0 < len(done) < 12
    monkeypatch.setattr(writing.CsvWriter, "write", real)
    again = run([archive, "-o", out, "--manifest", manifest, "--resume", "-q"])
    assert again.exit_code == 0, again.stderr
    assert out.read_bytes() == whole.read_bytes()


def test_an_interrupted_copy_of_the_finished_rows_keeps_them(tmp_path, monkeypatch):
    from extract.outputs.formats import Output

    archive, out, manifest = interrupted_run(tmp_path, monkeypatch, 6, 4)
    real = Output.flush

    def flush(self, durable=False):  # Ctrl-C (or a kill) just before the copy is on disk
        if durable:
            raise KeyboardInterrupt
        return real(self, durable)

    monkeypatch.setattr(Output, "flush", flush)
    stopped = run([archive, "-o", out, "--manifest", manifest, "--resume"])
    assert stopped.exit_code == 130 and "Traceback" not in stopped.stderr
    assert (tmp_path / "f.csv.partial.previous").exists()
    monkeypatch.setattr(Output, "flush", real)
    again = run([archive, "-o", out, "--manifest", manifest, "--resume"])
    assert again.exit_code == 0, again.stderr
    assert out.read_bytes() == run([archive, "-q"]).stdout.encode()
    assert not list(tmp_path.glob("f.csv.*"))
