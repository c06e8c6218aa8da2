"""Lexical attributes: ``like_num`` knows Kazakh number words and their inflected forms."""

from spacy.attrs import LIKE_NUM

from ...lexicon import load_lexicon
from ...morphology import read_word


def like_num(text: str) -> bool:
    """True for digits (1 000, 32,8, 4/66) and for Kazakh number words in any form
    (бес, жиырма, мыңнан, бірінші, бесеуі, жүздеген)."""
    stripped = text.replace(",", "").replace(".", "").replace("/", "").replace(":", "")
    if stripped.isdigit():
        return True
    lex = load_lexicon()
    lower = text.lower()
    if lower in lex.not_numbers:
        return False
    stems = lex.number_words.keys() | lex.stem_variants.keys() | lex.collectives.keys()
    return read_word(lower, stems, numeral=True) is not None


LEX_ATTRS = {LIKE_NUM: like_num}
