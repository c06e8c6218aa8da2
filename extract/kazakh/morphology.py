"""Stem + suffix analysis of Kazakh words (reference B6).

Kazakh glues case, possessive and plural endings to the word (теңгеге, жылдарды, ауылда).
A word is read as a known stem followed by a chain of suffixes from ``patterns/suffixes.toml``,
each allowed after the sound its predecessor ends in.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Lexicon, load_lexicon

ANY = "*"  # final class of digits, symbols and letters without one (ь): every suffix fits


@dataclass(frozen=True)
class Suffixes:
    """The suffix chain of a word: slot name -> allomorph, in order."""

    parts: tuple[tuple[str, str], ...] = ()

    def get(self, slot: str) -> str:
        for name, form in self.parts:  # a loop, not a generator: called for every number
            if name == slot:
                return form
        return ""

    def __bool__(self) -> bool:
        return bool(self.parts)

    @property
    def text(self) -> str:
        return "".join(form for _, form in self.parts)


NO_SUFFIXES = Suffixes()  # the empty chain, shared (immutable): most words have no ending


def final_class(text: str, lex: Lexicon | None = None) -> str:
    lex = lex or load_lexicon()
    return lex.final_classes.get(text[-1:].lower(), ANY) if text else ANY


def stem_class(stem: str, lex: Lexicon | None = None) -> str:
    """The class the first ending after a dictionary stem must fit: a possessive's for a
    compound that ends in one (отбасы|на), else that of the stem's last letter."""
    lex = lex or load_lexicon()
    return "P" if stem in lex.possessed_stems else final_class(stem, lex)


def harmony(text: str, lex: Lexicon | None = None) -> str:
    """'back' or 'front' by the last vowel, '' when the text has none (км, млн, digits)."""
    lex = lex or load_lexicon()
    for ch in reversed(text.lower()):
        if ch in lex.back_vowels:
            return "back"
        if ch in lex.front_vowels:
            return "front"
    return ""


def _fits(after: frozenset[str], prev_class: str, lenient: bool) -> bool:
    # lenient: after a possessive also accept the plain after-vowel forms (жылыдан for жылынан),
    # a common slip in news text.
    return prev_class in (ANY, *after) or (lenient and prev_class == "P" and "V" in after)


@lru_cache(maxsize=65536)
def parse_suffixes(rest: str, prev_class: str, prev_harmony: str, numeral: bool,
                   lenient: bool = False) -> Suffixes | None:
    """Read ``rest`` as a suffix chain after a stem ending in ``prev_class``; None if it is not one.

    ``prev_harmony`` ('' to skip the check) is the vowel harmony the first suffix must keep.
    ``numeral`` allows the slots only numerals take (ordinal, collective, approximation).
    """
    lex = load_lexicon()
    rest = rest.removeprefix("-")
    if not rest:
        return NO_SUFFIXES
    return _chain(lex, rest, 0, prev_class, prev_harmony, numeral, lenient)


def _chain(lex: Lexicon, rest: str, slot_index: int, prev_class: str, prev_harmony: str,
           numeral: bool, lenient: bool) -> Suffixes | None:
    if not rest:
        return NO_SUFFIXES
    for index in range(slot_index, len(lex.slot_order)):
        slot = lex.slot_order[index]
        if slot in lex.numeral_only_slots and not numeral:
            continue
        for form, after in lex.slots[slot].items():
            if not rest.startswith(form) or not _fits(after, prev_class, lenient):
                continue
            form_harmony = "" if form.startswith("-") else harmony(form, lex)  # -ақ is fixed
            if prev_harmony and form_harmony and form_harmony != prev_harmony:
                continue
            next_class = "P" if slot == "possessive" else final_class(form, lex)
            tail = _chain(lex, rest[len(form):], index + 1, next_class,
                          form_harmony or prev_harmony, numeral, lenient)
            if tail is not None:
                return Suffixes(((slot, form),) + tail.parts)
    return None


@dataclass(frozen=True)
class Reading:
    """One way to read a word: a stem from a lexicon plus its suffixes."""

    stem: str
    suffixes: Suffixes


def read_word(word: str, stems: Collection[str], numeral: bool = False) -> Reading | None:
    """The longest stem of ``stems`` that ``word`` (lower-case) starts with, followed by
    suffixes that fit the stem's final sound (vowel harmony is not checked: loanwords such
    as процент, рубль, км break it). Read from the word's one analysis (``analysis``)."""
    return (_ANALYZER or _analyzer()).read(word, stems, numeral)


_ANALYZER = None  # analysis.ANALYZER, once imported (it reads suffix chains with this module)


def _analyzer():  # noqa: ANN202
    global _ANALYZER
    from .analysis import ANALYZER

    _ANALYZER = ANALYZER
    return ANALYZER


def dictionary_form(stem: str, rest: str) -> str:
    """Undo the voicing of a final п, к, қ before a vowel (баб|ы -> бап, қыркүйег|інде) and
    the dropped т of a loanword in -ст before a consonant (турис|тер -> турист)."""
    voicing, vowels, unreduced = _sounds()
    last = stem[-1:]
    first = rest[1:2] if rest[:1] == "-" else rest[:1]
    if last in voicing and first and first in vowels:
        return stem[:-1] + voicing[last]
    if first and first not in vowels and stem in unreduced:
        return unreduced[stem]
    return stem


# the lexicon they were read from, voicing, vowels, the stems of -ст loanwords before a consonant
_SOUNDS: list = [None, {}, frozenset(), {}]


