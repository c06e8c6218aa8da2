"""Kazakh number words, one word at a time: the stem of each number word with its kind
(unit, ten, hundred, scale, collective, half) and value, and the reading of a word form as a
number word with its suffix chain (мыңнан, бірінші, бесеуі, млн.). The number reader and the
tokenizer's ``like_num`` share it."""

from __future__ import annotations

from fractions import Fraction

import regex

from .lexicon import Lexicon, load_lexicon
from .memo import MISSING, WordMemo
from .morphology import Reading, read_word
from .stems import alternation, with_voiced


class NumberWords:
    """The number words of ``patterns/numbers.toml`` and the reading of a word form."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex = lex or load_lexicon()
        self.kinds: dict[str, str] = {
            **{w: "unit" for w in lex.units}, **{w: "ten" for w in lex.tens},
            **{w: "hundred" for w in lex.hundreds}, **{w: "scale" for w in lex.scales},
            **{w: "collective" for w in lex.collectives},
            **{w: "half_after" for w in lex.half_after},
            **{w: "half_before" for w in lex.fractions_before},
        }
        # whole values as ints (cheap to add and compare), halves as Fractions
        self.values: dict[str, int | Fraction] = {
            **{w: int(v) for w, v in {**lex.number_words, **lex.collectives}.items()},
            **lex.fractions_before}
        for variant, base in lex.stem_variants.items():
            self.kinds[variant] = self.kinds[base]
            self.values[variant] = self.values[base]
        self.stems = frozenset(self.kinds)
        # a word form is read only if it starts with a stem (maybe voiced: a reading undoes
        # that): one match turns away most words before any analysis of them
        self._start = regex.compile(alternation(with_voiced(self.stems, lex.voicing)))
        self._readings: WordMemo[tuple[str, bool], Reading | None] = WordMemo()

    def read(self, lower: str, inside: bool = False) -> Reading | None:
        """A number word with its suffixes (мыңнан, бірінші, млн.), or None. ``inside``: the
        word continues a number, where homographs read as numbers (жеті жүзі, жетпіс бірден)."""
        found = self._readings.get((lower, inside), MISSING)
        if found is MISSING:
            found = self._readings.remember((lower, inside), self._read_number_word(lower, inside))
        return found

    def _read_number_word(self, lower: str, inside: bool) -> Reading | None:
        lower = self.lex.abbreviations.get(lower, lower)
        if not self._start.match(lower):
            return None
        if lower in self.lex.never_numbers or not inside and (
                lower in self.lex.not_numbers or read_word(lower, self.lex.not_number_stems)):
            return None
        reading = read_word(lower, self.stems, numeral=True)
        if reading is None:
            return None
        suffixes = reading.suffixes
        if reading.stem in self.lex.stem_variants and not suffixes.get("ordinal"):
            return None
        if not inside and suffixes.get("derivation") in self.lex.derived_endings:
            return None  # бірлік "unity", бестік "a five": nouns (жиырма төрттік is a number)
        if (not inside and reading.stem == self.lex.article_pronoun
                and not any(suffixes.get(slot) for slot in ("possessive", "person", "clitic"))):
            return None  # біреу "someone" (but біреуі "one of them", біреу-ақ "only one")
        return reading


# One reading of number words per lexicon and process: spaCy's like_num and the number
# readers of both settings read the same word forms, and share what they have read.
_NUMBER_WORDS: dict[int, NumberWords] = {}


def number_words(lex: Lexicon | None = None) -> NumberWords:
    """The process's NumberWords for ``lex`` (the loaded lexicon by default)."""
    lex = lex or load_lexicon()
    found = _NUMBER_WORDS.get(id(lex))
    if found is None or found.lex is not lex:  # the entry holds lex: its id is not reused
        found = _NUMBER_WORDS[id(lex)] = NumberWords(lex)
    return found
