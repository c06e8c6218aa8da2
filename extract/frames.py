"""Facts as a pandas DataFrame: ``facts_frame(texts)``, ready for ``df.pipe``."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .facts import COLUMNS
from .pipeline import find_facts

DTYPES = {"doc": "string", "start": "int64", "end": "int64", "span": "string", "type": "category",
          "value": "string", "value_max": "string", "unit": "string", "qualifier": "string",
          "subject": "string", "total": "string", "sentence": "string"}


def facts_frame(texts: Iterable[str] | pd.Series, ids: Iterable[str] | None = None
                ) -> pd.DataFrame:
    """One row per fact of each text, with the output contract's columns.

    ``ids`` name the documents (default: a Series' index, else 0, 1, 2 …). ``value`` stays
    a string (DATE values are ISO dates); ``pd.to_numeric(df.value, errors="coerce")`` gives
    the numbers.
    """
    if ids is None:
        ids = texts.index if isinstance(texts, pd.Series) else None
    texts = list(texts)
    ids = [str(i) for i in (ids if ids is not None else range(len(texts)))]
    rows = [fact.row(doc) for doc, text in zip(ids, texts, strict=True)
            for fact in find_facts(text)]
    return pd.DataFrame(rows, columns=list(COLUMNS)).astype(DTYPES)
