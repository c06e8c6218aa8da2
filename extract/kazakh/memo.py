"""Bounded memory for pure per-word functions.

News text repeats the same few thousand word forms in every article, and reading one
(stem + suffix chain against a lexicon) costs far more than a dict look-up. The memory is
per process and per object. When full it forgets its older half (a dict keeps the order
keys came in), not everything: the words of the documents being read stay known, so a long
batch stays flat in RAM without starting cold again each time the memory fills up.
"""

from __future__ import annotations

from collections.abc import Hashable, MutableMapping
from itertools import islice
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
WORDS_KEPT = 1 << 16  # distinct keys kept; past this the older half is forgotten
MISSING = object()  # what ``memo.get(key, MISSING)`` returns for a key not seen yet


def forget_older_half(memory: MutableMapping) -> None:
    """Drop the keys that came in first, half of them (the caller's memory is full)."""
    for key in list(islice(memory, len(memory) // 2)):
        del memory[key]


class WordMemo(dict[K, V]):
    """A dict of results the caller reads with ``get`` (a plain dict look-up on the hot path)
    and fills with ``remember``. Results must be immutable: every caller shares them."""

    def __init__(self, limit: int = WORDS_KEPT) -> None:
        super().__init__()
        self.limit = limit

    def remember(self, key: K, value: V) -> V:
        if len(self) >= self.limit:
            forget_older_half(self)
        self[key] = value
        return value
