"""Print the README's tables of units, currencies and time words, generated from patterns/.

    python docs/make_units_table.py > /tmp/units.md

The tables are read from the same data files the extractor reads (extract.lexicon), so the
README's list cannot drift from what the program knows.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.lexicon import (  # noqa: E402  (the checkout's package, not an installed one)
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


def main() -> None:
    print("#### Units (QUANTITY)\n")
    print(units_table(unit_inventory()))
    print("\n#### Currencies (MONEY)\n")
    print(currencies_table(currency_inventory()))
    print("\n#### Time words (DURATION)\n")
    print(durations_table(duration_inventory()))


if __name__ == "__main__":
    main()
