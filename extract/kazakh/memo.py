"""Bounded memory for pure per-word functions.

News text repeats the same few thousand word forms in every article, and reading one
(stem + suffix chain against a lexicon) costs far more than a dict look-up. The memory is
per process and per object; it is emptied when full, so a long batch stays flat in RAM.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
WORDS_KEPT = 1 << 16  # distinct keys kept before the memory is emptied
MISSING = object()  # what ``memo.get(key, MISSING)`` returns for a key not seen yet


class WordMemo(dict[K, V]):
    """A dict of results the caller reads with ``get`` (a plain dict look-up on the hot path)
    and fills with ``remember``. Results must be immutable: every caller shares them."""

    def __init__(self, limit: int = WORDS_KEPT) -> None:
        super().__init__()
        self.limit = limit

    def remember(self, key: K, value: V) -> V:
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value
