"""Reading numbers: digits, Kazakh number words and the two mixed (35 млрд, 3 жарым млрд).

``NumberReader.read(words, i)`` reads the longest number that starts at word ``i`` and tells
what is glued to its last word: a suffix chain (``100-ден``, ``мыңнан``), a percent sign
(``30%-ға``) or a noun (``29-орынға``). Besides cardinals in any compound it reads spoken
decimals (бес бүтін оннан үш, бір де жеті), fractions (үштен екі, төрттің бірі, 3-тен 2-сі),
halves and quarters (үш жарым, жарты миллион, ширек), collectives (бесеуі, 6-ау), paired
numbers (бес-алты, он бес-жиырма мың), Roman numerals before their noun (XXI ғасыр) and №5.
``mark_identifiers`` first takes out digits that identify rather than count: phone numbers,
codes, numbers in names (Nikkei 225). Every word it knows comes from ``patterns/numbers.toml``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, fields
from fractions import Fraction

import regex

from ..facts import Value, quotient
from ..kazakh.lexicon import Lexicon, load_lexicon
from ..kazakh.memo import WordMemo
from ..kazakh.morphology import NO_SUFFIXES, Suffixes, parse_suffixes, read_word
from ..kazakh.numerals import number_words
from ..text.phrases import PhraseTable
from ..text.words import THOUSANDS_GAP, Word

# A word that starts with digits: an optional sign (currency, №), the number (decimal comma
# or point, thousands groups, a fraction, a clock time or a dotted date), an optional range
# end after a dash, and whatever is glued after (suffix, %, noun).
_DIGIT_WORD = (
    r"""^(?P<sign>{signs}[^\w\s\d])?
    (?:(?P<date>\d{1,2}\.\d{1,2}\.\d{4})
      |(?P<iso>\d{4}-\d{2}-\d{2})(?!\d)
      |(?P<time>\d{1,2}:\d{2})
      |(?P<frac>\d+/\d+)
      |(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?
              |\d+(?:[.,]\d+)?))
    (?:(?P<dash>[-–—])(?P<num2>\d+(?:[.,]\d+)?)(?![\d/:]))?
    (?P<rest>.*)$"""
)


def long_signs(lex: Lexicon) -> tuple[str, ...]:
    """The lexicon's signs of several characters before digits, lower-case (r$ of R$5)."""
    return tuple(sorted({s.lower() for s in lex.currency_symbols
                         if len(s) > 1 and not s.isalnum()}, key=len, reverse=True))


def digit_word(signs: tuple[str, ...]) -> regex.Pattern:
    """``_DIGIT_WORD`` for lower-case words, its sign one of ``signs`` or any one mark."""
    alternatives = "".join(f"{regex.escape(sign)}|" for sign in signs)
    return regex.compile(_DIGIT_WORD.replace("{signs}", alternatives), regex.VERBOSE)


DASHES = frozenset("-–—")
# Digits that are a code, not a quantity: a leading zero (050000, 007) or a third group after
# a second hyphen (123-45-67); quantities are written neither way.
CODE_DIGITS = regex.compile(r"^0\d{2,}$")
GLUED_DIGITS = regex.compile(r"^[-–—]\d")
ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
LATIN_NAME = regex.compile(r"^(?=.*[A-Z])[A-Za-z][A-Za-z0-9&'.+\-]*$")
ALL_DIGITS = regex.compile(r"\d+")
ZONE_OFFSET = regex.compile(r"^[+\-−±]\d{1,2}(?::\d\d)?$")  # the +5 of GMT +5
DASH = regex.compile(r"[-–—]")
SERVICE_DIGITS_MIN = 3  # the shortest line to call: 101, 112
# More digits in a row are a code or noise, never a quantity (and past 4300 Python refuses
# to read or write them as an int).
MAX_DIGITS = 100
LARGEST = 10 ** 200
RANGE_CHAIN_MAX = 8  # numbers joined by dashes or мен/бен/пен read ahead for a spaced range
NUMBER_WORDS_MAX = 64  # more words than a number written in words ever takes
PAIR_NESTING_MAX = 4  # hyphenated pairs read inside a pair's right end (он бес-он бес-…)
# scale words multiplied after a number (5 мың миллиард): a run of мың мың мың … stops here
# instead of growing one number, digit by digit, over the whole run
STACKED_SCALES_MAX = 3
THOUSAND = 1000  # the one scale a bare group of digits may follow (5 мың 300)


@dataclass(frozen=True, slots=True)
class Number:
    """A number read from words ``start`` .. ``end`` (exclusive). Immutable: the reader
    reads the number at a word once per sentence, and every rule shares that reading."""

    value: Value
    start: int
    end: int
    value_max: Value | None = None
    digits: bool = False  # written with digits
    integer_digits: bool = False  # digits with no decimal part: a year candidate
    sign: str = ""  # a currency sign before the digits
    glued: str = ""  # what follows the number inside its last word, lower-case (%-ке, -орынға)
    suffixes: Suffixes = NO_SUFFIXES  # when ``glued`` is a suffix chain
    time: str = ""  # hh:mm as written: a clock time, or mm:ss past 23 (57:04, a game time)
    date: str = ""  # ISO date for a dotted date
    slash: str = ""  # the digits of a fraction written a/b
    words_only: bool = False  # no digits and no scale: one bare number word
    marked: bool = False  # an ordinal by its writing: a Roman numeral before its noun, №5
    collective_word: bool = False  # екеу, бесеуі: a collective numeral word
    decimal: bool = False  # a decimal or fraction read from words (бес бүтін үш, үштен екі)
    fraction: bool = False  # үштен екі, 3-тен 2-сі: a share of something named before it
    or_more: bool = False  # 10 000+: a plus glued after the digits

    @property
    def ordinal(self) -> bool:
        return bool(self.suffixes.get("ordinal")) or self.marked

    @property
    def collective(self) -> bool:
        return bool(self.suffixes.get("collective")) or self.collective_word

    @property
    def approximate(self) -> bool:
        """жүздеген, жиырмадай, and a number in the plural (елулерде "in their fifties",
        миллиардтарды "billions")."""
        return bool(self.suffixes.get("approximation") or self.suffixes.get("plural"))

    @property
    def stands_alone(self) -> bool:
        """The number is a noun phrase of its own and counts no noun after it: a collective
        (бесеуі жарақат алды), a number with a possessive (олардың бірі) or a fraction
        (халықтың үштен бір бөлігі: the share of the people, not a count of parts)."""
        return self.collective or self.fraction or bool(self.suffixes.get("possessive"))

    @property
    def case(self) -> str:
        return self.suffixes.get("case")


_NUMBER_FIELDS = tuple(f.name for f in fields(Number))
_set_field = object.__setattr__  # what a frozen dataclass's __init__ sets its fields with


def changed(number: Number, **changes: object) -> Number:
    """``dataclasses.replace(number, **changes)``, without its per-field checks: it took
    ten times as long as copying the fields (Number has no ``__post_init__``)."""
    copy = object.__new__(Number)
    for name in _NUMBER_FIELDS:
        _set_field(copy, name, changes[name] if name in changes else getattr(number, name))
    return copy


