"""Latin-script Kazakh, read as Cyrillic.

Kazakh news is also published in the 2018 Latin alphabet (``teńge``, ``paıyz``, ``myń``),
the 2021 one (``teñge``, ``paiyz``, ``myñ``) and plain ASCII (``tenge``). A sentence written
mostly in Latin letters is transliterated word by word into Cyrillic with the letter tables
of ``patterns/latin.toml``, and the same fact builder reads it. The Cyrillic words keep their
offsets into the original text, so spans point into the original; a fact's subject is cut
back out of the original text, so it stays in the document's script.
"""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass, field
from itertools import chain

import regex

from .lexicon import Lexicon, load_latin, load_lexicon
from .memo import WordMemo

_LATIN = regex.compile(r"\p{Latin}")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")
# a Roman numeral in capitals of I, V and X (XIX, VIII, V): kept as written, the number
# reader reads it (L, C, D and M are left to the alphabet: they start words and names)
ROMAN_NUMERAL = regex.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_RUNS = regex.compile(r"[\p{L}\p{M}]+|[^\p{L}\p{M}]+")  # letter runs and what lies between
_LATIN_RUN = regex.compile(r"\p{Latin}+")
_CLUSTER = regex.compile(r"\X")  # a letter with its combining marks (n + U+0301 is ń)


def has_latin(text: str) -> bool:
    """A Latin letter somewhere in the text."""
    return _LATIN.search(text) is not None


def is_latin(text: str) -> bool:
    """More Latin letters than Cyrillic ones: a Latin-script sentence."""
    return has_latin(text) and len(_LATIN.findall(text)) > len(_CYRILLIC.findall(text))


@dataclass(frozen=True)
class Transliteration:
    """``cyrillic`` and, for each of its characters, where it starts in ``original``
    (one more entry than characters: the end of the original)."""

    original: str
    cyrillic: str
    starts: tuple[int, ...]

    def original_slice(self, start: int, end: int) -> str:
        """The original text of ``cyrillic[start:end]``."""
        return self.original[self.starts[start]:self.starts[end]]


@dataclass
class Alphabet:
    """One Latin alphabet's reading rules (see patterns/latin.toml)."""

    name: str
    markers: tuple[str, ...] = ()
    letters: dict[str, str] = field(default_factory=dict)
    lower: dict[str, str] = field(default_factory=dict)
    after_vowel: dict[str, str] = field(default_factory=dict)
    before_back_vowel: dict[str, str] = field(default_factory=dict)
    back_vowels: str = ""
    glides: str = ""  # Cyrillic letters after which `after_vowel` does not apply (у)

    def count_markers(self, text: str) -> int:
        return sum(text.count(marker) for marker in self.markers)


TABLES = ("letters", "lower", "after_vowel", "before_back_vowel")


def load_alphabets() -> dict[str, Alphabet]:
    """The alphabets of patterns/latin.toml, each extended with its ``base``'s tables."""
    tables = load_latin()["alphabet"]
    alphabets = {}
    for name, table in tables.items():
        base = tables.get(table.get("base", ""), {})
        merged = {key: {**base.get(key, {}), **table.get(key, {})} for key in TABLES}
        alphabets[name] = Alphabet(name, tuple(table.get("markers", ())),
                                   back_vowels=table.get("back_vowels", ""),
                                   glides=table.get("glides", ""), **merged)
    return alphabets


_ASCII_WORD = regex.compile(r"[A-Za-z]+")


class EnglishGuard:
    """Tells an English sentence from Latin-script Kazakh (latin.toml [english])."""

    def __init__(self) -> None:
        data = load_latin()["english"]
        self.words = frozenset(data["words"])
        self.min_words, self.min_share = data["min_words"], data["min_share"]

    def is_english(self, sentence: str) -> bool:
        if any(ch.isalpha() and not ch.isascii() for ch in sentence):
            return False  # a Kazakh letter (or a Cyrillic one)
        words = [w.lower() for w in _ASCII_WORD.findall(sentence)]
        found = [w for w in words if w in self.words]
        return len(set(found)) >= self.min_words and len(found) >= self.min_share * len(words)


