"""Lexical attributes: ``like_num`` knows Kazakh number words and their inflected forms."""

from functools import cache

from spacy.attrs import LIKE_NUM

from ...numbers import NumberReader


@cache
def _reader() -> NumberReader:
    return NumberReader()


def like_num(text: str) -> bool:
    """True for digits (1 000, 32,8, 4/66) and for what the number reader takes for a Kazakh
    number word in any form (бес, жиырма, мыңнан, бірінші, бесеуі, жүздеген, млн.), not for
    its homographs (оның, ондай, бірлік)."""
    stripped = text.replace(",", "").replace(".", "").replace("/", "").replace(":", "")
    if stripped.isdigit():
        return True
    return _reader().read_number_word(text.lower()) is not None


LEX_ATTRS = {LIKE_NUM: like_num}
