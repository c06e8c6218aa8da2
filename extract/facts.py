"""The output record: one numeric fact with its span, type and normalised value."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from decimal import Decimal, localcontext
from fractions import Fraction

TYPES = ("MONEY", "PERCENT", "RANK", "ORDINAL", "CARDINAL", "QUANTITY", "DURATION", "DATE", "TIME")
QUALIFIERS = ("", "approx", "gt", "ge", "lt", "le")

# Column order of every output format (the output contract).
COLUMNS = ("doc", "start", "end", "span", "type", "value", "value_max", "unit", "qualifier",
           "subject", "total", "period", "sentence")
DIRECTIONS = ("up", "down")


class _Record:
    """An output record: its fields are its columns after ``doc``, in order."""

    def row(self, doc: str) -> dict[str, object]:
        """The record as an output row, ``doc`` first."""
        return {"doc": doc, **asdict(self)}

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


@dataclass(frozen=True)
class Fact(_Record):
    """A numeric fact. ``text[start:end] == span``; ``value`` is a plain decimal string
    (``35000000000``, ``32.8``) or, for DATE and TIME, an ISO 8601 string (``2017-01-31``)."""

    start: int
    end: int
    span: str
    type: str
    value: str
    value_max: str = ""
    unit: str = ""
    qualifier: str = ""
    subject: str = ""
    total: str = ""
    period: str = ""  # the date of the clause the fact belongs to: 2019, 2017/2019, --02-01
    sentence: str = ""


# Column order of the changes output.
CHANGE_COLUMNS = ("doc", "start", "end", "span", "type", "unit", "from_value", "to_value",
                  "by_value", "by_value_max", "factor", "direction", "verb", "compared_to",
                  "facts", "sentence")


@dataclass(frozen=True)
class Change(_Record):
    """A measured quantity that moved: ``31 күннен 10 күнге қысқарды`` is 31 -> 10 day,
    down. ``span`` runs from the first number to the verb of change; ``by_value`` (and
    ``by_value_max`` for a range of amounts) is the amount of change, negative when it goes
    down; ``factor`` the multiplier of ``N есе``; ``facts`` the start offsets of the facts it
    links, space-separated. Values are plain decimal strings, as in Fact."""

    start: int
    end: int
    span: str
    type: str
    unit: str = ""
    from_value: str = ""
    to_value: str = ""
    by_value: str = ""
    by_value_max: str = ""
    factor: str = ""
    direction: str = ""
    verb: str = ""
    compared_to: str = ""
    facts: str = ""
    sentence: str = ""


Value = int | Fraction  # a number's exact value: an int where it is whole


def quotient(a: Value, b: Value) -> Value:
    """``a / b`` exactly: an int when it divides evenly, else a Fraction (never a float)."""
    if type(a) is int and type(b) is int:
        whole, rest = divmod(a, b)
        return Fraction(a, b) if rest else whole
    return a / b


def format_number(value: Value | None) -> str:
    """Plain decimal notation: no exponent, no thousands separator, no trailing zeros.

    Exact for every value with a finite decimal expansion; others (2/3) are rounded to
    12 significant digits.
    """
    if value is None:
        return ""
    if type(value) is int:
        return str(value)
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    with localcontext() as ctx:
        ctx.prec = 40
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        if Fraction(exact) != value:
            ctx.prec = 12
            exact = +exact
    text = format(exact, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
