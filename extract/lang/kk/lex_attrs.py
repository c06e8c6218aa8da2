"""Lexical attributes: ``like_num`` knows Kazakh number words and their inflected forms;
``is_punct`` also holds for the HTML tags and entities left in scraped news (``<p>``,
``</strong>``, ``&nbsp;``)."""

from spacy.attrs import IS_PUNCT, LIKE_NUM
from spacy.lang.lex_attrs import is_punct as base_is_punct

from ...kazakh.numerals import number_words
from .punctuation import HTML_MARKUP


def like_num(text: str) -> bool:
    """True for digits (1 000, 32,8, 4/66) and for what the number reader takes for a Kazakh
    number word in any form (бес, жиырма, мыңнан, бірінші, бесеуі, жүздеген, млн.), not for
    its homographs (оның, ондай, бірлік)."""
    stripped = text.replace(",", "").replace(".", "").replace("/", "").replace(":", "")
    if stripped.isdigit():
        return True
    return number_words().read(text.lower()) is not None


def is_punct(text: str) -> bool:
    """Punctuation, an HTML tag or entity, or "=" (mpv=3.9): it separates words like
    punctuation does."""
    return base_is_punct(text) or text == "=" or bool(HTML_MARKUP.fullmatch(text))


LEX_ATTRS = {LIKE_NUM: like_num, IS_PUNCT: is_punct}