def _beyond_reason(number: Number) -> bool:
    """A value no text states (words multiplied past 10^200): not a number, and
    Python would refuse to write it out."""
    return max(abs(number.value), abs(number.value_max or 0)) >= LARGEST


def _readable_digits(text: str) -> bool:
    """Every run of digits in ``text`` is one Python reads (``regex`` knows digits of a newer
    Unicode than ``int`` does) and at most MAX_DIGITS long."""
    return all(len(run) <= MAX_DIGITS and run.isdecimal() for run in ALL_DIGITS.findall(text))


def _digits_value(digits: str) -> Value:
    """The exact value of written digits: an int, or a Fraction for a decimal (32,8)."""
    if digits.isdecimal():
        return int(digits)  # the common case, without parsing a decimal string
    if digits.count(".") > 1:  # 1.000.000: dots between thousands
        digits = digits.replace(".", "")
    return _exact(Fraction(THOUSANDS_GAP.sub("", digits).replace(",", ".")))


def _exact(value: Value) -> Value:
    """An int where the value is whole, else the Fraction."""
    return value.numerator if value.denominator == 1 else value


class NumberReader:
    """Reads numbers with the number words of ``patterns/numbers.toml``."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex = lex or load_lexicon()
        self.numerals = number_words(lex)  # shared with like_num and the other setting
        self.long_signs = long_signs(lex)
        self.digit_word = digit_word(self.long_signs)
        self.roman_nouns = PhraseTable(dict.fromkeys(lex.roman_nouns, True))
        # one-word nouns, bare, as the first member of a hyphenated compound (фестиваль-байқау)
        self.roman_compound_heads = frozenset(n[0] for n in lex.roman_nouns if len(n) == 1)
        self.institutions = PhraseTable(dict.fromkeys(lex.institutions, True))
        self.roads = PhraseTable(dict.fromkeys(lex.roads, True))
        self.measure_first_words = frozenset(phrase[0] for phrase in lex.measures)
        self.service_nouns = PhraseTable(dict.fromkeys(lex.service_nouns, True))
        self.phones = [regex.compile(p) for p in lex.phone_patterns]
        roman = "[" + "".join(lex.roman_letters) + "]+"
        self.roman_word = regex.compile(f"^{roman}(?:[-–—]{roman})?$")
        self.idiom_words = frozenset(w for phrase in lex.decimal_idioms for w in phrase)
        self.year_first_words = frozenset(phrase[0] for phrase in lex.year_words)
        self._starts: WordMemo[str, bool] = WordMemo()
        self._starts_punct: WordMemo[str, bool] = WordMemo()
        self._sentence: list[Word] | None = None  # whose numbers ``_read`` keeps
        self._read: dict[int, Number | None] = {}
        self._singles: dict[int, Number | None] = {}
        self._opened: tuple[list[Word] | None, list[bool]] = (None, [])

    @property
    def first_words(self) -> frozenset[str]:
        """Stems a number written in words can start with."""
        return self.numerals.stems

    @property
    def gate(self) -> str:
        """A regex for lower-case text that finds where a number may be, besides digits and
        ``first_words``: a sign (№) or a word of Roman-numeral letters (xxi ғасыр)."""
        signs, roman = self.gate_classes()
        return rf"{signs}|(?<!\p{{L}}){roman}+(?!\p{{L}})"

    @property
    def gate_chars(self) -> str:
        """A regex for lower-case text: a character without which ``gate`` finds nothing."""
        signs, roman = self.gate_classes()
        return f"{signs}|{roman}"

    def gate_classes(self) -> tuple[str, str]:
        """Character classes of number signs and of lower-case Roman-numeral letters."""
        roman = "[" + "".join(sorted({ch.lower() for ch in self.lex.roman_letters})) + "]"
        return "[" + "".join(map(regex.escape, self.lex.number_signs)) + "]", roman

    # ---- single words -------------------------------------------------------------------

    def starts_number(self, word: Word) -> bool:
        """The word may open a number: digits, a sign, a Roman numeral or a number word."""
        known = self._starts_punct if word.is_punct else self._starts  # keyed by the text
        found = known.get(word.text)
        if found is None:
            found = known.remember(word.text, self._starts_number(word.text, word.is_punct))
        return found

    def opens(self, words: list[Word]) -> list[bool]:
        """``starts_number`` of each word: asked once per sentence where a loop asks it of
        every word (kept for the last sentence asked about: the gate and the sentence loop
        ask of the same words; their texts are final)."""
        if self._opened[0] is not words:
            self._opened = (words, [self.starts_number(word) for word in words])
        return self._opened[1]

    def _starts_number(self, text: str, is_punct: bool) -> bool:
        lower = text.lower()
        if lower[:1].isdigit() or ((lower[:1] in self.lex.currency_symbols
                                    or lower[:1] in self.lex.minus_signs
                                    or lower[:1] in self.lex.plus_signs
                                    or lower[:1] in self.lex.plus_minus) and lower[1:2].isdigit()):
            return True
        if lower[:1] in self.lex.number_signs or self.roman_word.match(text):
            return True
        if any(lower.startswith(sign) and lower[len(sign):len(sign) + 1].isdigit()
               for sign in self.long_signs):
            return True  # R$5
        band, dash, rest = lower.partition("-")
        if dash and band in self.lex.rank_bands and rest[:1].isdigit():
            return True  # ТОП-100: a word rule reads it (rules/rank.band)
        if is_punct:
            return False
        reading = self.numerals.read(lower) or self.numerals.read(lower.split("-")[0])
        return reading is not None and self.numerals.kinds[reading.stem] != "half_after"

    def _ordinal_word(self, word: Word) -> bool:
        match = self.digit_word.match(word.lower)
        if match and match["num"]:
            suffixes = parse_suffixes(match["rest"].removeprefix("-"), "*", "", True, lenient=True)
            return bool(suffixes and suffixes.get("ordinal"))
        reading = self.numerals.read(word.lower)
        return bool(reading and reading.suffixes.get("ordinal"))

    # ---- what is not a number -----------------------------------------------------------

    def mark_identifiers(self, words: list[Word], opens: list[bool] | None = None) -> None:
        """Mark digits that identify rather than count as names (``in_name``): phone numbers,
        digits after a code word (ID 123456, ISBN …) and after a Latin-script name
        (Nikkei 225, iPhone 15). ``opens``: ``self.opens(words)``, when known."""
        self._mark_phones(words)
        opens = self.opens(words) if opens is None else opens
        zone_words = self.lex.zone_words
        for k, word in enumerate(words):
            if word.in_name:
                continue
            if k and words[k - 1].lower in zone_words and self._zone_offset(words, k):
                word.in_name = True  # GMT +5
                continue
            if not word.text[:1].isdigit():
                if opens[k]:
                    self._mark_spoken_model(words, k)
                continue
            if (self._after_code(words, k) or self._latin_name_next(words, k)
                    or self._service_number(words, k)):
                word.in_name = True
        self._mark_addresses(words, opens)
        self._mark_coordinates(words)
        self._mark_roads(words)
        self._mark_lettered(words, opens)

    def _mark_lettered(self, words: list[Word], opens: list[bool] | None = None) -> None:
        """үш D сканер, 5 G желісі, 5 А сыныбы: a number before a lone capital letter and a
        lower-case word is part of a term or a name (3D, 5G, 5A)."""
        opens = self.opens(words) if opens is None else opens
        # the words that may start a number right before words[k], counted as k goes on, and
        # marked once each: walking back from every capital was quadratic in I I I I …
        run = marked = 0  # the run's length; the index up to which it is marked
        for k in range(1, len(words)):
            previous = words[k - 1]
            run = run + 1 if not previous.is_punct and opens[k - 1] else 0
            text = words[k].text
            if len(text) != 1 or not text.isupper() or not self._letter_of_name(words, k):
                continue
            for word in words[max(k - run, marked):k]:
                word.in_name = True
            marked = k

    def _letter_of_name(self, words: list[Word], k: int) -> bool:
        """The capital letter ``words[k]`` names something with the number before it. A
        letter that is a unit (220 В, 5 А) does so only before a lettered noun (5 А сыныбы);
        before a verb, a capitalised word or the sentence's end the number stays a count."""
        after = words[k + 1] if k + 1 < len(words) else None
        if (after is None or after.is_punct or not after.text[:1].islower()
                or after.lower.endswith(self.lex.verb_endings)):
            return False
        return ((words[k].lower,) not in self.lex.measures
                or read_word(after.lower, self.lex.lettered_nouns) is not None)

    def _after_code(self, words: list[Word], k: int) -> bool:
        """ID 123456, ISBN: 978…, Nikkei 225: digits after a code word or a Latin-script name."""
        before = k - 1
        while (before >= 0 and words[before].is_punct
               and (words[before].text == ":" or words[before].text in self.lex.number_signs)):
            before -= 1
        if before < 0:
            return False
        previous = words[before]
        named = before == k - 1 and self.is_latin_name(previous) and not self._year_next(words, k)
        return named or previous.lower in self.lex.code_words

    def _service_number(self, words: list[Word], k: int) -> bool:
        """112 нөміріне, 1414 байланыс орталығына: bare digits before a service noun with its
        possessive name a line to call; lines have three digits at least, so 5 байланыс
        орталығы is a count, and 120 нөмір (hotel rooms) too."""
        if not (words[k].text.isdigit() and len(words[k].text) >= SERVICE_DIGITS_MIN
                and k + 1 < len(words)):
            return False
        noun = self.service_nouns.match(words, k + 1)  # нөмірі, нөміріне: "the number of"
        return noun is not None and bool(noun.suffixes.get("possessive"))

    def _mark_spoken_model(self, words: list[Word], k: int) -> None:
        """Boeing жеті жүз отыз жеті, Superjet жүз: a model number read out after a
        Latin-script name, in a Cyrillic sentence, is part of the name."""
        if (k and self.starts_number(words[k]) and self.is_latin_name(words[k - 1])
                and not self._year_next(words, k) and (number := self.read(words, k))):
            for word in words[k:number.end]:
                word.in_name = True

    def _latin_name_next(self, words: list[Word], k: int) -> bool:
        """500 Startups: digits right before a capitalised Latin-script word (not a code
        such as USD or MB, which are written in capitals, nor a unit: 50 Hz, 100 Mbps) name
        something."""
        nxt = words[k + 1].text if k + 1 < len(words) else ""
        return (len(nxt) > 1 and nxt[0] in ASCII_UPPER and nxt[1:].isalpha()
                and nxt[1:].islower() and nxt.isascii()
                and (nxt.lower(),) not in self.lex.measures)

    def _zone_offset(self, words: list[Word], k: int) -> bool:
        """GMT +5, UTC -3: a signed hour offset after a time zone's name."""
        return (k > 0 and words[k - 1].lower in self.lex.zone_words
                and bool(ZONE_OFFSET.match(words[k].text)))

    def _mark_addresses(self, words: list[Word], opens: list[bool] | None = None) -> None:
        """Достық көшесі 14-інші үй, Құлболды көшесі, 1/2, 2-корпус: a house number after a
        street's name (a comma may stand between) is an address, and so is each part after
        it, joined by a comma, that is glued to or followed by an address noun (7-блок)."""
        opens = self.opens(words) if opens is None else opens
        for k in range(1, len(words)):
            if not opens[k] and words[k].text != ",":
                continue  # no house number can follow the word before
            street = read_word(words[k - 1].lower, self.lex.address_words)
            if street is None or not street.suffixes.get("possessive"):
                continue
            j = k + 1 if words[k].text == "," and k + 1 < len(words) else k
            number = self.read(words, j) if self.starts_number(words[j]) else None
            while number is not None:
                for word in words[j:number.end]:
                    word.in_name = True
                j = number.end + 1
                if j >= len(words) or words[number.end].text != ",":
                    break
                number = self._address_part(words, j)

    def _address_part(self, words: list[Word], k: int) -> Number | None:
        """7-блок, 2-корпус, 14 пәтер: a number that names a part of a building, or None."""
        if not self.starts_number(words[k]) or (number := self.read(words, k)) is None:
            return None
        glued = number.glued.removeprefix("-")
        noun = glued or (words[number.end].lower if number.end < len(words) else "")
        return number if read_word(noun, self.lex.address_parts) is not None else None

    def _mark_coordinates(self, words: list[Word]) -> None:
        """43.25 градус солтүстік ендік, 75.64 градус шығыс бойлық: an angle on the map."""
        lex = self.lex
        if lex.compass.isdisjoint([w.lower for w in words]):
            return  # numbers are read only where an angle may be: a long list has many
        for k in range(len(words) - 3):
            if not words[k].text[:1].isdigit() or (number := self.read(words, k)) is None:
                continue
            j = number.end
            if (j + 2 < len(words) and read_word(words[j].lower, lex.coordinate_units)
                    and words[j + 1].lower in lex.compass
                    and read_word(words[j + 2].lower, lex.coordinates)):
                for word in words[k:j]:
                    word.in_name = True

    def _mark_roads(self, words: list[Word]) -> None:
        """196-шы штатаралық тас жол, 5 автожолы: a number before a road noun (across one
        relational adjective) is the road's name."""
        if not any(w.text[:1].isdigit() for w in words[:-1]) or not self.roads.any_from(words, 1):
            return  # numbers are read only where a road is named: a long list has many
        for k in range(len(words) - 1):
            if not words[k].text[:1].isdigit() or (number := self.read(words, k)) is None:
                continue
            j = number.end
            if j < len(words) and words[j].lower.endswith(tuple(self.lex.derived_endings)):
                j += 1
            if self.roads.match(words, j) is not None:
                for word in words[k:number.end]:
                    word.in_name = True

    def _mark_phones(self, words: list[Word]) -> None:
        if not words or not any(w.text[:1].isdigit() for w in words):
            return
        pieces, owned_from = [], []  # word k owns the text from owned_from[k]: gap, then word
        length = 0
        for k, word in enumerate(words):
            gap = " " if k and word.start > words[k - 1].end else ""
            owned_from.append(length)
            pieces.append(gap + word.text)
            length += len(pieces[-1])
        text = "".join(pieces)
        for pattern in self.phones:
            for match in pattern.finditer(text):
                if match.end() > match.start():
                    first = bisect_right(owned_from, match.start()) - 1
                    last = bisect_right(owned_from, match.end() - 1) - 1
                    for k in range(first, last + 1):
                        words[k].in_name = True

    def is_latin_name(self, word: Word) -> bool:
        return (bool(LATIN_NAME.match(word.text)) and word.text not in self.lex.currency_symbols
                and not self.roman_word.match(word.text))

    def _year_next(self, words: list[Word], k: int) -> bool:
        """SpaceX 2024 жылы: a year after a name is a date, not part of the name."""
        return k + 1 < len(words) and read_word(words[k + 1].lower,
                                                self.year_first_words) is not None

    def _names_institution(self, words: list[Word], number: Number) -> bool:
        """№55 шахта, 105-мектепте: the number is part of an institution's name."""
        if number.glued.startswith("-"):
            return self.institutions.match([Word(number.glued[1:], 0, 0)], 0) is not None
        if number.glued or number.suffixes or not number.marked:
            return False
        k = number.end  # №64 орта мектеп: across the institution's attributes
        while k < len(words) and words[k].lower in self.lex.institution_attributes:
            k += 1
        return self.institutions.match(words, k) is not None

    def is_quarter(self, words: list[Word], i: int) -> bool:
        """бірінші тоқсанда, соңғы тоқсанда: тоқсан is a quarter of a year there, not 90."""
        reading = self.numerals.read(words[i].lower)
        if i == 0 or reading is None or reading.stem not in self.lex.quarter_words:
            return False
        previous = words[i - 1]
        return (previous.lower in self.lex.quarter_before or self._ordinal_word(previous)
                or self.quarter_digit(previous) and bool(reading.suffixes))

    def is_scale_word(self, word: Word) -> bool:
        """мың, млн, миллиардқа: a scale word, with any ending."""
        reading = self.numerals.read(word.lower, inside=True)
        return reading is not None and self.numerals.kinds[reading.stem] == "scale"

    @staticmethod
    def quarter_digit(word: Word) -> bool:
        """2024 ж. 3 тоқсанында: a bare digit 1-4 before тоқсан with an ending numbers the
        quarter."""
        return len(word.text) == 1 and word.text in "1234"

    # ---- phrases ------------------------------------------------------------------------

    def begin_sentence(self, words: list[Word]) -> None:
        """From here on ``read`` reads each number of ``words`` once: their names and
        identifiers are marked, and no word changes any more."""
        self._sentence, self._read, self._singles = words, {}, {}

    def read(self, words: list[Word], i: int) -> Number | None:
        """The longest number starting at ``words[i]``, or None."""
        return self._once(self._read, self._read_at, words, i)

    def _single(self, words: list[Word], i: int) -> Number | None:
        """``_read_single``, once per word of the sentence begun: a spaced range reads the
        numbers after its start, which the numbers after it read again (1 - 2 - 3 …)."""
        return self._once(self._singles, self._read_single, words, i)

    def _once(self, kept: dict[int, Number | None],
              reading: Callable[[list[Word], int], Number | None], words: list[Word], i: int
              ) -> Number | None:
        """``reading(words, i)``, kept per word of the sentence begun (other words: afresh)."""
        if words is not self._sentence:
            return reading(words, i)
        if i not in kept:
            kept[i] = reading(words, i)
        return kept[i]

    def _read_at(self, words: list[Word], i: int) -> Number | None:
        number = self._single(words, i)
        if number is None:
            return None
        # 10 – 15 мың, үш пен бес: a number joins the next into a range unless the next one
        # makes a range with the one after it. The chain is read forward and joined from its
        # end, in a loop over a window: a recursion per link overflowed the stack on
        # "1 - 1 - 1 …", and an unbounded look-ahead made such runs quadratic.
        chain = [number]
        while len(chain) < RANGE_CHAIN_MAX and self._may_open_range(words, chain[-1]):
            second = self._single(words, chain[-1].end + 1)
            if second is None:
                break
            chain.append(second)
        joined = chain.pop()
        while chain:
            joined = self._spaced_range(words, chain.pop(), joined)
        return None if _beyond_reason(joined) else joined

    def _read_single(self, words: list[Word], i: int) -> Number | None:
        """The number starting at ``words[i]``, without a spaced range after it."""
        word = words[i]
        if word.in_name:
            return None
        if word.text in self.lex.number_signs:
            return self._read_numbered(words, i)
        if word.is_punct or self.is_quarter(words, i) or self._in_idiom(words, i):
            return None
        if self.roman_word.match(word.text):
            return self._read_roman(words, i)
        number = self._read_plain(words, i)
        if number is None or self._names_institution(words, number):
            return None
        if not number.glued and not number.time and not number.date:
            number = self._read_scales(words, number)
        return number

    def _read_plain(self, words: list[Word], i: int) -> Number | None:
        """A number in digits or words with its fraction, without scale words after it."""
        match = self.digit_word.match(words[i].lower)
        if match and match["sign"] in self.lex.number_signs:
            number = self._read_digits(match, i)
            return None if number is None else changed(number, marked=True, sign="")
        if match and match["sign"] in self.lex.minus_signs:
            return self._read_negative(words, i, match)
        if match and match["sign"] in self.lex.plus_minus:  # ±1: from -1 to 1
            number = self._read_digits(match, i)
            return None if number is None or number.value_max is not None else changed(
                number, value=-number.value, value_max=number.value, sign="")
        if match and match["sign"] in self.lex.plus_signs:  # +3,5%: a sign, not a symbol
            number = self._read_digits(match, i)
            return None if number is None else changed(number, sign="")
        if match and (not match["sign"] or match["sign"] in self.lex.currency_symbols):
            number = self._read_digits(match, i)
        else:
            number = self._read_words(words, i)
        if number is None:
            return None
        return self._fraction(words, number) or self._ordinal_fraction(words, number) or number

    def _ordinal_fraction(self, words: list[Word], numerator: Number) -> Number | None:
        """екі үшінші бөлігі "two thirds", бір төртінші бөлігін: a bare count, an ordinal and
        a part noun with its possessive make a fraction (the part noun outside the span, as
        KazNERD marks үштен бір бөлігі)."""
        k = numerator.end
        if (numerator.digits or numerator.suffixes or numerator.value_max is not None
                or numerator.value.denominator != 1 or k + 1 >= len(words)
                or numerator.ordinal or numerator.collective):
            return None
        denominator = self._read_words(words, k)
        if (denominator is None or not denominator.ordinal or denominator.value_max is not None
                or denominator.value.denominator != 1 or denominator.value <= numerator.value
                or any(denominator.suffixes.get(slot) for slot in ("case", "possessive"))
                or denominator.end >= len(words)):
            return None
        part = read_word(words[denominator.end].lower, self.lex.part_nouns)
        if part is None or not part.suffixes.get("possessive"):
            return None
        return Number(quotient(numerator.value, denominator.value), numerator.start,
                      denominator.end, decimal=True, fraction=True)

    def _read_negative(self, words: list[Word], i: int, match: regex.Match) -> Number | None:
        """-5 °C, –5 градус: a minus glued to the digits. After a number the dash makes a
        range written loosely (10 -15, 2017 -2019), and a signed range is ambiguous."""
        before = words[i - 1] if i else None
        if not match["num"] or match["num2"] or before and (
                before.text[-1:].isdigit() or self.is_latin_name(before)):  # COVID -19
            return None
        number = self._read_digits(match, i)
        if number is None:
            return None
        if self._dash_before_percent(words, i, number):
            return changed(number, sign="")
        return changed(number, value=-number.value, sign="")

    def _dash_before_percent(self, words: list[Word], i: int, number: Number) -> bool:
        """бастапқы жарна -10%: after a noun of a share or rate in the nominative, a spaced
        dash before a bare percent is punctuation (-10%-ке төмендеді keeps its minus)."""
        lex = self.lex
        if (not i or number.sign not in lex.percent_dashes
                or number.glued not in lex.percent_symbols or words[i - 1].end == words[i].start):
            return False
        reading = read_word(words[i - 1].lower, lex.percent_dash_nouns)
        return (reading is not None and not reading.suffixes.get("case")
                and not self._level_noun_at(words, i + 1))

    def _level_noun_at(self, words: list[Word], k: int) -> bool:
        """деңгейінде, шамасында: a noun of a level or amount at ``k``."""
        return k < len(words) and read_word(words[k].lower,
                                            self.lex.changes.target_nouns) is not None

    def _read_numbered(self, words: list[Word], i: int) -> Number | None:
        """№ 5 with a space: the sign is a word of its own."""
        if i + 1 >= len(words) or words[i + 1].in_name:
            return None
        match = self.digit_word.match(words[i + 1].lower)
        if not match or match["sign"] or match["num"] is None:
            return None
        number = self._read_digits(match, i + 1)
        if number is None or self._names_institution(words, changed(number, marked=True)):
            return None
        return changed(number, start=i, marked=True)

    def _read_digits(self, match: regex.Match, i: int) -> Number | None:
        if not _readable_digits(match.string[:match.start("rest")]):
            return None
        value, date, time, slash, integer_digits = 0, "", "", "", False
        high = None
        if match["date"]:
            day, month, year = (int(p) for p in match["date"].split("."))
            if not (1 <= day <= 31 and 1 <= month <= 12):
                return None
            date = f"{year:04d}-{month:02d}-{day:02d}"
        elif match["iso"]:  # 2024-01-15, as data exports and some sites write dates
            year, month, day = (int(p) for p in match["iso"].split("-"))
            if not (1 <= day <= 31 and 1 <= month <= 12
                    and self.lex.year_min <= year <= self.lex.year_max):
                return None
            date = match["iso"]
        elif match["time"]:
            hours, minutes = (int(p) for p in match["time"].split(":"))
            if minutes > 59:
                return None  # 57:04 stays: a race or game time (the rules tell it from a clock)
            time = f"{hours:02d}:{minutes:02d}"
            value = Fraction(hours * 60 + minutes, 60)
        elif match["frac"]:
            numerator, denominator = (int(p) for p in match["frac"].split("/"))
            if self._season(match["frac"]):  # 2025/26 маусымы, 2025/2026 оқу жылы
                value, high, integer_digits = numerator, numerator + 1, True
            elif denominator == 0:
                return None
            else:
                value, slash = Fraction(numerator, denominator), match["frac"]
        else:
            if CODE_DIGITS.match(match["num"]) or GLUED_DIGITS.match(match["rest"]):
                return None  # 050000, 123-45-67: a code
            value = _digits_value(match["num"])
            integer_digits = ALL_DIGITS.fullmatch(match["num"]) is not None
        if match["num2"]:
            high = self._range_end(value, match["num2"], integer_digits)
            if high <= value:
                return None  # 10-5: not an increasing range
        number = Number(value, i, i + 1, value_max=high, digits=True, sign=match["sign"] or "",
                        integer_digits=integer_digits, time=time, date=date, slash=slash)
        return self._with_glued(number, match["rest"])

    def _season(self, fraction: str) -> bool:
        """A year over the next one, in full or by its last two digits (2025/2026, 2025/26,
        1999/00): a season or an academic year, the two years as a range, not a fraction."""
        first, second = fraction.split("/")
        year = int(first)
        if not (len(first) == 4 and self.lex.year_min <= year <= self.lex.year_max):
            return False
        return second == str(year + 1) or (len(second) == 2
                                          and int(second) == (year + 1) % 100)

    def _range_end(self, value: Value, digits: str, integer_digits: bool) -> Value:
        """The upper end of a digit range; after a year, two digits are the end's last two
        (2026-27 жылдары: 2026..2027, 1990-91 маусымы)."""
        high = _digits_value(digits)
        if (integer_digits and len(digits) == 2 and digits.isdecimal() and high <= value
                and self.lex.year_min <= value <= self.lex.year_max and high > value % 100):
            return value - value % 100 + high
        return high

    def _with_glued(self, number: Number, rest: str) -> Number:
        """The number with what is glued after its digits read: a suffix chain, a scale word
        (3мыңнан, of both ends of a range: 15-20млн), or kept as ``glued`` for the rules."""
        or_more = rest[:1] in self.lex.plus_signs  # 10 000+ қатысушы
        if or_more:
            rest = rest[1:]
        if not rest:
            return changed(number, or_more=True) if or_more else number
        suffixes = parse_suffixes(rest.removeprefix("-"), "*", "", True, lenient=True)
        if suffixes is not None:
            return changed(number, or_more=or_more, suffixes=suffixes)
        reading = self.numerals.read(rest.removeprefix("-"))
        if reading and self.numerals.kinds[reading.stem] == "scale" and not rest.startswith("-"):
            scale = self.numerals.values[reading.stem]
            high = number.value_max * scale if number.value_max is not None else None
            return changed(number, or_more=or_more, value=number.value * scale, value_max=high,
                           suffixes=reading.suffixes)
        return changed(number, or_more=or_more, glued=rest)

    # ---- number words -------------------------------------------------------------------

    def _read_words(self, words: list[Word], i: int) -> Number | None:
        whole = self._integer(words, i)
        if whole is None or whole.value_max is not None:
            return whole
        return self._decimal(words, whole) or self._fraction_of_digits(words, whole) or whole

    def _fraction_of_digits(self, words: list[Word], whole: Number) -> Number | None:
        """жарты 1000000-ға: a half or a quarter of a number written in digits."""
        k = whole.end
        reading = self.numerals.read(words[whole.start].lower)
        if (k - whole.start != 1 or whole.suffixes or k >= len(words) or reading is None
                or self.numerals.kinds[reading.stem] != "half_before"):
            return None
        match = self.digit_word.match(words[k].lower)
        if not match or match["sign"] or not match["num"] or words[k].in_name:
            return None
        digits = self._read_digits(match, k)
        if digits is None or digits.value_max is not None or digits.glued:
            return None
        return Number(whole.value * digits.value, whole.start, digits.end, digits=True,
                      suffixes=digits.suffixes)

    def _integer(self, words: list[Word], i: int, scales: bool = True, nested: int = 0
                 ) -> Number | None:
        """Number words from ``words[i]`` on, summed by their kinds (жиырма бес, мың тоғыз жүз,
        екі миллион бес жүз мың, үш жарым, жарты миллион); a hyphen inside a word makes a range
        (бес-алты, он бес-жиырма мың). ``scales=False`` stops before scale words; ``nested``
        counts the ranges whose right end this number is."""
        first = self.numerals.read(words[i].lower)
        if first is not None and first.stem in self.lex.scale_abbreviations:
            return None  # млн alone is no number: an abbreviated scale follows one
        total, group, last = 0, 0, ""
        end, suffixes, scale_seen, collective = i, NO_SUFFIXES, False, False
        for j in range(i, len(words)):
            word = words[j]
            if word.is_punct or word.in_name:
                break
            reading = self.numerals.read(word.lower, inside=j > i)
            if reading is None:
                pair = (self._pair(words, i, j, total, group, last, nested)
                        if "-" in word.lower.strip("-") else None)
                if pair is not None:
                    return pair
                break
            kind = self.numerals.kinds[reading.stem]
            value = self.numerals.values.get(reading.stem, 0)
            if kind == "scale" and not scales:
                break
            step = self._combine(kind, value, total, group, last)
            if step is None:
                break
            total, group, last = step
            scale_seen = scale_seen or kind == "scale"
            collective = kind == "collective"
            end, suffixes = j + 1, reading.suffixes
            if reading.suffixes:
                break  # only the last word of a number carries suffixes
        if end == i:
            return None
        # бір ғана "only one": the numeral, not the article
        words_only = (end - i == 1 and not scale_seen
                      and not (end < len(words) and words[end].lower in self.lex.numeral_markers))
        return Number(total + group, i, end, suffixes=suffixes, collective_word=collective,
                      words_only=words_only)

    def _pair(self, words: list[Word], i: int, j: int, total: Value, group: Value,
              last: str, nested: int = 0) -> Number | None:
        """A hyphenated word inside a number: бес-алты, екі-үш сағат, он бес-жиырма мың,
        мың жарым-екі мың. The right end is read as a number that may hold a pair itself
        (then this is none), up to PAIR_NESTING_MAX deep: "он бес-он бес-он …" recursed
        once per word."""
        if nested >= PAIR_NESTING_MAX:
            return None
        left, _, right = words[j].lower.partition("-")
        low_reading = self.numerals.read(left)
        if low_reading is None or low_reading.suffixes or self.numerals.read(right) is None:
            # a right end that is no number word by itself is no range end (бес-бес-бес…):
            # checked here so that a chain of hyphens is not read by a recursion per hyphen
            return None
        kind = self.numerals.kinds[low_reading.stem]
        low = self.numerals.values.get(low_reading.stem, 0)
        step = self._combine(kind, low, total, group, last)
        if step is None or kind == "half_before":
            return None
        low = step[0] + step[1]
        # the words after, up to a window no number is longer than: copying the sentence's
        # rest for each pair made runs of pairs quadratic
        after = words[j + 1:j + 1 + NUMBER_WORDS_MAX]
        high = self._integer([Word(right, words[j].start, words[j].end), *after], 0,
                             nested=nested + 1)
        if high is None or high.value_max is not None:
            return None
        low = shared_scale(low, high.value)  # бес-алты мың
        if high.value <= low:
            return None  # бір-бірі "each other"
        return Number(low, i, j + high.end, value_max=high.value, suffixes=high.suffixes)

    @staticmethod
    def _combine(kind: str, value: Value, total: Value, group: Value, last: str
                 ) -> tuple[Value, Value, str] | None:
        """Add one number word to (total, group); None when it cannot continue the number."""
        if kind in ("unit", "collective"):
            if last in ("unit", "collective", "half_after", "half_before"):
                return None
            return total, group + value, kind
        if kind == "ten":
            if last in ("unit", "ten", "collective", "half_after", "half_before") or group % 100:
                return None
            return total, group + value, kind
        if kind == "hundred":  # екі жүз; он төрт жүз = 1400 in speech
            if last in ("hundred", "half_after") or group >= 100:
                return None
            return total, (group or 1) * value, kind
        if kind == "scale":
            if last == "scale" and total and total < value:
                return None
            if last == "scale" and not group:
                return None
            return total + (group or 1) * value, 0, kind
        if kind == "half_after":
            if not last or last in ("half_after", "half_before"):
                return None
            if last == "scale":  # мың жарым = 1500, екі мың жарым = 2500
                return total + Fraction(_last_scale(total), 2), group, kind
            return total, group + Fraction(1, 2), kind
        if kind == "half_before":  # жарты миллион, ширек ғасыр
            return (None if last else (total, value, kind))
        return None

    def _decimal(self, words: list[Word], whole: Number) -> Number | None:
        """A бүтін [10/100-ABL] B and A де B: a spoken decimal after a whole number."""
        j = whole.end
        if whole.suffixes or whole.collective or j + 1 >= len(words):
            return None
        point = words[j].lower
        if point not in self.lex.decimal_points and point not in self.lex.spoken_points:
            return None
        denominator = self._denominator(words[j + 1]) if point in self.lex.decimal_points else None
        part, zeros = self._decimal_part(words, j + 1 + (denominator is not None))
        if part is None and denominator is not None:  # екі бүтін төрттен асты: 2.4, no fraction
            denominator = None
            part, zeros = self._decimal_part(words, j + 1)
        if part is None:
            return None
        if denominator is None and not zeros:
            denominator, part = self._decimal_place(words, j + 1, part)
        spoken = point in self.lex.spoken_points
        if spoken and (self._idiom(words, whole.start, part.end) or self._score(words, part.end)):
            return None
        if spoken and not zeros and whole.value >= 100 and part.value < _round_unit(whole.value):
            # жүз де он тоғыз = 119: after a round hundred the particle means "and"
            return Number(whole.value + part.value, whole.start, part.end, suffixes=part.suffixes)
        if denominator is None:
            denominator = 10 ** (zeros + len(str(part.value)))
        elif part.value >= denominator or zeros:
            return None
        return Number(whole.value + Fraction(part.value, denominator), whole.start, part.end,
                      suffixes=part.suffixes, decimal=True)

    def _decimal_place(self, words: list[Word], k: int, part: Number
                       ) -> tuple[int | None, Number]:
        """A place word after the digits said after бүтін at ``k``: бес бүтін төрт жүздік =
        5.04, үш бүтін бес ондық = 3.5. Returns the denominator (None without one) and the
        digits' number, up to the place word."""
        places = self.lex.decimal_places
        place = places.get(words[part.end - 1].lower, 0)
        if (place and part.end - 1 > k and part.value % place == 0
                and 0 < part.value // place < place):
            # the number words read "төрт жүздік" as 400 with a derivation
            return place, changed(part, value=part.value // place, suffixes=NO_SUFFIXES)
        after = words[part.end].lower if part.end < len(words) else ""
        if after in places and not part.suffixes and part.value < places[after]:
            return places[after], changed(part, end=part.end + 1)
        return None, part

    def _decimal_part(self, words: list[Word], k: int) -> tuple[Number | None, int]:
        """The digits said after a decimal point at ``k``, with the number of zeros said
        before them (бес бүтін нөл үш)."""
        zeros = 0
        while (k + 1 < len(words) and words[k].lower == self.lex.decimal_zero
               and self.numerals.read(words[k + 1].lower) is not None):
            zeros, k = zeros + 1, k + 1
        part = self._integer(words, k, scales=False) if k < len(words) else None
        if (part is None or part.value_max is not None or part.collective
                or part.value.denominator > 1):
            return None, zeros
        return part, zeros

    def _score(self, words: list[Word], k: int) -> bool:
        """нөл де үш есебімен: a score of two numbers, not a decimal."""
        return k < len(words) and read_word(words[k].lower, self.lex.score_words) is not None

    def _denominator(self, word: Word) -> int | None:
        """оннан, жүзден (a decimal: бес бүтін оннан үш = 5.3), төрттен (a mixed fraction: екі
        бүтін төрттен үш = 2 3/4): a whole number word in the ablative after бүтін."""
        reading = self.numerals.read(word.lower)
        if reading is None or reading.suffixes.parts != (("case", reading.suffixes.get("case")),):
            return None
        value = self.numerals.values.get(reading.stem, 0)
        if (self.lex.case_of.get(reading.suffixes.get("case")) != "ablative" or value < 2
                or Fraction(value).denominator != 1):
            return None
        return int(value)

    def _in_idiom(self, words: list[Word], i: int) -> bool:
        """A word of бір де бір "not a single one": no number at all."""
        if words[i].lower not in self.idiom_words:
            return False
        for phrase in self.lex.decimal_idioms:
            for start in range(max(0, i - len(phrase) + 1), i + 1):
                if self._idiom(words, start, start + len(phrase)):
                    return True
        return False

    def _idiom(self, words: list[Word], start: int, end: int) -> bool:
        """бір де бір "not a single one", unless a scale word follows (бір де бір миллион)."""
        phrase = tuple(w.lower for w in words[start:end])
        if phrase not in self.lex.decimal_idioms:
            return False
        reading = self.numerals.read(words[end].lower) if end < len(words) else None
        return reading is None or self.numerals.kinds[reading.stem] != "scale"

    def _fraction(self, words: list[Word], denominator: Number) -> Number | None:
        """үштен екі(сі), оннан біріне, 3-тен 2-сі (ablative), төрттің бірі (genitive):
        a numerator after a whole number in the ablative or genitive."""
        case = self.lex.case_of.get(denominator.case, "")
        k = denominator.end
        if (case not in ("ablative", "genitive") or denominator.value_max is not None
                or len(denominator.suffixes.parts) != 1 or denominator.value.denominator > 1
                or denominator.value < 2 or k >= len(words) or words[k].in_name):
            return None
        match = self.digit_word.match(words[k].lower)
        if match and match["num"] and not match["sign"]:
            numerator = self._read_digits(match, k)
        else:
            numerator = self._read_words(words, k)
        if (numerator is None or numerator.value_max is not None or numerator.glued
                or numerator.value == denominator.value or numerator.ordinal
                or numerator.collective or numerator.decimal):
            return None
        if numerator.value > denominator.value:
            return self._improper(words, denominator, numerator, case)
        bare = not numerator.suffixes.get("possessive")
        if bare and (numerator.suffixes or case == "genitive"
                     or not self._ends_part(words, numerator.end)):
            return None  # оннан беске, сексеннен алпыс шақырымға: a range or two counts
        if numerator.value < 1:  # мыңның жартысы, елу мыңның жартысы: half of 50 000
            return Number(_exact(numerator.value * denominator.value), denominator.start,
                          numerator.end, suffixes=numerator.suffixes, digits=denominator.digits)
        share = quotient(numerator.value, denominator.value)
        return Number(share, denominator.start, numerator.end, suffixes=numerator.suffixes,
                      digits=denominator.digits, decimal=True, fraction=True)

    def _improper(self, words: list[Word], denominator: Number, numerator: Number, case: str
                  ) -> Number | None:
        """екіден үш гектар (3/2 ha): an improper fraction in words, only before a measure
        in its bare form. A larger number after an ablative is otherwise the end of a range
        (жеті жүзден екі мың АЕК-ке дейін, екіден үш гектарға дейін) or a comparison base
        (екіден үш есе), so digits, a scale word, any ending or another word after it refuse."""
        k = numerator.end
        if (case != "ablative" or denominator.digits or numerator.digits or numerator.suffixes
                or k >= len(words) or words[k].lower not in self.measure_first_words
                or any(map(self.is_scale_word, words[numerator.start:k]))):
            return None
        return Number(quotient(numerator.value, denominator.value), denominator.start, k,
                      decimal=True, fraction=True)

    def _ends_part(self, words: list[Word], k: int) -> bool:
        """A fraction's bare numerator ends a clause or stands before a word for "part"."""
        return (k >= len(words) or words[k].is_punct
                or read_word(words[k].lower, self.lex.part_nouns) is not None)

    # ---- Roman numerals -----------------------------------------------------------------

    def _read_roman(self, words: list[Word], i: int) -> Number | None:
        """XXI ғасыр, III томы, X-XII ғасырларда, XIX – XX ғасырлар: an ordinal before its noun."""
        parts = DASH.split(words[i].text)
        end = i + 1
        if (len(parts) == 1 and end + 1 < len(words) and words[end].text in DASHES
                and self.roman_word.match(words[end + 1].text) and "-" not in words[end + 1].text):
            parts, end = [*parts, words[end + 1].text], end + 2
        values = [self._roman_value(part) for part in parts]
        if None in values or not self._roman_noun_after(words, end) or (
                len(parts) == 1 and parts[0] in self.lex.roman_not_alone):
            return None
        high = values[-1] if len(values) == 2 else None
        if high is not None and high <= values[0]:
            return None
        return Number(values[0], i, end, value_max=high, marked=True)

    def _roman_noun_after(self, words: list[Word], end: int) -> bool:
        """Its noun right after the numeral or after a few attributes (ХІХ жазғы Азия
        ойындары), or after "and" and another numeral (І және ІІ топ)."""
        for k in range(end, min(end + self.lex.roman_attributes_max + 1, len(words))):
            if self.roman_nouns.match(words, k) is not None or self._roman_compound(words[k]):
                return True
            if words[k].is_punct or not words[k].text.isalpha():
                return False
        if (end + 1 < len(words) and words[end].lower in self.lex.coordinators
                and self.roman_word.match(words[end + 1].text)):
            return self._roman_noun_after(words, end + 2)
        return False

    def _roman_compound(self, word: Word) -> bool:
        """A hyphenated compound whose first member is a Roman numeral's noun, bare: VII
        фестиваль-байқауы, ІІ форум-көрмесі (the second member takes the endings)."""
        first, hyphen, rest = word.lower.partition("-")
        return bool(hyphen and rest) and first in self.roman_compound_heads

    def _roman_value(self, text: str) -> int | None:
        """The value of a well-formed Roman numeral (canonical spelling), else None."""
        letters = self.lex.roman_letters
        values = [letters[ch] for ch in text]
        total = sum(-v if k + 1 < len(values) and v < values[k + 1] else v
                    for k, v in enumerate(values))
        return total if 0 < total < 4000 and _roman(total) == values else None

    # ---- after the number ---------------------------------------------------------------

    def _tens_of(self, number: Number) -> bool:
        """ондаған, жүздеген: one number word whose only suffix is "tens of, hundreds of"."""
        parts = number.suffixes.parts
        return (len(parts) == 1 and parts[0][0] == "approximation" and not number.digits
                and parts[0][1] in self.lex.approximate_scales)

    def _read_scales(self, words: list[Word], number: Number) -> Number:
        """Scale words and жарым after a number: 35 млрд, 1,5 млн, 3 жарым млрд, мың жарым,
        тоқсан үш бүтін төрт миллиард."""
        tens_of = number.suffixes.parts if self._tens_of(number) else ()
        if (number.suffixes and not tens_of) or number.marked:
            return number
        value, high, scale, scales = number.value, number.value_max, None, 0
        j = end = number.end
        suffixes, words_only = number.suffixes, number.words_only
        said = self._scale_at(words, j - 1) if not number.digits else None
        while j < len(words):
            reading = self.numerals.read(words[j].lower, inside=True)
            if reading is None or words[j].in_name:
                break
            kind = self.numerals.kinds[reading.stem]
            if kind == "half_after" and value.denominator == 1:
                value += Fraction(1, 2)
            elif (kind == "scale" and (number.digits or number.decimal or value >= 1)
                  and scales < STACKED_SCALES_MAX):
                scale_value = self.numerals.values[reading.stem]
                if number.digits and j == number.end and value >= scale_value:
                    break  # 5000 мың: a second number, not a scale
                if (scale or said) and scale_value <= (scale or said):
                    # a scale word multiplies only a smaller one before it (мың миллион is
                    # 10^9); миллиард миллиард or миллион мың are two numbers, not 10^18
                    break
                scale = scale_value
                scales += 1
                value *= scale
                high = high * scale if high is not None else None
            else:
                break
            end, suffixes, words_only = j + 1, reading.suffixes, False
            j += 1
            if reading.suffixes:
                break
        if end == number.end:
            return number  # no scale word after it
        if tens_of:  # ондаған мыңнан: approximate, and the scale word's case
            suffixes = Suffixes(tens_of + suffixes.parts)
        number = changed(number, value=value, value_max=high, end=end, suffixes=suffixes,
                         words_only=words_only)
        if scale and number.integer_digits and high is None and not number.suffixes:
            return self._read_next_group(words, number, scale)
        return number

    def _scale_at(self, words: list[Word], k: int) -> Value | None:
        """The value of word ``k`` when it is a scale word (the end of бес миллиард)."""
        reading = self.numerals.read(words[k].lower, inside=True) if k >= 0 else None
        return (self.numerals.values[reading.stem]
                if reading is not None and self.numerals.kinds[reading.stem] == "scale" else None)

    def _read_next_group(self, words: list[Word], number: Number, scale: Value) -> Number:
        """1 млрд 200 млн, 19 миллион 800 мың, 5 мың 300: whole digits under a scale go on
        with a group of at most three digits with a smaller scale of its own, or, after мың,
        without one (after a larger scale a bare number is more often a count of its own)."""
        j = number.end
        match = self.digit_word.match(words[j].lower) if j < len(words) else None
        if (match is None or match["sign"] or not match["num"] or not match["num"].isdigit()
                or len(match["num"]) > 3 or words[j].in_name):
            return number
        group = self._read_plain(words, j)
        if (group is None or group.value_max is not None or group.glued or group.time
                or group.date or group.slash or group.value < 1):
            return number
        digits_end = group.end
        if not group.suffixes:
            group = self._read_scales(words, group)
        if group.value_max is not None or group.value >= scale or (
                group.end == digits_end and scale != THOUSAND):
            return number
        return changed(number, value=number.value + group.value, end=group.end,
                       suffixes=group.suffixes)

    def _may_open_range(self, words: list[Word], number: Number) -> bool:
        """A dash or мен/бен/пен follows the number, which may start a spaced range."""
        j = number.end
        return not (number.value_max is not None or number.suffixes or number.glued
                    or number.time or number.marked or j + 1 >= len(words)
                    or not self._joins_range(words[j]))

    def _spaced_range(self, words: list[Word], number: Number, second: Number) -> Number:
        """10 – 15 мың, үш пен бес: a dash or мен/бен/пен between two numbers makes a range with
        the unit of the second; ``second`` is the whole reading after the joiner. The start
        shares the end's scale word (10 – 15 мың: 10 000), not a scale written in digits
        (5 - 100 000: 5)."""
        if second.value_max is not None or second.value <= number.value or second.marked:
            return number
        low = (shared_scale(number.value, second.value)  # 10 – 15 мың
               if any(map(self.is_scale_word, words[second.start:second.end])) else number.value)
        if low >= second.value:
            return number
        return changed(second, value_max=second.value, value=low, start=number.start,
                       digits=number.digits or second.digits)

    def _joins_range(self, word: Word) -> bool:
        return word.text in DASHES or word.lower in self.lex.range_conjunctions


def leading_digits(value: Value) -> Value:
    """The digits before the scale word of 15 мың (15), to share the scale with a range start."""
    while value % 1000 == 0 and value >= 1000:
        value = quotient(value, 1000)
    return value


def shared_scale(low: Value, high: Value) -> Value:
    """The start of a range that shares the scale word of its end (10 – 15 мың: 10 000):
    ``low`` times that scale when ``high`` ends in one and ``low`` is below 1000."""
    leading = leading_digits(high)
    return quotient(low * high, leading) if leading != high and low < 1000 else low


def _round_unit(value: Value) -> Value:
    """What a round number leaves room for: 100 after жүз (600), 1000 after мың (2000)."""
    if value % 100:
        return 0
    return _last_scale(value) if value % 1000 == 0 else 100


def _last_scale(total: Value) -> Value:
    """The largest power of 1000 that divides ``total`` (1 for zero, which every power divides:
    the loop must end)."""
    scale = 1
    while total and total % (scale * 1000) == 0:
        scale *= 1000
    return scale


_ROMAN_STEPS = ((1000, (1000,)), (900, (100, 1000)), (500, (500,)), (400, (100, 500)),
                (100, (100,)), (90, (10, 100)), (50, (50,)), (40, (10, 50)), (10, (10,)),
                (9, (1, 10)), (5, (5,)), (4, (1, 5)), (1, (1,)))


def _roman(value: int) -> list[int]:
    """The letter values of the canonical Roman spelling of ``value`` (1994 -> M CM XC IV)."""
    letters: list[int] = []
    for step, spelled in _ROMAN_STEPS:
        while value >= step:
            letters.extend(spelled)
            value -= step
    return letters

