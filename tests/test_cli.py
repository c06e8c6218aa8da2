"""The rough edges of the command line a new user hits (issue 13, items 7 and 8)."""

import csv
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from extract.cli.main import main
from extract.outputs.frames import facts_frame

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Бағдарламаға 35 млрд теңге бөлінді.\n"


def run(args, **kwargs):
    return CliRunner().invoke(main, list(map(str, args)), **kwargs)


def test_excel_puts_the_bom_on_standard_output_too():
    result = CliRunner().invoke(main, ["extract", "-", "--excel"], input=GOOD)
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbfdoc,start,end")


def python_of_the_checkout(code: str) -> subprocess.CompletedProcess:
    """``code`` run by a fresh Python that imports this checkout's ``extract``."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)


def test_the_package_runs_as_the_command_from_a_checkout():
    done = subprocess.run([sys.executable, "-m", "extract.cli", "extract", "-"], input=GOOD,
                          capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("doc,start,end") and len(done.stdout.splitlines()) > 1
    usage = subprocess.run([sys.executable, "-m", "extract.cli", "--help"], capture_output=True,
                           text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert usage.stdout.startswith("Usage: kazextract ")


def test_help_does_not_load_spacy():
    code = ("import sys\nfrom extract.cli.main import main\n"
            "for args in (['--help'], ['extract', '--help'], ['eval', '--help'],"
            " ['eval-conll', '--help']):\n"
            "    try:\n        main(args)\n    except SystemExit:\n        pass\n"
            "print('spacy' in sys.modules, 'pandas' in sys.modules)\n")
    done = python_of_the_checkout(code)
    assert done.stdout.splitlines()[-1] == "False False"
    assert "report" in done.stdout and "Write one self-contained HTML page" in done.stdout


def test_a_csv_run_loads_nothing_its_path_does_not_need():
    """Start-up: the first fact comes after spaCy and the rules, not pandas or the report."""
    code = ("import sys, io\nsys.stdin = io.TextIOWrapper(io.BytesIO('5 адам.'.encode()))\n"
            "from extract.cli import main\ntry:\n    main(['extract', '-', '-q'])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in ('pandas', 'pyarrow', 'dask', 'extract.report',"
            " 'extract.outputs.parquet', 'extract.outputs.frames') if m in sys.modules))\n")
    done = python_of_the_checkout(code)
    assert "5 адам" in done.stdout and done.stdout.splitlines()[-1] == "[]"


def test_no_path_on_a_terminal_says_it_reads_standard_input():
    script = ("import sys, io\nsys.stdin = io.TextIOWrapper(io.BytesIO(b''))\n"
              "sys.stdin.isatty = lambda: True\nfrom extract.cli.main import main\n"
              "main(['extract', '-q'])\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stderr.splitlines()[0].startswith("kazextract: reading standard input")
    piped = CliRunner().invoke(main, ["extract"], input=GOOD)  # not a terminal: no message
    assert piped.exit_code == 0 and "reading standard input" not in piped.stderr


def conll_file(tmp_path, data: bytes) -> Path:
    path = tmp_path / "x.conll"
    path.write_bytes(data)
    return path


def test_eval_conll_refuses_a_file_that_is_not_utf8_conll(tmp_path):
    legacy = conll_file(tmp_path, "Биыл O\n5 B-CARDINAL\n\n".encode("cp1251"))
    result = run(["eval-conll", legacy])
    assert result.exit_code == 2
    assert result.stderr == f"kazextract: {legacy}: not UTF-8 (byte 0xc1 on line 1); CoNLL " \
                            "files are UTF-8\n"
    prose = conll_file(tmp_path, "Биыл бюджетке 5 млрд теңге бөлінді.\n".encode())
    result = run(["eval-conll", prose])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.startswith(f"kazextract: {prose}: not a CoNLL IOB2 file: line 1")


def gold_folder(tmp_path, start: str, end: str, span: str) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(GOOD, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    columns = ["doc", "start", "end", "span", "type", "value", "value_max", "unit",
               "qualifier", "subject", "total", "sentence"]
    with (gold / "a.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        writer.writerow(["a.txt", start, end, span, "MONEY", "35000000000", "", "KZT", "",
                         "", "", GOOD.strip()])
    return gold


@pytest.mark.parametrize(("start", "end", "span", "reason"), [
    ("13", "26", "35 млрд теңге", None),
    ("x13", "26", "35 млрд теңге", "start 'x13' and end '26' must be whole numbers"),
    ("13", "260", "35 млрд теңге", "offsets 13-260 are outside the text (36 characters)"),
    ("12", "26", "35 млрд теңге", "span '35 млрд теңге' is not the text at 12-26"),
])
def test_eval_checks_gold_offsets_and_spans(tmp_path, start, end, span, reason):
    gold = gold_folder(tmp_path, start, end, span)
    result = run(["eval", gold])
    if reason is None:
        assert result.exit_code == 0, result.stderr
        return
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.startswith(f"kazextract: {gold / 'a.csv'}:2: {reason}")
    assert len(result.stderr.splitlines()) == 1


def test_eval_min_f1_checks_the_levels_asked_for(tmp_path):
    """A wrong subject fails --min-f1 1.0 at "all fields" only."""
    gold = gold_folder(tmp_path, "13", "26", "35 млрд теңге")
    rows = (gold / "a.csv").read_text("utf-8").splitlines()
    fields = rows[1].split(",")
    fields[9] = "бағдарлама"  # the subject column
    (gold / "a.csv").write_text("\n".join([rows[0], ",".join(fields)]) + "\n", encoding="utf-8")
    every = run(["eval", gold, "--min-f1", "1.0"])
    assert every.exit_code == 1 and "(all fields) is below --min-f1 1.0" in every.stderr
    one = run(["eval", gold, "--min-f1", "1.0", "--level", "value+unit+qualifier"])
    assert one.exit_code == 0, one.stderr


def test_eval_lists_every_miss_unless_told_a_limit(tmp_path):
    """A gold row the program does not give (a wrong type) is one miss and one extra per
    level; --max-listed 0 (the default) lists them all, a limit says how many it left out."""
    gold = gold_folder(tmp_path, "13", "26", "35 млрд теңге")
    rows = (gold / "a.csv").read_text("utf-8").replace("MONEY", "QUANTITY")
    (gold / "a.csv").write_text(rows, encoding="utf-8")
    every = run(["eval", gold])
    assert every.exit_code == 0, every.stderr
    assert every.output.count("  miss: a.txt:13-26") == 3 and "more (" not in every.output
    capped = run(["eval", gold, "--max-listed", "1"])
    assert capped.output.count("  miss: a.txt:13-26") == 3  # one per level: within the limit
    assert "more (" not in capped.output
    (gold / "b.csv").write_text(rows.replace("a.txt", "b.txt"), encoding="utf-8")
    (tmp_path / "seeds" / "b.txt").write_text(GOOD, encoding="utf-8")
    capped = run(["eval", gold, "--max-listed", "1"])
    assert capped.output.count("  ... and 1 more (miss, --max-listed)") == 3
    assert run(["eval", gold]).output.count("  miss: ") == 6


@pytest.mark.parametrize(("value", "said"), [(None, "missing (None)"),
                                             (math.nan, "missing (NaN)"), (5, "a int")])
def test_facts_frame_refuses_items_that_are_not_text(value, said):
    with pytest.raises(TypeError, match=rf"text 1 is {re.escape(said)}.*, not a string"):
        facts_frame(["Биыл 5 млн теңге.", value])
    with pytest.raises(TypeError, match="not a string"):
        facts_frame(pd.DataFrame({"text": ["a", value]}))
