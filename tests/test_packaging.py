"""The wheel holds every package under extract/ and the language data, and works installed
outside the source tree: built, unpacked into a folder of its own, and run on the seed."""

import csv
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_283857b479cfea54.txt"


def _build_wheel(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(folder), str(REPO)], check=True, capture_output=True)
    return next(folder.glob("kazextract-*.whl"))


def test_wheel_installed_apart_from_the_source_runs_on_the_seed(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path / "dist")
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = [p.parent.relative_to(REPO) for p in (REPO / "extract").rglob("__init__.py")]
    assert all(f"{p.as_posix()}/__init__.py" in names for p in packages)
    assert {f"extract/patterns/{p.name}" for p in (REPO / "patterns").glob("*.toml")} <= names

    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(site), str(wheel)], check=True, capture_output=True)
    out = tmp_path / "facts.csv"
    program = ("import sys, extract; assert extract.__file__.startswith(sys.argv[1]), "
               "extract.__file__; from extract.cli.main import main; sys.argv[1:2] = []; main()")
    run = subprocess.run([sys.executable, "-c", program, str(site), "extract", str(SEED),
                          "-o", str(out), "-q"], cwd=tmp_path, env={"PYTHONPATH": str(site)},
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    with out.open(encoding="utf-8") as f:
        spans = [row["span"] for row in csv.DictReader(f)]
    with (REPO / "gold" / "000_283857b479cfea54.csv").open(encoding="utf-8") as f:
        assert spans == [row["span"] for row in csv.DictReader(f)]