class Transliterator:
    """Latin-script Kazakh to Cyrillic, character offsets kept."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        data = load_latin()
        self.vowels = frozenset(data["vowels"])
        self.words = dict(data.get("words", {}))
        self.iotated = {tuple(pair): letter for pair, letter in data["iotated"].items()}
        self._iotated_pairs = {letter: pair for pair, letter in self.iotated.items()}
        self.english = EnglishGuard()  # sentences not to read as Kazakh at all
        # the first of ``words`` a word starts with, in their order (one search, not one
        # test per stem for every new word form)
        self._stem = regex.compile("|".join(map(regex.escape, self.words)) or r"(?!)")
        self.alphabets = load_alphabets()
        lex = lex or load_lexicon()
        self.keep = _latin_entries(lex)
        # signs written with a Latin letter (R$): kept whole, as the R alone is a letter
        self.signs = tuple(sorted({sign for sign in chain(lex.currency_symbols,
                                                          lex.percent_symbols)
                                   if _LATIN.search(sign) and not sign.isalpha()},
                                  key=len, reverse=True))
        # letters every alphabet that has them reads alike (ǵ, ü): read even in a sentence
        # of the other alphabet, where a writer mixed the two
        readings: dict[str, set[str]] = {}
        for alphabet in self.alphabets.values():
            for letter, cyrillic in alphabet.letters.items():
                readings.setdefault(letter, set()).add(cyrillic)
        self.unambiguous = {k: v.pop() for k, v in readings.items() if len(v) == 1}
        # letters that are a grapheme cluster alone and NFC as they are: ASCII ones and the
        # Latin and Cyrillic letters of the language data
        self._plain = frozenset(ch for ch in chain(string.ascii_letters, lex.letters,
                                                   lex.latin_letters)
                                if ch.isalpha() and unicodedata.is_normalized("NFC", ch)
                                and _CLUSTER.fullmatch(ch))
        self._last_document: tuple[str | None, Alphabet | None] = (None, None)
        # (word, alphabet name) -> its transliteration: news repeats its word forms, and
        # spelling one letter by letter costs far more than a look-up
        self._spelled: WordMemo[tuple[str, str], Transliteration] = WordMemo()
        harmony = data["harmony"]
        self.harmony_alphabet = self.alphabets[harmony["alphabet"]]
        letter, back = regex.escape(harmony["letter"]), regex.escape(harmony["back_vowels"])
        self.harmony_word = regex.compile(
            rf"(?i)\b(?=[\p{{L}}]*{letter})(?=[\p{{L}}]*[{back}])[\p{{L}}]+")

    def alphabet(self, sentence: str, document: str = "") -> Alphabet:
        """The alphabet whose markers the sentence holds most of; else the document's; else
        2018 when a word spells и/й with ı beside a back vowel (latin.toml [harmony]); else
        ASCII."""
        return (self._by_markers(sentence) or self._document_alphabet(document)
                or self._by_harmony(sentence) or self.alphabets["ascii"])

    def _by_harmony(self, sentence: str) -> Alphabet | None:
        return self.harmony_alphabet if self.harmony_word.search(sentence) else None

    def _document_alphabet(self, document: str) -> Alphabet | None:
        """``_by_markers(document)``, kept for the last document: every Latin sentence without
        markers of its own asks for it, and reading a long document's markers is slow."""
        known, markers = self._last_document  # one attribute, read once: safe across threads
        if known is not document:
            markers = self._by_markers(document)
            self._last_document = (document, markers)
        return markers

    def _by_markers(self, text: str) -> Alphabet | None:
        text = unicodedata.normalize("NFC", text).lower()
        counts = sorted(((a.count_markers(text), a.name) for a in self.alphabets.values()),
                        reverse=True)
        (best, name), (second, _) = counts[0], counts[1]
        return self.alphabets[name] if best > second else None

    def spellings(self) -> dict[str, set[str]]:
        """Every lower-case Latin letter, digraph or loanword stem (``words``) with every
        Cyrillic it may be read as, in any alphabet and context: a capital's own reading
        (2021 I is ı) under its lower case."""
        found: dict[str, set[str]] = {}
        for alphabet in self.alphabets.values():
            tables = [getattr(alphabet, table) for table in TABLES if table != "lower"]
            for table in tables:
                for latin, cyrillic in table.items():
                    found.setdefault(latin, set()).add(cyrillic.lower())
            for capital, key in alphabet.lower.items():
                for table in tables:
                    if key in table:
                        found.setdefault(capital.lower(), set()).add(table[key].lower())
        for latin, cyrillic in self.words.items():
            found.setdefault(latin, set()).add(cyrillic.lower())
        return found

    def transliterate(self, text: str, alphabet: Alphabet) -> Transliteration:
        """Each letter run of ``text`` in Cyrillic; digits, punctuation and the Latin words
        the lexicon itself knows (USD, KZT) stay as they are."""
        key = (text, alphabet.name)
        found = self._spelled.get(key)
        return found if found is not None else self._spelled.remember(key, self._spell(text,
                                                                                      alphabet))

    def _spell(self, text: str, alphabet: Alphabet) -> Transliteration:
        sign = next((sign for sign in self.signs if text.startswith(sign)), "")
        if sign:  # R$, R$5: the sign as it is, the rest spelled
            rest = self._spell(text[len(sign):], alphabet)
            return Transliteration(text, sign + rest.cyrillic,
                                   (*range(len(sign)), *(len(sign) + k for k in rest.starts)))
        out: list[str] = []
        starts: list[int] = []
        for run in _RUNS.finditer(text):
            piece, base = run.group(), run.start()
            if (not piece[0].isalpha() or piece.lower() in self.keep or not _LATIN.search(piece)
                    or _roman_numeral(piece)):
                out.extend(piece)
                starts.extend(range(base, base + len(piece)))
            else:
                self._word(piece, base, alphabet, out, starts)
        return Transliteration(text, "".join(out), (*starts, len(text)))

    def _word(self, word: str, base: int, alphabet: Alphabet, out: list[str],
              starts: list[int]) -> None:
        first = len(out)
        self._letters(word, base, alphabet, out, starts)
        self._join_iotated(out, starts, first)

    def iotated_pair(self, letter: str) -> tuple[str, str] | None:
        """The two letters Cyrillic writes as ``letter`` (я: й + а), or None."""
        return self._iotated_pairs.get(letter)

    def _join_iotated(self, out: list[str], starts: list[int], first: int) -> None:
        """й + а -> я, й + у -> ю inside the word written from ``first`` on (the pair's
        letter keeps the start of its й)."""
        k = first
        while k + 1 < len(out):
            letter = self.iotated.get((out[k].lower(), out[k + 1].lower()))
            if letter:
                out[k:k + 2] = [letter.upper() if out[k].isupper() else letter]
                del starts[k + 1]
            k += 1

    def _letters(self, word: str, base: int, alphabet: Alphabet, out: list[str],
                 starts: list[int]) -> None:
        skip = 0
        if found := self._stem.match(word.lower()):
            stem = found.group()
            cyrillic = self.words[stem]
            cyrillic = cyrillic.capitalize() if word[0].isupper() else cyrillic
            out.extend(cyrillic)
            starts.extend(base + min(k, len(stem) - 1) for k in range(len(cyrillic)))
            skip = len(stem)
        if self._plain.issuperset(word):  # each letter a cluster of its own, in NFC
            clusters = list(zip(word[skip:], range(base + skip, base + len(word)), strict=True))
        else:
            clusters = [(unicodedata.normalize("NFC", m.group()), base + m.start())
                        for m in _CLUSTER.finditer(word, skip)]
        i = 0
        while i < len(clusters):
            letter, start = clusters[i]
            pair = letter + clusters[i + 1][0] if i + 1 < len(clusters) else ""
            if pair.lower() in alphabet.letters and len(pair) == 2:
                cyrillic, width = alphabet.letters[pair.lower()], 2
            else:
                following = clusters[i + 1][0].lower() if i + 1 < len(clusters) else ""
                cyrillic, width = self._letter(letter, out, following, alphabet), 1
            # a letter no table knows stays as it is, with its marks (n + U+0308 is two
            # characters): every character written gets its offset
            written = cyrillic.upper() if _is_upper(letter, alphabet) else cyrillic
            out.extend(written)
            starts.extend([start] * len(written))
            i += width

    def _letter(self, letter: str, out: list[str], following: str, alphabet: Alphabet) -> str:
        key = alphabet.lower.get(letter, letter.lower())
        if (out and out[-1].lower() in self.vowels and key in alphabet.after_vowel
                and out[-1].lower() not in alphabet.glides):
            return alphabet.after_vowel[key]
        if following and following in alphabet.back_vowels and key in alphabet.before_back_vowel:
            return alphabet.before_back_vowel[key]
        return alphabet.letters.get(key) or self.unambiguous.get(key, letter)


def _is_upper(letter: str, alphabet: Alphabet) -> bool:
    return letter in alphabet.lower or letter != letter.lower()


def _roman_numeral(piece: str) -> bool:
    """XIX ǵasyr, V otyrysy: a Roman numeral, kept as written (220 V stays the volt: V is
    a word of the unit too)."""
    return ROMAN_NUMERAL.fullmatch(piece) is not None


def _latin_entries(lex: Lexicon) -> frozenset[str]:
    """Latin letter runs the lexicon lists as they are (currency codes, kWh, UTC): never
    transliterated. A single letter is a letter of Kazakh Latin too (the F of °F is also
    that of F-35), so it is read like any other."""
    entries = chain(lex.currency_symbols, lex.percent_symbols, lex.zone_words,
                    (w for phrase in chain(lex.currencies, lex.measures) for w in phrase))
    return frozenset(run.lower() for entry in entries for run in _LATIN_RUN.findall(entry)
                     if len(run) > 1)