def _sounds() -> tuple[dict[str, str], frozenset[str], dict[str, str]]:
    """The voiced finals with the letter of their dictionary form, the vowels and the
    reduced -ст stems (read again when the lexicon is: --patterns may change them)."""
    lex = load_lexicon()
    if _SOUNDS[0] is not lex:
        _SOUNDS[:] = (lex, lex.voicing, frozenset(lex.back_vowels + lex.front_vowels),
                      lex.unreduced)
    return _SOUNDS[1], _SOUNDS[2], _SOUNDS[3]


def _unlikely_ending(suffixes: Suffixes, stem: str, lex: Lexicon) -> bool:
    """A lone possessive (отбас|ы) or possessive + accusative -н (тұрғ|ы|н): after a numeral
    the counted noun rarely has them, and the final -ы/-ын is more often the noun's own. A
    lone possessive after a voiced final is real, since only a suffix voices it (бөліг|і)."""
    slots = [slot for slot, _ in suffixes.parts]
    if slots == ["possessive"]:
        return stem[-1] not in lex.voicing
    return slots == ["possessive", "case"] and suffixes.get("case") == "н"


def _endings(suffixes: Suffixes) -> int:
    """How many endings a reading explains. A possessive counts only with an ending after
    it (қала|сы|нда, ауыл|ы|нда): the pronominal -нда, -нан, -ның follow nothing else."""
    slots = [slot for slot, _ in suffixes.parts]
    return sum(slot != "possessive" or k + 1 < len(slots) for k, slot in enumerate(slots))


@lru_cache(maxsize=65536)
def noun_stem(word: str) -> str:
    """Strip the case, possessive and plural endings of a noun not in any lexicon.

    Of the stems (two letters or more, with a vowel) after which the rest is a suffix chain
    fitting the stem's last sound and vowel harmony, takes the one with the most endings
    (a possessive counts only with an ending after it), then the longest. A final -ы/-і is
    nearly always readable as a possessive, so it alone must not decide (жылдарды -> жыл, not
    жылдард + ы). Nouns in ``whole_stems`` keep their ending-like letters (команда, орында ->
    орын, not ор + ы + нда).
    """
    lex = load_lexicon()
    lower = word.lower()
    if lower.endswith(lex.agent_endings):
        return lower  # оқушы, кенші: the final ы/і belongs to the noun
    whole = read_word(lower, lex.whole_stems)
    if whole and not whole.suffixes.get("derivation"):
        return whole.stem  # команда, орында: the ending-like letters are the noun's own
    best, best_key = lower, (-1, False, False, 0)
    for end in range(2, len(lower)):
        stem = lower[:end]
        stem_harmony = harmony(stem, lex)
        if (not (stem_harmony or any(g in stem for g in lex.glide_vowels))  # тур|дан, су|ға
                or stem[-1] == stem[-2]  # no Kazakh stem ends in a double letter
                or stem.endswith(lex.agent_stem_endings)):
            continue
        suffixes = _noun_suffixes(lex, lower[end:], stem, stem_harmony)
        if not suffixes or suffixes.get("derivation") or _unlikely_ending(suffixes, stem, lex):
            # -гі/-лық make adjectives of time words and places, not of counted nouns; a bare
            # -ы-н / -і-н ending is more often the noun itself (тұрғын, тізбегін is rarer)
            continue
        # a stem ending in ы/і after a consonant is usually that consonant plus the
        # possessive (баб|ы|ның): prefer the shorter reading then
        possessive_like = (stem[-1] in "ыі" and final_class(stem[:-1], lex) != "V"
                           and not stem.endswith(lex.agent_endings))
        # of equal readings, a vowel-final stem before -сы/-сі (қала|сы|нда, not қалас|ы|нда)
        after_vowel = lex.slots["possessive"].get(suffixes.get("possessive")) == {"V"}
        key = (_endings(suffixes), not possessive_like, after_vowel, end)
        if key > best_key:
            best, best_key = dictionary_form(stem, lower[end:]), key
    return best


def _noun_suffixes(lex: Lexicon, rest: str, stem: str, stem_harmony: str) -> Suffixes | None:
    """``rest`` read as a noun's endings after ``stem``. The instrumental -мен/-бен/-пен
    keeps its vowel after either harmony (ұйым|мен, қыз|ы|мен)."""
    suffixes = parse_suffixes(rest, final_class(stem, lex), stem_harmony, False)
    instrumental = next((form for form, case in lex.case_of.items()
                         if case == "instrumental" and rest.endswith(form)), "")
    if suffixes is not None or not instrumental:
        return suffixes
    before = rest[:-len(instrumental)]
    inner = parse_suffixes(before, final_class(stem, lex), stem_harmony, False)
    if inner is None or "case" in (slot for slot, _ in inner.parts):
        return None
    last_class = "P" if inner.parts and inner.parts[-1][0] == "possessive" else final_class(
        stem + before, lex)
    if last_class not in lex.slots["case"][instrumental] and last_class != ANY:
        return None
    return Suffixes((*inner.parts, ("case", instrumental)))


def is_plural_noun(word: str) -> bool:
    """Whether a noun not in any lexicon carries the plural ending (таныстар, шаралар)."""
    lower = word.lower()
    stem = noun_stem(lower)
    if stem == lower:
        return False
    suffixes = parse_suffixes(lower[len(stem):], final_class(stem), harmony(stem), False)
    return bool(suffixes and suffixes.get("plural"))


def noun_endings(word: str) -> Suffixes:
    """The endings of a noun not in any lexicon (lower-case): what ``noun_stem`` strips,
    read as a suffix chain (empty when there are none)."""
    stem = noun_stem(word)
    return parse_suffixes(word[len(stem):], ANY, "", False) or NO_SUFFIXES
