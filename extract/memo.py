"""Bounded memory for pure per-word functions.

News text repeats the same few thousand word forms in every article, and reading one
(stem + suffix chain against a lexicon) costs far more than a dict look-up. The memory is
per process and per object; it is emptied when full, so a long batch stays flat in RAM.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
WORDS_KEPT = 1 << 16  # distinct keys kept before the memory is emptied
_MISSING = object()


class WordMemo(Generic[K, V]):
    """``memo.get(key, compute)``: ``compute(key)`` the first time, then the stored result.
    Results must be immutable: every caller shares them."""

    def __init__(self, limit: int = WORDS_KEPT) -> None:
        self.limit = limit
        self._results: dict[K, V] = {}

    def get(self, key: K, compute: Callable[[K], V]) -> V:
        result = self._results.get(key, _MISSING)
        if result is _MISSING:
            if len(self._results) >= self.limit:
                self._results.clear()
            result = self._results[key] = compute(key)
        return result  # type: ignore[return-value]

    def __len__(self) -> int:
        return len(self._results)
