"""Verbs of change (өсті, арттыруды, tómendetýge): a quick test of a sentence, the reading
of a word, and its stem as the document writes it."""

from __future__ import annotations

import unicodedata

import regex

from ..kazakh.latin import Alphabet, Transliterator
from ..kazakh.lexicon import ChangeVerb, ChangeWords
from .sentences import Word


class ChangeVerbs:
    """The verbs of change of patterns/changes.toml, as the relations read them."""

    def __init__(self, words: ChangeWords, transliterator: Transliterator) -> None:
        self.forms = words.verbs
        self.transliterator = transliterator
        spellings = _spellings(transliterator)
        stems = "|".join("".join(spellings.get(ch, regex.escape(ch)) for ch in stem)
                         for stem in words.stems)
        # a stem at the start of a word, in Cyrillic or any Latin alphabet
        self._quick = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{stems})")

    def may_hold(self, text: str) -> bool:
        """Whether a sentence may hold a verb of change: a word starts with one of the
        stems. A sentence without one costs one search."""
        lower = text.lower()
        if not unicodedata.is_normalized("NFC", lower):
            lower = unicodedata.normalize("NFC", lower)
        return self._quick.search(lower) is not None

    def verb(self, word: Word) -> ChangeVerb | None:
        return self.forms.get(word.form)

    def written_stem(self, word: Word, verb: ChangeVerb, alphabet: Alphabet | None) -> str:
        """The verb's stem in the document's script: in Cyrillic the stem itself (арттыруды
        -> арт, азаяды -> азай); in Latin cut from the word as written (ósti -> ós), and a
        causative that does not start with it (kóterdi for көтеріл-) keeps what they share."""
        if alphabet is None:
            return verb.stem  # Cyrillic: the dictionary stem (азаяды -> азай)
        reading = self.transliterator.transliterate(word.text, alphabet)
        form = reading.cyrillic.lower()
        shared = _shared_prefix(form, verb.stem)
        written = reading.original_slice(0, shared).lower()
        pair = self.transliterator.iotated_pair(form[shared:shared + 1])
        if pair and verb.stem[shared:shared + 1] == pair[0]:
            # azaıady: the stem's й is the ı of я (азай-, written azaı)
            start = reading.starts[shared]
            written += reading.original[start:start + 1].lower()
        return written


def _shared_prefix(form: str, stem: str) -> int:
    n = 0
    while n < min(len(form), len(stem)) and form[n] == stem[n]:
        n += 1
    return n


def _spellings(transliterator: Transliterator) -> dict[str, str]:
    """Cyrillic letter -> a regex of it and every Latin spelling of it (ө: ө|ó|ö|o …)."""
    found: dict[str, set[str]] = {}
    for alphabet in transliterator.alphabets.values():
        for table in (alphabet.letters, alphabet.after_vowel, alphabet.before_back_vowel):
            for latin, cyrillic in table.items():
                for ch in cyrillic.lower():
                    found.setdefault(ch, {ch}).add(unicodedata.normalize("NFC", latin.lower()))
    return {ch: "(?:" + "|".join(sorted(map(regex.escape, spelled), key=len, reverse=True)) + ")"
            for ch, spelled in found.items()}
