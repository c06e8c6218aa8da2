"""Lexical attributes: ``like_num`` knows Kazakh number words and their inflected forms;
``is_punct`` also holds for the HTML tags left in scraped news (``<p>``, ``</strong>``)."""

from spacy.attrs import IS_PUNCT, LIKE_NUM
from spacy.lang.lex_attrs import is_punct as base_is_punct

from ...numbers import number_reader
from .punctuation import HTML_TAG


def like_num(text: str) -> bool:
    """True for digits (1 000, 32,8, 4/66) and for what the number reader takes for a Kazakh
    number word in any form (бес, жиырма, мыңнан, бірінші, бесеуі, жүздеген, млн.), not for
    its homographs (оның, ондай, бірлік)."""
    stripped = text.replace(",", "").replace(".", "").replace("/", "").replace(":", "")
    if stripped.isdigit():
        return True
    return number_reader().read_number_word(text.lower()) is not None


def is_punct(text: str) -> bool:
    """Punctuation, or an HTML tag: it separates words like punctuation does."""
    return base_is_punct(text) or bool(HTML_TAG.fullmatch(text))


LEX_ATTRS = {LIKE_NUM: like_num, IS_PUNCT: is_punct}
