"""Custom language data without reinstalling: ``--patterns DIR`` and $KAZEXTRACT_PATTERNS
(issue 13, item 9). Each run is a fresh process: the pipeline is built once per process."""

import csv
import io
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from extract import find_facts
from extract.kazakh import lexicon
from extract.kazakh.lexicon import PatternError, merge_tables, patterns_dir

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Бағасы 500 тұғрық болды. Алмас 3 карат болды. Жалақы 200 мың теңге.\n"
NEW_FACTS = [("500 тұғрық", "MONEY", "MNT"), ("3 карат", "QUANTITY", "ct"),
             ("200 мың теңге", "MONEY", "KZT")]


def kazextract(*args, env=None, cwd=None):
    return subprocess.run([sys.executable, "-c", "from extract.cli.main import main; main()",
                           *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def facts(done):
    return [(r["span"], r["type"], r["unit"]) for r in csv.DictReader(io.StringIO(done.stdout))]


@pytest.fixture
def folder(tmp_path):
    patterns = tmp_path / "my_patterns"
    patterns.mkdir()
    (patterns / "currencies.toml").write_text(
        '[MNT]\nwords = ["тұғрық"]\ncodes = ["MNT"]\n', encoding="utf-8")
    (patterns / "units.toml").write_text('[ct]\nwords = ["карат"]\n', encoding="utf-8")
    return patterns


def test_a_new_currency_and_unit_from_a_folder_are_found(tmp_path, folder):
    text = tmp_path / "a.txt"
    text.write_text(TEXT, encoding="utf-8")
    shipped = [(f.span, f.type, f.unit) for f in find_facts(TEXT)]
    assert shipped[0] == ("500", "CARDINAL", "") and shipped[2] == NEW_FACTS[2]
    done = kazextract("extract", text, "--patterns", folder)
    assert done.returncode == 0, done.stderr
    assert facts(done) == NEW_FACTS
    by_env = kazextract("extract", text, env={"KAZEXTRACT_PATTERNS": str(folder)})
    assert facts(by_env) == NEW_FACTS


def test_the_patterns_reach_worker_processes(tmp_path, folder):
    archive = tmp_path / "in"
    archive.mkdir()
    for i in range(70):  # more than two chunks: a pool of two workers
        (archive / f"{i:03d}.txt").write_text(TEXT, encoding="utf-8")
    done = kazextract("extract", archive, "--patterns", folder, "--workers", 2, "-q")
    assert done.returncode == 0, done.stderr
    assert facts(done) == NEW_FACTS * 70


def test_the_patterns_reach_dask_workers(tmp_path, folder):
    pytest.importorskip("distributed")
    archive = tmp_path / "in"
    archive.mkdir()
    for i in range(3):
        (archive / f"{i}.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "facts_parquet"
    done = kazextract("extract", archive, "--engine", "dask", "--workers", 2, "-o", out,
                      "--patterns", folder, "-q")
    assert done.returncode == 0, done.stderr
    from extract.outputs.parquet import read_rows

    rows = [(r["span"], r["type"], r["unit"]) for r in read_rows(out)]
    assert rows == NEW_FACTS * 3


BROKEN = [
    ("currencies.toml", '[KZT]\nwrods = ["теңгеше"]\n',
     "currencies.toml: KZT.wrods: unknown key (misspelt? the engine never reads it)"),
    ("currencies.toml", '[MNT]\nword = ["тұғрық"]\n', "currencies.toml: MNT has no 'words' key"),
    ("units.toml", '[ct]\nwords = "карат"\n',
     "units.toml: ct.words is a string, the shipped file has an array there"),
    ("units.toml", '[ct\nwords = ["карат"]\n', "units.toml: not valid TOML"),
    ("currency.toml", '[UZS]\nwords = ["сум"]\n',
     "currency.toml: no shipped pattern file has this name"),
    ("grammar.toml", '[rules.windows]\ntitle_word = 9\n',
     "grammar.toml: rules.windows.title_word: unknown key (misspelt? the engine never reads it)"),
    ("grammar.toml", '[rules.clock]\nhour_max = "24"\n',
     "grammar.toml: rules.clock.hour_max is a string, the shipped file has a number there"),
]
@pytest.fixture
def isolated_patterns(monkeypatch):
    """use_patterns in this process, undone afterwards (the shipped data stays in place)."""
    monkeypatch.delenv(lexicon.PATTERNS_ENV, raising=False)
    yield
    os.environ.pop(lexicon.PATTERNS_ENV, None)  # set by use_patterns, not by monkeypatch
    lexicon.user_patterns.cache_clear()
    lexicon.load_lexicon.cache_clear()
    lexicon.load_latin.cache_clear()


@pytest.mark.parametrize(("name", "content", "message"), BROKEN)
def test_a_broken_pattern_file_is_one_line_naming_file_and_key(tmp_path, isolated_patterns,
                                                               name, content, message):
    patterns = tmp_path / "p"
    patterns.mkdir()
    (patterns / name).write_text(content, encoding="utf-8")
    with pytest.raises(PatternError) as caught:
        lexicon.use_patterns(patterns)
    assert str(caught.value).startswith(f"{patterns / name}: ")
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_the_commands_report_a_broken_folder_in_one_line(tmp_path):
    patterns = tmp_path / "p"
    patterns.mkdir()
    (patterns / "currencies.toml").write_text('[KZT]\nwrods = ["x"]\n', encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text(TEXT, encoding="utf-8")
    expected = (f"kazextract: {patterns / 'currencies.toml'}: KZT.wrods: unknown key "
                "(misspelt? the engine never reads it)\n")
    done = kazextract("extract", text, "--patterns", patterns)
    assert (done.returncode, done.stderr, done.stdout) == (2, expected, "")
    by_env = kazextract("eval-conll", text, env={"KAZEXTRACT_PATTERNS": str(patterns)})
    assert (by_env.returncode, by_env.stderr) == (2, expected)  # every command checks it


def test_a_copy_of_the_shipped_files_is_valid_and_changes_nothing(tmp_path,
                                                                  isolated_patterns):
    copy = tmp_path / "copy"
    copy.mkdir()
    for file in patterns_dir().iterdir():
        if file.name.endswith(".toml"):
            shutil.copy(file, copy / file.name)
    shipped = lexicon.load_lexicon.__wrapped__()
    lexicon.use_patterns(copy)
    assert len(lexicon.user_patterns()) == 17  # clauses.toml is the 17th
    assert lexicon.load_lexicon() == shipped
    assert lexicon.load_latin() == tomllib.loads((copy / "latin.toml").read_text("utf-8"))


def test_tables_extend_and_other_values_replace():
    shipped = {"KZT": {"words": ["теңге"], "codes": ["KZT"]}, "USD": {"words": ["доллар"]}}
    user = {"KZT": {"words": ["теңгеше"]}, "UZS": {"words": ["сум"]}}
    assert merge_tables(shipped, user, Path("p.toml"), ()) == {
        "KZT": {"words": ["теңгеше"], "codes": ["KZT"]}, "USD": {"words": ["доллар"]},
        "UZS": {"words": ["сум"]}}
    with pytest.raises(PatternError, match=r"p.toml: KZT.codes is a string"):
        merge_tables(shipped, {"KZT": {"codes": "KZT"}}, Path("p.toml"), ())
