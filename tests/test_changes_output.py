"""``kazextract extract --changes``: the changes file in every format, atomic, counted by the
manifest, resumed like the facts, the same whatever the engine and the number of workers.

Most tests run the change stand-in (tests/stand_in.py) while the grammar finds none; the
last ones run the real grammar on the seed article, whose gold has five changes."""

import csv
import io
import json

import pytest

from extract import find_changes
from extract.engines import parallel
from extract.facts import CHANGE_COLUMNS
from extract.outputs.parquet import read_rows
from extract.outputs.tables import CHANGES
from extract.outputs.writing import CsvWriter

from .conftest import REPO
from .stand_in import stand_in  # noqa: F401  (a fixture)
from .test_batch import (
    SEED,
    interrupt_after,
    make_archive,
    manifest_rows,
    run,
)

DECIMALS = "Бағасы 2,5 мың теңгеден 5 мың теңгеге өсті. Үлесі 12,5%-дан 10%-ға төмендеді.\n"
NUMBERS = ("from_value", "to_value", "by_value", "by_value_max", "factor")


def archive_with_decimals(tmp_path, count: int = 8):
    archive = make_archive(tmp_path / "in", count)
    (archive / "1" / "0001b.txt").write_text(DECIMALS, encoding="utf-8")
    return archive


def expected_rows(archive) -> list[dict]:
    """The changes of every document of ``archive``, in input order, as CSV rows."""
    rows = []
    for path in sorted(archive.rglob("*.txt")):
        doc = path.relative_to(archive).as_posix()
        rows += [{k: str(v) for k, v in c.row(doc).items()}
                 for c in find_changes(path.read_text(encoding="utf-8"))]
    return rows


