"""Write the seed article's fact tables into README.md and docs/contract.md from the output of
``kazextract extract seeds/000_283857b479cfea54.txt`` (and its change table, from
``--changes``, into the files that have its markers), so that the documentation shows what the
program prints today.

    python docs/make_seed_table.py           # rewrite the tables between their markers
    python docs/make_seed_table.py --check   # exit 1 when a committed table differs

Each table stands between ``<!-- NAME:begin ... -->`` and ``<!-- NAME:end -->``; the rest of the
file is left alone. The change table (``seed-changes``) is written where its markers are, and
nowhere else. The test suite runs ``--check``.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_283857b479cfea54.txt"
COLUMNS = ("start", "end", "span", "type", "value", "value_max", "unit", "qualifier", "subject",
           "total", "period")
# The README shows one fact of each kind; docs/contract.md shows all of them.
README_SPANS = ("35 млрд теңге", "15-25%-ке", "193", "29-орынға", "523 мыңнан астам",
                "2 мың жуық", "31 күннен", "10 күнге", "2017 жылғы 31 қаңтардағы",
                "секундына 4/66 мегабит", "екі")
TABLES = {"README.md": ("seed-example", README_SPANS),
          "docs/contract.md": ("seed-table", None)}
CHANGE_COLUMNS = ("start", "end", "span", "type", "unit", "from_value", "to_value", "by_value",
                  "by_value_max", "factor", "direction", "verb")
CHANGE_MARKER = "seed-changes"
RUN_CLI = "from extract.cli.main import main; main()"


def seed_rows() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The seed article's facts and changes as the command line writes them (CSV rows)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}  # this checkout's code
    with tempfile.TemporaryDirectory() as folder:
        changes = Path(folder) / "changes.csv"
        result = subprocess.run([sys.executable, "-c", RUN_CLI, "extract", str(SEED), "-q",
                                 "--changes", str(changes)],
                                capture_output=True, text=True, encoding="utf-8", env=env,
                                check=False)
        if result.returncode != 0:
            raise SystemExit(f"kazextract extract {SEED.name} failed:\n{result.stderr}")
        return (list(csv.DictReader(io.StringIO(result.stdout))),
                list(csv.DictReader(io.StringIO(changes.read_text(encoding="utf-8")))))


def select(rows: list[dict[str, str]], spans: tuple[str, ...] | None) -> list[dict[str, str]]:
    """The first row of each span in ``spans``, in document order (all rows for None)."""
    if spans is None:
        return rows
    chosen = [next((row for row in rows if row["span"] == span), None) for span in spans]
    missing = [span for span, row in zip(spans, chosen, strict=True) if row is None]
    if missing:
        raise SystemExit(f"the seed article no longer gives {missing}: update README_SPANS")
    return sorted(chosen, key=lambda row: int(row["start"]))


def markdown_table(rows: list[dict[str, str]], columns: tuple[str, ...] = COLUMNS) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    header = [line(list(columns)), "|" + "---|" * len(columns)]
    return "\n".join(header + [line([row[c] for c in columns]) for row in rows]) + "\n"


def replace_between(text: str, name: str, table: str, where: str) -> str:
    """``text`` with the lines between the ``name`` markers replaced by ``table``."""
    begin, end = f"<!-- {name}:begin", f"<!-- {name}:end -->"
    head, found, rest = text.partition(begin)
    marker, newline, rest = rest.partition("\n")
    body, closed, tail = rest.partition(end)
    if not (found and newline and closed):
        raise SystemExit(f"{where}: no {begin} ... --> / {end} markers")
    return f"{head}{begin}{marker}\n{table}{end}{tail}"


def updated_files(root: Path) -> dict[Path, tuple[str, str]]:
    """For each documentation file: (text now, text with fresh tables)."""
    rows, changes = seed_rows()
    change_table = markdown_table(changes, CHANGE_COLUMNS)
    files = {}
    for name, (marker, spans) in TABLES.items():
        path = root / name
        old = path.read_text(encoding="utf-8")
        new = replace_between(old, marker, markdown_table(select(rows, spans)), str(path))
        if f"<!-- {CHANGE_MARKER}:begin" in new:
            new = replace_between(new, CHANGE_MARKER, change_table, str(path))
        files[path] = (old, new)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="Change nothing; exit 1 when a table is not the program's output.")
    parser.add_argument("--root", type=Path, default=REPO,
                        help="The folder holding README.md and docs/ [default: this checkout].")
    args = parser.parse_args()
    stale = []
    for path, (old, new) in updated_files(args.root).items():
        if old == new:
            continue
        stale.append(path)
        if not args.check:
            path.write_text(new, encoding="utf-8")
    for path in stale:
        verb = "is stale (run python docs/make_seed_table.py)" if args.check else "rewritten"
        print(f"{path}: seed table {verb}", file=sys.stderr)
    if args.check and stale:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
