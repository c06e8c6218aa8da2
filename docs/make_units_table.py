"""The tables of units, currencies and time words in docs/language-data.md, generated from
patterns/ (between the ``units-table`` markers).

    python docs/make_units_table.py           # rewrite the tables
    python docs/make_units_table.py --check   # exit 1 when they differ from patterns/

The tables are read from the same data files the extractor reads (extract.kazakh.lexicon), so the
documented list cannot drift from what the program knows.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGE = REPO / "docs" / "language-data.md"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "docs"))

from make_seed_table import replace_between  # noqa: E402

from extract.kazakh.lexicon import (  # noqa: E402  (the checkout's package, not an installed one)
    InventoryEntry,
    currency_inventory,
    duration_inventory,
    unit_inventory,
)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _forms(entry: InventoryEntry) -> str:
    return ", ".join(f"`{_cell(form)}`" for form in entry.forms)


def units_table(entries: list[InventoryEntry]) -> str:
    """QUANTITY units by family: one row per canonical symbol."""
    rows = ["| family | unit | written as (with any ending: км-ге, м/с-қа) |", "|---|---|---|"]
    rows += [f"| {e.family} | `{_cell(e.symbol)}` | {_forms(e)} |" for e in entries]
    return "\n".join(rows)


def currencies_table(entries: list[InventoryEntry]) -> str:
    """MONEY units: one row per ISO code, then the minor units."""
    rows = ["| code | currency | written as (names, signs, codes) |", "|---|---|---|"]
    rows += [f"| `{e.symbol}` | {_cell(e.family)} | {_forms(e)} |" for e in entries]
    return "\n".join(rows)


def durations_table(entries: list[InventoryEntry]) -> str:
    """DURATION units and the time words after a number that give them."""
    rows = ["| unit | written as |", "|---|---|"]
    rows += [f"| `{e.symbol}` | {_forms(e)} |" for e in entries]
    return "\n".join(rows)


def tables() -> str:
    return (f"#### Units (QUANTITY)\n\n{units_table(unit_inventory())}\n\n"
            f"#### Currencies (MONEY)\n\n{currencies_table(currency_inventory())}\n\n"
            f"#### Time words (DURATION)\n\n{durations_table(duration_inventory())}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="Change nothing; exit 1 when the tables differ from patterns/.")
    args = parser.parse_args()
    old = PAGE.read_text(encoding="utf-8")
    new = replace_between(old, "units-table", tables(), str(PAGE))
    if old == new:
        return
    if args.check:
        raise SystemExit(f"{PAGE}: the units tables are stale "
                         "(run python docs/make_units_table.py)")
    PAGE.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
