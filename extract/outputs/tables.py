"""The two tables a batch writes, facts and changes: their columns, and which columns are
numbers (JSON numbers, float64 in Parquet with the exact string kept beside)."""

from __future__ import annotations

from dataclasses import dataclass

from ..facts import CHANGE_COLUMNS, COLUMNS


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    numbers: tuple[str, ...]  # JSON numbers and Parquet float64, null when empty
    exact: tuple[str, ...]  # of ``numbers``: an ISO string for DATE and TIME, and the exact
    #                         string kept in Parquet as NAME_text
    blank_text: tuple[str, ...] = ()  # exact columns whose NAME_text is "" (not null) when empty
    integers: tuple[str, ...] = ("start", "end")
    text_valued: frozenset[str] = frozenset({"DATE", "TIME"})  # types valued by ISO strings

    @property
    def text_columns(self) -> tuple[str, ...]:
        """The Parquet columns that keep the exact strings of ``exact``."""
        return tuple(f"{name}_text" for name in self.exact)


FACTS = Table(COLUMNS, numbers=("value", "value_max", "total"), exact=("value", "value_max"),
              blank_text=("value",))
CHANGE_NUMBERS = ("from_value", "to_value", "by_value", "by_value_max", "factor")
CHANGES = Table(CHANGE_COLUMNS, numbers=CHANGE_NUMBERS, exact=CHANGE_NUMBERS)
