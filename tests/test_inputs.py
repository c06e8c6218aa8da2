"""Every input named or found reaches the manifest exactly once, each file is read once, and
bad record files are reported as what they are (issue 13, items 3, 7 and 8)."""

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Бағдарламаға 35 млрд теңге бөлінді.\n"


def run(args, **kwargs):
    return CliRunner().invoke(main, ["extract", *map(str, args)], **kwargs)


def manifest_of(args, tmp_path):
    manifest = tmp_path / "manifest.csv"
    result = run([*args, "--manifest", manifest, "-q"])
    assert "Traceback" not in result.output
    with manifest.open(encoding="utf-8", newline="") as f:
        return result, {row["doc"]: row for row in csv.DictReader(f)}, manifest


def rows_of(result):
    return list(csv.DictReader(io.StringIO(result.stdout)))


def error_lines(result):
    return [line for line in result.stderr.splitlines()
            if line and not line.startswith("kazextract: done:")]


def test_named_pipe_and_dangling_link_in_a_folder_or_glob_get_a_row(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    for given in (folder, f"{folder}/*.txt"):
        result, rows, _ = manifest_of([given], tmp_path)
        assert result.exit_code == 1
        assert sorted(rows) == ["a.txt", "gone.txt", "pipe.txt"]
        assert "named pipe" in rows["pipe.txt"]["reason"]
        assert "dangling symbolic link" in rows["gone.txt"]["reason"]


def test_a_named_pipe_named_on_the_command_line_is_read(tmp_path):
    pipe = tmp_path / "fifo"
    os.mkfifo(pipe)

    def write() -> None:
        with open(pipe, "w", encoding="utf-8") as f:
            f.write(GOOD)

    writer = threading.Thread(target=write)
    writer.start()
    result = run([pipe, "--workers", 1])
    writer.join(timeout=10)
    assert result.exit_code == 0, result.stderr
    assert [r["span"] for r in rows_of(result)] == ["35 млрд теңге"]


def test_folder_and_glob_both_follow_a_linked_folder_and_a_loop_reads_each_file_once(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(GOOD, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text(GOOD, encoding="utf-8")
    (folder / "linked").symlink_to(elsewhere, target_is_directory=True)
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    by_folder, folder_rows, _ = manifest_of([folder], tmp_path)
    by_glob, glob_rows, _ = manifest_of([f"{folder}/**/*.txt"], tmp_path)
    assert by_folder.exit_code == by_glob.exit_code == 0
    assert list(folder_rows) == list(glob_rows) == ["linked/b.txt", "sub/a.txt"]
    assert by_folder.stdout == by_glob.stdout


def test_a_file_named_twice_is_read_once_and_reported(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(GOOD, encoding="utf-8")
    result, rows, _ = manifest_of([good, good], tmp_path)
    assert len(rows_of(result)) == 1
    assert result.exit_code == 1 and len(error_lines(result)) == 1
    assert "the same file" in error_lines(result)[0]


def test_same_file_name_in_two_folders_gives_two_doc_ids(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("x", "y"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "report.txt").write_text(GOOD, encoding="utf-8")
    result = run(["x/report.txt", "y/report.txt"])
    assert result.exit_code == 0
    assert [r["doc"] for r in rows_of(result)] == ["x/report.txt", "y/report.txt"]


def test_empty_blank_and_header_only_dumps_each_get_a_row(tmp_path):
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_text("\n  \n\n", encoding="utf-8")
    (tmp_path / "header.csv").write_text("id,text\n", encoding="utf-8")
    names = [tmp_path / n for n in ("empty.jsonl", "blank.jsonl", "header.csv")]
    result, rows, _ = manifest_of(names, tmp_path)
    assert result.exit_code == 1
    assert sorted(rows) == sorted(map(str, names))
    assert all(row["status"] == "error" for row in rows.values())
    assert "header" in rows[str(tmp_path / "header.csv")]["reason"]


def test_duplicate_jsonl_ids_get_distinct_docs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lines = [json.dumps({"id": "a", "text": GOOD}, ensure_ascii=False)] * 3
    (tmp_path / "d.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, rows, _ = manifest_of(["d.jsonl"], tmp_path)
    assert result.exit_code == 0
    assert list(rows) == ["d.jsonl#a", "d.jsonl#a@2", "d.jsonl#a@3"]


def test_one_bad_byte_rejects_only_its_record(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    good = json.dumps({"id": "ok", "text": GOOD}, ensure_ascii=False).encode()
    bad = json.dumps({"id": "bad", "text": "Құны 5 теңге X"}, ensure_ascii=False).encode()
    bad = bad.replace(b"X", b"\xff")
    (tmp_path / "d.jsonl").write_bytes(b"\n".join([good, bad, good.replace(b"ok", b"ok2")]))
    with (tmp_path / "d.csv").open("wb") as f:
        f.write(b"id,text\nok,\"" + GOOD.encode() + b"\"\nbad,\"\xff 5\"\nok2,\"" +
                GOOD.encode() + b"\"\n")
    result, rows, _ = manifest_of(["d.jsonl", "d.csv"], tmp_path)
    status = {doc: row["status"] for doc, row in rows.items()}
    assert status == {"d.jsonl#ok": "ok", "d.jsonl#bad": "error", "d.jsonl#ok2": "ok",
                      "d.csv#ok": "ok", "d.csv#bad": "error", "d.csv#ok2": "ok"}
    assert "not utf-8" in rows["d.jsonl#bad"]["reason"]


def test_text_null_says_so(tmp_path):
    (tmp_path / "d.jsonl").write_text('{"id": 1, "text": null}\n{"id": 2, "text": "x 5 y"}\n',
                                      encoding="utf-8")
    result = run([tmp_path / "d.jsonl"])
    assert error_lines(result) == [f"kazextract: {tmp_path / 'd.jsonl'}#1: 'text' is null"]


def test_unclosed_csv_quote_is_reported(tmp_path):
    lines = ["id,text"] + [f'{i},"Биыл {i} млн теңге бөлінді."' for i in range(1, 50)]
    lines[10] = '10,"Биыл 10 млн теңге бөлінді.'  # the closing quote is lost
    lines[20] = '20,Биыл 12" экран 20 млн теңге.'  # an inch mark: odd, but on one line
    path = tmp_path / "broken.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, rows, _ = manifest_of([path], tmp_path)
    assert result.exit_code == 1
    assert len(rows) == 48  # 49 records, 10 and 11 run together
    failed = {doc: row["reason"] for doc, row in rows.items() if row["status"] != "ok"}
    assert failed == {f"{path}#10": "unbalanced quotes in the file: lines 11-12 run together "
                                    "into this record (a quote on line 11 is never closed)"}
    at_the_end = tmp_path / "end.csv"
    at_the_end.write_text('id,text\n1,"a 5 b"\n2,"unclosed 6\n3,"x 7"\n4,y 8\n',
                          encoding="utf-8")
    result, rows, _ = manifest_of([at_the_end], tmp_path)
    assert [row["status"] for row in rows.values()] == ["ok", "error", "ok"]
    assert "lines 3-4 run together" in rows[f"{at_the_end}#2"]["reason"]


def test_text_and_id_field_per_input(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open("export.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["url", "body"], ["u/1", GOOD]])
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": 3, "text": GOOD}) + "\n",
                                      encoding="utf-8")
    (tmp_path / "odd:name.txt").write_text(GOOD, encoding="utf-8")  # exists: never split
    result = run(["export.csv:body:url", "d.jsonl", "odd:name.txt"])
    assert result.exit_code == 0, result.stderr
    assert [r["doc"] for r in rows_of(result)] == ["export.csv#u/1", "d.jsonl#3",
                                                  "odd:name.txt"]
    only_text = run(["export.csv:body"])
    assert [r["doc"] for r in rows_of(only_text)] == ["export.csv#2"]
    windows = run(["C:\\data\\export.csv", "nothere.csv:body:url"])  # never split apart
    assert error_lines(windows) == ["kazextract: C:\\data\\export.csv: no such file or folder",
                                    "kazextract: nothere.csv:body:url: no such file or folder"]


def test_a_dump_without_the_field_is_one_line(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text("".join(json.dumps({"id": i, "body": GOOD}) + "\n" for i in range(500)),
                    encoding="utf-8")
    result, rows, _ = manifest_of([path], tmp_path)
    lines = error_lines(CliRunner().invoke(main, ["extract", str(path)]))
    assert len(lines) == 1
    assert "no record has a 'text' field (500 records; fields: id, body)" in lines[0]
    assert list(rows) == [str(path)]


def test_a_dump_without_the_field_and_with_a_broken_line(tmp_path):
    path = tmp_path / "d.jsonl"
    lines = [json.dumps({"id": i, "body": GOOD}) for i in range(5)]
    lines.insert(2, "{broken")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, rows, _ = manifest_of([path], tmp_path)
    assert list(rows) == [f"{path}#3", str(path)]
    assert rows[str(path)]["reason"].startswith("no record has a 'text' field (5 records")


def test_a_field_missing_in_some_records_only_reports_those(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": 1, "body": "x"}) + "\n" +
                    json.dumps({"id": 2, "text": GOOD}) + "\n", encoding="utf-8")
    result, rows, _ = manifest_of([path], tmp_path)
    assert [row["status"] for row in rows.values()] == ["error", "ok"]


def test_folder_of_dumps_suggests_the_glob(tmp_path):
    (tmp_path / "dumps").mkdir()
    (tmp_path / "dumps" / "a.jsonl.gz").write_bytes(b"")
    (tmp_path / "dumps" / "b.csv").write_text("id,text\n", encoding="utf-8")
    result = run([tmp_path / "dumps"])
    assert error_lines(result) == [
        f"kazextract: {tmp_path / 'dumps'}: folder has no .txt files; for the record files "
        f"in it pass '{tmp_path / 'dumps'}/**/*.csv' '{tmp_path / 'dumps'}/**/*.jsonl.gz'"]


def without_dac_override() -> list[str]:
    """A prefix that runs a command subject to file permissions: as is for a user; for root
    (whom permissions do not stop) setpriv drops the capabilities that bypass them."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root bypasses permissions and setpriv is not installed")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def test_a_folder_without_permission_is_not_a_folder_without_txt(tmp_path):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "locked" / "b.txt").write_text(GOOD, encoding="utf-8")
    manifest = tmp_path / "m.csv"
    (folder / "locked").chmod(0)
    try:
        done = subprocess.run(
            [*without_dac_override(), sys.executable, "-c", "from extract.cli.main import main; "
             "main()", "extract", str(folder / "locked"), str(folder), "--manifest",
             str(manifest), "-q"], capture_output=True, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        (folder / "locked").chmod(0o755)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    with manifest.open(encoding="utf-8", newline="") as f:
        rows = {row["doc"]: (row["status"], row["reason"]) for row in csv.DictReader(f)}
    assert rows == {str(folder / "locked"): ("error", "cannot read folder (Permission denied)"),
                    "a.txt": ("ok", ""),
                    "locked": ("error", "cannot read folder (Permission denied)")}
