"""Facts and changes as pandas DataFrames: ``facts_frame(texts)`` and
``changes_frame(texts)``, ready for ``df.pipe``."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd

from ..facts import CHANGE_COLUMNS, COLUMNS, DIRECTIONS, QUALIFIERS, TYPES
from ..relations.document import find_changes, find_facts
from .tables import CHANGE_NUMBERS

DTYPES = {"start": "int64", "end": "int64", "span": "string",
          "type": pd.CategoricalDtype(TYPES), "value": "string", "value_max": "string",
          "unit": "string", "qualifier": pd.CategoricalDtype(QUALIFIERS), "subject": "string",
          "period": "string", "sentence": "string"}
NUMERIC_COLUMNS = ("value_num", "value_max_num")  # added after the contract's columns
NOT_NUMBERS = ("DATE", "TIME")  # their values are ISO strings
CHANGE_DTYPES = {**{name: "string" for name in CHANGE_COLUMNS[1:]},
                 "start": "int64", "end": "int64", "type": pd.CategoricalDtype(TYPES),
                 "direction": pd.CategoricalDtype(DIRECTIONS)}
CHANGE_NUMERIC_COLUMNS = tuple(f"{name}_num" for name in CHANGE_NUMBERS)


def facts_frame(texts: Iterable[str] | pd.Series | pd.DataFrame,
                ids: Iterable[object] | None = None, *, text_column: str = "text",
                id_column: str | None = None, relative_dates: bool = False) -> pd.DataFrame:
    """One row per fact of each text: the output contract's columns, typed, then
    ``value_num`` and ``value_max_num`` (float64; NaN for DATE and TIME, whose ``value``
    stays the ISO string).

    ``texts`` is a list or Series of texts, or a DataFrame with a ``text_column`` (so
    ``articles.pipe(facts_frame, id_column="url")`` works). ``ids`` name the documents;
    by default the DataFrame's ``id_column``, else the Series' or DataFrame's index, else
    0, 1, 2 … ``start``/``end`` are int64, ``type`` and ``qualifier`` categorical, ``total``
    a nullable integer. ``relative_dates`` adds dates and times without a number (биыл).
    """
    texts, ids = _texts_and_ids(texts, ids, text_column, id_column)
    frame = _frame(texts, ids, lambda text: find_facts(text, relative_dates), COLUMNS, DTYPES)
    frame["total"] = _whole_numbers(frame["total"])
    _add_numbers(frame, ("value", "value_max"), NUMERIC_COLUMNS)
    return frame


def changes_frame(texts: Iterable[str] | pd.Series | pd.DataFrame,
                  ids: Iterable[object] | None = None, *, text_column: str = "text",
                  id_column: str | None = None, relative_dates: bool = False) -> pd.DataFrame:
    """One row per change of each text: the columns of CHANGE_COLUMNS, typed, then
    ``from_value_num``, ``to_value_num``, ``by_value_num``, ``by_value_max_num`` and
    ``factor_num`` (float64; NaN when empty, and for a DATE or TIME, whose values stay
    ISO strings). ``start``/``end`` are int64, ``type`` and ``direction`` categorical, the
    others strings. ``texts``, ``ids`` and the options are those of ``facts_frame``."""
    texts, ids = _texts_and_ids(texts, ids, text_column, id_column)
    frame = _frame(texts, ids, lambda text: find_changes(text, relative_dates), CHANGE_COLUMNS,
                   CHANGE_DTYPES)
    _add_numbers(frame, CHANGE_NUMBERS, CHANGE_NUMERIC_COLUMNS)
    return frame


def _frame(texts: list[str], ids: list, records: Callable[[str], list], columns: tuple,
           dtypes: dict) -> pd.DataFrame:
    """The rows of ``records(text)`` for every text (Facts or Changes), typed."""
    rows, docs = [], []
    # find_facts and find_changes, not nlp.pipe: they read any str (lone surrogates, texts
    # over spaCy's max_length) with the same results
    for doc_id, text in zip(ids, texts, strict=True):
        for record in records(text):
            rows.append(record.row(doc_id))
            docs.append(doc_id)
    frame = pd.DataFrame(rows, columns=list(columns)).astype(dtypes)
    frame["doc"] = pd.array(docs) if docs else pd.array([], dtype="string")
    return frame


def _add_numbers(frame: pd.DataFrame, sources: tuple[str, ...],
                 columns: tuple[str, ...]) -> None:
    """Float64 columns of the values, NaN where a value is an ISO string (DATE, TIME)."""
    numbers = ~frame["type"].isin(NOT_NUMBERS)
    for column, source in zip(columns, sources, strict=True):
        frame[column] = pd.to_numeric(frame[source].where(numbers), errors="coerce").astype(
            "float64")


def _texts_and_ids(texts: Iterable[str] | pd.Series | pd.DataFrame, ids: Iterable | None,
                   text_column: str, id_column: str | None) -> tuple[list[str], list]:
    if isinstance(texts, pd.DataFrame):
        if ids is None:
            ids = texts[id_column] if id_column else texts.index
        texts = texts[text_column]
    if ids is None:
        ids = texts.index if isinstance(texts, pd.Series) else None
    texts = list(texts)
    ids = list(ids) if ids is not None else list(range(len(texts)))
    if len(ids) != len(texts):
        raise ValueError(f"{len(ids)} ids for {len(texts)} texts")
    for doc_id, text in zip(ids, texts, strict=True):
        if not isinstance(text, str):
            raise TypeError(f"text {doc_id!r} is {_describe(text)}, not a string: drop or "
                            "fill missing texts first (df.dropna(subset=['text']))")
    return texts, ids


def _describe(value: object) -> str:
    if value is None or value is pd.NA:
        return "missing (None)"
    if isinstance(value, float) and value != value:
        return "missing (NaN)"
    return f"a {type(value).__name__} ({value!r:.40})"


def _whole_numbers(column: pd.Series) -> pd.Series:
    """Rank totals as nullable integers (float64 in the unlikely case one is fractional)."""
    numbers = pd.to_numeric(column.replace("", None), errors="coerce").astype("float64")
    return numbers.astype("Int64") if (numbers.dropna() % 1 == 0).all() else numbers
