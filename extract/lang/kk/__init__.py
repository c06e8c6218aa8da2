"""Kazakh (``kk``) for spaCy, in the shape of spaCy's own ``spacy/lang/<xx>`` modules.

Registered through the ``spacy_languages`` entry point, so ``spacy.blank("kk")`` works after
``pip install kazextract``.
"""

from spacy.language import BaseDefaults, Language
from spacy.tokenizer import Tokenizer

from .lex_attrs import LEX_ATTRS
from .punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES, URL_MATCH
from .sentences import kk_sentencizer
from .tokenizer import KazakhTokenizer, make_tokenizer
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS


class KazakhDefaults(BaseDefaults):
    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    prefixes = TOKENIZER_PREFIXES
    suffixes = TOKENIZER_SUFFIXES
    infixes = TOKENIZER_INFIXES
    lex_attr_getters = LEX_ATTRS
    url_match = URL_MATCH
    writing_system = {"direction": "ltr", "has_case": True, "has_letters": True}


class Kazakh(Language):
    lang = "kk"
    Defaults = KazakhDefaults

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # spaCy's default tokenizer becomes one that stays linear on runs of punctuation;
        # the config still names spaCy's, so a saved pipeline loads anywhere
        if type(self.tokenizer) is Tokenizer:
            self.tokenizer = make_tokenizer(self)


__all__ = ["Kazakh", "KazakhTokenizer", "kk_sentencizer"]