def csv_rows(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def as_csv(rows) -> bytes:
    buffer = io.StringIO(newline="")
    CsvWriter(buffer, CHANGES).write(rows)
    return buffer.getvalue().encode()


# ---- the file ------------------------------------------------------------------------------

def test_changes_csv_holds_every_change_in_input_order(tmp_path, stand_in):  # noqa: F811
    archive = archive_with_decimals(tmp_path)
    facts, changes, manifest = tmp_path / "f.csv", tmp_path / "c.csv", tmp_path / "m.csv"
    result = run([archive, "-o", facts, "--changes", changes, "--manifest", manifest, "-q"])
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(changes)
    assert rows == expected_rows(archive) and len(rows) > 8
    assert list(rows[0]) == list(CHANGE_COLUMNS)
    assert {r["direction"] for r in rows} == {"up", "down"}
    counted = {r["doc"]: int(r["changes"]) for r in manifest_rows(manifest)}
    assert sum(counted.values()) == len(rows)
    assert counted["1/0001b.txt"] == 2
    assert facts.read_bytes() == run([archive, "-q"]).stdout.encode()  # facts as without
    assert not list(tmp_path.glob("*.partial"))


def test_changes_jsonl_is_typed(tmp_path, stand_in):  # noqa: F811
    archive = archive_with_decimals(tmp_path, 2)
    changes = tmp_path / "c.jsonl"
    assert run([archive, "-o", tmp_path / "f.csv", "--changes", changes, "-q"]).exit_code == 0
    records = [json.loads(line) for line in changes.read_text(encoding="utf-8").splitlines()]
    assert [list(r) for r in records] == [list(CHANGE_COLUMNS)] * len(records)
    by_span = {r["span"]: r for r in records}
    money = by_span["2,5 мың теңгеден 5 мың теңгеге"]
    assert (money["from_value"], money["to_value"], money["by_value"], money["factor"],
            money["by_value_max"]) == (2500, 5000, 2500, 2, None)
    share = by_span["12,5%-дан 10%-ға"]
    assert (share["from_value"], share["by_value"]) == (12.5, -2.5)
    assert isinstance(share["start"], int) and share["facts"] == f"{share['start']} " \
        f"{share['start'] + 10}"
    spread = by_span["15-25%-ке"]
    assert (spread["from_value"], spread["by_value"], spread["by_value_max"]) == (None, 15, 25)


def test_changes_parquet_is_typed_and_reads_back_to_the_same_csv(tmp_path, stand_in):  # noqa: F811
    pq = pytest.importorskip("pyarrow.parquet")
    archive = archive_with_decimals(tmp_path, 4)
    assert run([archive, "-o", tmp_path / "f.csv", "--changes", tmp_path / "c.csv",
                "-q"]).exit_code == 0
    assert run([archive, "-o", tmp_path / "f.parquet", "--changes", tmp_path / "c.parquet",
                "-q"]).exit_code == 0
    table = pq.read_table(tmp_path / "c.parquet")
    types = {field.name: str(field.type) for field in table.schema}
    assert types["start"] == types["end"] == "int64"
    assert all(types[name] == "double" and types[f"{name}_text"] == "string"
               for name in NUMBERS)
    assert table.column_names == [*CHANGE_COLUMNS, *(f"{n}_text" for n in NUMBERS)]
    row = next(r for r in table.to_pylist() if r["span"] == "12,5%-дан 10%-ға")
    assert (row["from_value"], row["by_value"], row["by_value_text"], row["factor"]) == (
        12.5, -2.5, "-2.5", None)
    assert as_csv(read_rows(tmp_path / "c.parquet", CHANGES)) == (tmp_path / "c.csv").read_bytes()


def test_changes_on_standard_output_and_facts_to_a_file(tmp_path, stand_in):  # noqa: F811
    archive = archive_with_decimals(tmp_path, 3)
    result = run([archive, "-o", tmp_path / "f.csv", "--changes", "-", "-q"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.encode() == as_csv(expected_rows(archive))
    jsonl = run([archive, "-o", tmp_path / "f.jsonl", "--changes", "-", "-q"])
    assert json.loads(jsonl.stdout.splitlines()[0])["doc"] == "0/0000.txt"  # the facts' format
    piped = run(["-", "--changes", tmp_path / "c.csv", "-q"], input=DECIMALS)
    assert piped.exit_code == 0 and "12,5%-дан" in piped.stdout  # the facts on stdout
    assert [r["doc"] for r in csv_rows(tmp_path / "c.csv")] == ["-", "-"]


def test_bad_changes_paths_are_one_line(tmp_path):
    archive = make_archive(tmp_path / "in", 2)
    facts = tmp_path / "f.csv"
    cases = [
        ([archive, "-o", facts, "--changes", tmp_path / "no" / "c.csv"],
         f"kazextract: {tmp_path / 'no' / 'c.csv'}: cannot write (No such file or directory)"),
        ([archive, "-o", facts, "--changes", facts], "--changes and -o name the same file"),
        ([archive, "-o", facts, "--manifest", tmp_path / "m.csv", "--changes",
          tmp_path / "m.csv"], "--changes and --manifest name the same file"),
        ([archive, "-o", facts, "--changes", tmp_path], "is a folder; --changes names"),
        ([archive, "-o", facts, "--changes", archive / "c.csv"], "inside the input folder"),
    ]
    for args, message in cases:
        result = run(args)
        assert result.exit_code == 2, args
        [line] = result.stderr.splitlines()
        assert line.startswith("kazextract: ") and message in line, line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]  # nothing written, not even f.csv
    for args, message in [([archive, "--changes", "-"], "cannot both go to standard output"),
                          ([archive, "--engine", "dask", "-o", tmp_path / "p",
                            "--changes", tmp_path / "c.csv"], "--changes FOLDER")]:
        result = run(args)
        assert result.exit_code == 2 and message in result.stderr, result.stderr


# ---- resume --------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_a_resumed_run_gives_the_changes_of_an_uninterrupted_one(tmp_path, monkeypatch, fmt,
                                                                 stand_in):  # noqa: F811
    archive = archive_with_decimals(tmp_path, 12)
    whole = tmp_path / f"whole_changes.{fmt}"
    assert run([archive, "-o", tmp_path / "whole.csv", "--changes", whole,
                "-q"]).exit_code == 0
    facts, changes, manifest = tmp_path / "f.csv", tmp_path / f"c.{fmt}", tmp_path / "m.csv"
    interrupt_after(monkeypatch, 6)
    first = run([archive, "-o", facts, "--changes", changes, "--manifest", manifest,
                 "--workers", 1])
    assert first.exit_code == 130
    assert f"{facts}.partial and {changes}.partial" in first.stderr
    assert not changes.exists()
    done = manifest_rows(manifest)
    assert len(done) == 6 and sum(int(r["changes"]) for r in done) > 0

    interrupt_after(monkeypatch, 10**9)
    second = run([archive, "-o", facts, "--changes", changes, "--manifest", manifest,
                  "--workers", 1, "--resume", "-q"])
    assert second.exit_code == 0, second.stderr
    assert not list(tmp_path.glob("*.partial*"))
    if fmt == "parquet":
        assert list(read_rows(changes, CHANGES)) == list(read_rows(whole, CHANGES))
    else:
        assert changes.read_bytes() == whole.read_bytes()
    assert facts.read_bytes() == (tmp_path / "whole.csv").read_bytes()


def test_resume_refuses_changes_it_cannot_continue(tmp_path, monkeypatch, stand_in):  # noqa: F811
    archive = archive_with_decimals(tmp_path, 8)
    facts, changes, manifest = tmp_path / "f.csv", tmp_path / "c.csv", tmp_path / "m.csv"
    interrupt_after(monkeypatch, 5)
    assert run([archive, "-o", facts, "--manifest", manifest, "--workers", 1]).exit_code == 130
    interrupt_after(monkeypatch, 10**9)
    # the interrupted run wrote no changes: they cannot be copied
    added = run([archive, "-o", facts, "--changes", changes, "--manifest", manifest, "--resume"])
    assert added.exit_code == 2
    assert added.stderr.splitlines() == [
        f"kazextract: cannot resume: {changes}.partial not found: nothing to resume from"]
    # a manifest written before the changes column
    lines = manifest.read_text(encoding="utf-8").splitlines()
    manifest.write_text("".join(line.rsplit(",", 1)[0] + "\n" for line in lines),
                        encoding="utf-8")
    old = run([archive, "-o", facts, "--manifest", manifest, "--resume"])
    assert old.exit_code == 2 and "has no changes column" in old.stderr
    assert len(old.stderr.splitlines()) == 1


def test_resuming_a_finished_run_needs_its_changes_complete(tmp_path, stand_in):  # noqa: F811
    archive = archive_with_decimals(tmp_path, 3)
    facts, changes, manifest = tmp_path / "f.csv", tmp_path / "c.csv", tmp_path / "m.csv"
    args = [archive, "-o", facts, "--changes", changes, "--manifest", manifest]
    assert run(args).exit_code == 0
    whole = changes.read_bytes()
    again = run([*args, "--resume"])
    assert again.exit_code == 0 and "nothing to resume" in again.stderr
    changes.rename(changes.with_name("c.csv.partial"))  # as if the run stopped before its end
    again = run([*args, "--resume", "-q"])
    assert again.exit_code == 0, again.stderr
    assert changes.read_bytes() == whole


# ---- workers and engines ---------------------------------------------------------------------

def test_changes_are_the_same_whatever_the_number_of_workers(tmp_path, monkeypatch,
                                                             stand_in):  # noqa: F811
    monkeypatch.setattr(parallel, "CHUNK_DOCS", 1)  # every document its own chunk
    archive = archive_with_decimals(tmp_path, 20)
    outputs = []
    for workers in (1, 2, 3):
        changes = tmp_path / f"c{workers}.csv"
        result = run([archive, "-o", tmp_path / f"f{workers}.csv", "--changes", changes,
                      "--workers", workers, "-q"])
        assert result.exit_code == 0, result.stderr
        outputs.append(changes.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0] == as_csv(expected_rows(archive))


def seed_archive(tmp_path, copies: int = 6):
    """The seed article, whose gold has five changes, several times over."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for i in range(copies):
        (folder / f"{i:02d}.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_the_real_grammars_changes_are_the_same_with_two_workers(tmp_path, monkeypatch):
    """No stand-in: the workers run the grammar as it is (no change found before it lands)."""
    monkeypatch.setattr(parallel, "CHUNK_DOCS", 1)
    archive = seed_archive(tmp_path)
    outputs = []
    for workers in (1, 2):
        changes = tmp_path / f"c{workers}.csv"
        assert run([archive, "-o", tmp_path / "f.csv", "--changes", changes, "--workers",
                    workers, "-q"]).exit_code == 0
        outputs.append(changes.read_bytes())
    assert outputs[0] == outputs[1] == as_csv(expected_rows(archive))


def gold_changes() -> list[dict]:
    with open(REPO / "gold" / "changes" / "000_283857b479cfea54.csv", encoding="utf-8",
              newline="") as f:
        return list(csv.DictReader(f))


SCORED = ("from_value", "to_value", "by_value", "factor", "direction")


def test_the_seeds_five_changes_are_in_the_changes_file(tmp_path):
    changes = tmp_path / "c.csv"
    assert run([SEED, "-o", tmp_path / "f.csv", "--changes", changes, "-q"]).exit_code == 0
    found = csv_rows(changes)
    gold = gold_changes()
    assert len(gold) == 5
    for want in gold:  # as kazextract eval counts a change: the span overlaps, values right
        assert any(int(got["start"]) < int(want["end"]) and int(want["start"]) < int(got["end"])
                   and all(got[k] == want[k] for k in SCORED) for got in found), want


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_every_facts_output_carries_the_period(tmp_path, fmt, stand_in):  # noqa: F811
    out = tmp_path / f"f.{fmt}"
    assert run([SEED, "-o", out, "-q"]).exit_code == 0
    if fmt == "csv":
        rows = csv_rows(out)
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    else:
        rows = list(read_rows(out))
        pq = pytest.importorskip("pyarrow.parquet")
        assert str(pq.read_schema(out).field("period").type) == "string"
    periods = {r["span"]: r["period"] for r in rows}
    assert (periods["29-орынға"], periods["Біріншісі"], periods["2019 жылы"]) == (
        "2020", "2017/2019", "")
    assert list(rows[0])[-2:] == ["period", "sentence"]
