"""Reading numbers: digits, Kazakh number words and the two mixed (35 млрд, 3 жарым млрд).

``read_number(words, i)`` reads the longest number that starts at word ``i`` and tells what
is glued to its last word: a suffix chain (``100-ден``, ``мыңнан``), a percent sign
(``30%-ға``) or a noun (``29-орынға``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

import regex

from .lexicon import Lexicon, load_lexicon
from .morphology import Reading, Suffixes, parse_suffixes, read_word
from .words import Word

# A word that starts with digits: an optional currency sign, the number (decimal comma or
# point, thousands groups, a fraction, a clock time or a dotted date), an optional range end
# after a dash, and whatever is glued after (suffix, %, noun).
DIGIT_WORD = regex.compile(
    r"""^(?P<sign>[^\w\s\d])?
    (?:(?P<date>\d{1,2}\.\d{1,2}\.\d{4})
      |(?P<time>\d{1,2}:\d{2})
      |(?P<frac>\d+/\d+)
      |(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?))
    (?:(?P<dash>[-–—])(?P<num2>\d+(?:[.,]\d+)?)(?![\d/:]))?
    (?P<rest>.*)$""",
    regex.VERBOSE,
)
DASHES = frozenset("-–—")


@dataclass
class Number:
    """A number read from words ``start`` .. ``end`` (exclusive)."""

    value: Fraction
    start: int
    end: int
    value_max: Fraction | None = None
    digits: bool = False  # written with digits
    integer_digits: bool = False  # digits with no decimal part: a year candidate
    sign: str = ""  # a currency sign before the digits
    glued: str = ""  # what follows the number inside its last word, lower-case (%-ке, -орынға)
    suffixes: Suffixes = field(default_factory=Suffixes)  # when ``glued`` is a suffix chain
    time: str = ""  # hh:mm for a clock time
    date: str = ""  # ISO date for a dotted date
    slash: str = ""  # the digits of a fraction written a/b
    words_only: bool = False  # no digits and no scale: one bare number word

    @property
    def ordinal(self) -> bool:
        return bool(self.suffixes.get("ordinal"))

    @property
    def collective(self) -> bool:
        return bool(self.suffixes.get("collective"))

    @property
    def approximate(self) -> bool:
        return bool(self.suffixes.get("approximation"))

    @property
    def case(self) -> str:
        return self.suffixes.get("case")


def _to_fraction(digits: str) -> Fraction:
    return Fraction(regex.sub(r"[ \u00a0\u202f]", "", digits).replace(",", "."))


class NumberReader:
    """Reads numbers with the number words of ``patterns/numbers.toml``."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or load_lexicon()
        lex = self.lex
        self.kinds: dict[str, str] = {
            **{w: "unit" for w in lex.units}, **{w: "ten" for w in lex.tens},
            **{w: "hundred" for w in lex.hundreds}, **{w: "scale" for w in lex.scales},
            **{w: "collective" for w in lex.collectives},
            **{w: "half_after" for w in lex.half_after},
            **{w: "half_before" for w in lex.half_before},
        }
        self.values: dict[str, int] = {**lex.number_words, **lex.collectives}
        for variant, base in lex.stem_variants.items():
            self.kinds[variant] = self.kinds[base]
            self.values[variant] = self.values[base]
        self.stems = frozenset(self.kinds)

    # ---- single words -------------------------------------------------------------------

    def read_number_word(self, lower: str) -> Reading | None:
        """A number word with its suffixes (мыңнан, бірінші), or None."""
        if lower in self.lex.not_numbers:
            return None
        reading = read_word(lower, self.stems, numeral=True)
        if reading is None:
            return None
        if reading.stem in self.lex.stem_variants and not reading.suffixes.get("ordinal"):
            return None
        return reading

    def starts_number(self, word: Word) -> bool:
        lower = word.lower
        if lower[:1].isdigit() or (lower[:1] in self.lex.currency_symbols and lower[1:2].isdigit()):
            return True
        reading = self.read_number_word(lower.split("-")[0]) if not word.is_punct else None
        return reading is not None and self.kinds[reading.stem] not in ("half_after",)

    # ---- phrases ------------------------------------------------------------------------

    def read(self, words: list[Word], i: int) -> Number | None:
        """The longest number starting at ``words[i]``, or None."""
        word = words[i]
        if word.is_punct or word.in_name:
            return None
        match = DIGIT_WORD.match(word.lower)
        if match and (not match["sign"] or match["sign"] in self.lex.currency_symbols):
            number = self._read_digits(match, i)
        else:
            number = self._read_words(words, i)
        if number is None:
            return None
        if not number.glued and not number.time and not number.date:
            number = self._read_scales(words, number)
        return self._read_spaced_range(words, number)

    def _read_digits(self, match: regex.Match, i: int) -> Number | None:
        number = Number(Fraction(0), i, i + 1, digits=True, sign=match["sign"] or "")
        if match["date"]:
            day, month, year = (int(p) for p in match["date"].split("."))
            if not (1 <= day <= 31 and 1 <= month <= 12):
                return None
            number.date = f"{year:04d}-{month:02d}-{day:02d}"
        elif match["time"]:
            hours, minutes = (int(p) for p in match["time"].split(":"))
            if hours > 24 or minutes > 59:
                return None
            number.time = f"{hours:02d}:{minutes:02d}"
            number.value = Fraction(hours * 60 + minutes, 60)
        elif match["frac"]:
            numerator, denominator = (int(p) for p in match["frac"].split("/"))
            if denominator == 0:
                return None
            number.value, number.slash = Fraction(numerator, denominator), match["frac"]
        else:
            number.value = _to_fraction(match["num"])
            number.integer_digits = regex.fullmatch(r"\d+", match["num"]) is not None
        if match["num2"]:
            high = _to_fraction(match["num2"])
            if high <= number.value:
                return None  # 2012-13, 10-5: not an increasing range
            number.value_max = high
        self._attach_glued(number, match["rest"])
        return number

    def _attach_glued(self, number: Number, rest: str) -> None:
        """Read what is glued after the digits: a suffix chain, or keep it for the caller."""
        number.glued = rest
        if not rest:
            return
        suffixes = parse_suffixes(rest.removeprefix("-"), "*", "", True, lenient=True)
        if suffixes is not None:
            number.suffixes, number.glued = suffixes, ""
            return
        reading = self.read_number_word(rest.removeprefix("-"))
        if reading and self.kinds[reading.stem] == "scale" and not rest.startswith("-"):
            # 3мыңнан: a scale word glued to the digits
            number.value *= self.values[reading.stem]
            number.suffixes, number.glued = reading.suffixes, ""

    def _read_words(self, words: list[Word], i: int) -> Number | None:
        first = words[i].lower
        if "-" in first.strip("-"):
            return self._read_word_pair(words, i)
        total, group, last = Fraction(0), Fraction(0), ""
        end, suffixes, scale_seen = i, Suffixes(), False
        for j in range(i, len(words)):
            word = words[j]
            if word.is_punct or word.in_name:
                break
            reading = self.read_number_word(word.lower)
            if reading is None:
                break
            kind, value = self.kinds[reading.stem], self.values.get(reading.stem, 0)
            step = self._combine(kind, value, total, group, last)
            if step is None:
                break
            total, group, last = step
            scale_seen = scale_seen or kind == "scale"
            end, suffixes = j + 1, reading.suffixes
            if reading.suffixes:
                break  # only the last word of a number carries suffixes
        if end == i or last == "half_before":
            return None
        number = Number(total + group, i, end, suffixes=suffixes)
        number.words_only = end - i == 1 and not scale_seen
        return number

    @staticmethod
    def _combine(kind: str, value: int, total: Fraction, group: Fraction, last: str
                 ) -> tuple[Fraction, Fraction, str] | None:
        """Add one number word to (total, group); None when it cannot continue the number."""
        if kind in ("unit", "collective"):
            if last in ("unit", "collective", "half_after", "half_before"):
                return None
            return total, group + value, kind
        if kind == "ten":
            if last in ("unit", "ten", "collective", "half_after", "half_before") or group % 100:
                return None
            return total, group + value, kind
        if kind == "hundred":
            if last in ("hundred", "ten", "half_after") or group >= 10:
                return None
            return total, (group or 1) * value, kind
        if kind == "scale":
            if last == "scale" and total and total < value:
                return None
            if last == "scale" and not group:
                return None
            return total + (group or 1) * value, Fraction(0), kind
        if kind == "half_after":
            if not last or last == "half_after":
                return None
            if last == "scale":  # мың жарым = 1500, екі мың жарым = 2500
                return total + _last_scale(total) / 2, group, kind
            return total, group + Fraction(1, 2), kind
        if kind == "half_before":
            return (None if last else (total, Fraction(1, 2), kind))
        return None

    def _read_word_pair(self, words: list[Word], i: int) -> Number | None:
        """бес-алты, екі-үш: two number words joined by a hyphen make a range."""
        low_text, _, high_text = words[i].lower.partition("-")
        low, high = self.read_number_word(low_text), self.read_number_word(high_text)
        if low is None or high is None or low.suffixes:
            return None
        low_value, high_value = self.values.get(low.stem), self.values.get(high.stem)
        if low_value is None or high_value is None or high_value <= low_value:
            return None
        return Number(Fraction(low_value), i, i + 1, value_max=Fraction(high_value),
                      suffixes=high.suffixes)

    def _read_scales(self, words: list[Word], number: Number) -> Number:
        """Scale words and жарым after a number: 35 млрд, 1,5 млн, 3 жарым млрд, мың жарым."""
        if number.suffixes:
            return number
        value, high = number.value, number.value_max
        j = number.end
        while j < len(words):
            reading = self.read_number_word(words[j].lower)
            if reading is None or words[j].in_name:
                break
            kind = self.kinds[reading.stem]
            if kind == "half_after" and value.denominator == 1:
                value += Fraction(1, 2)
            elif kind == "scale" and (number.digits or value >= 1):
                if number.digits and j == number.end and value >= self.values[reading.stem]:
                    break  # 5000 мың: a second number, not a scale
                value *= self.values[reading.stem]
                high = high * self.values[reading.stem] if high is not None else None
            else:
                break
            number.end, number.suffixes = j + 1, reading.suffixes
            number.words_only = False
            j += 1
            if reading.suffixes:
                break
        number.value, number.value_max = value, high
        return number

    def _read_spaced_range(self, words: list[Word], number: Number) -> Number:
        """10 – 15 мың: a dash between two numbers makes a range with the unit of the second."""
        j = number.end
        if (number.value_max is not None or number.suffixes or number.glued or number.time
                or j + 1 >= len(words) or words[j].text not in DASHES):
            return number
        second = self.read(words, j + 1)
        if second is None or second.value_max is not None or second.value <= number.value:
            return number
        low = number.value
        if second.value >= 1000 and low < 1000 and second.value % 1000 == 0:
            low *= second.value / _leading(second)  # 10 – 15 мың: the scale is shared
        if low >= second.value:
            return number
        second.value_max, second.value, second.start = second.value, low, number.start
        second.digits = number.digits or second.digits
        return second


def _leading(number: Number) -> Fraction:
    """The digits before the scale word of 15 мың (15), to share the scale with a range start."""
    value = number.value
    while value % 1000 == 0 and value >= 1000:
        value /= 1000
    return value


def _last_scale(total: Fraction) -> Fraction:
    scale = Fraction(1)
    while total % (scale * 1000) == 0:
        scale *= 1000
    return scale
