"""Abbreviations that keep their full stop (ж., млн., т.б.), from patterns/abbreviations.toml."""

from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.symbols import NORM, ORTH
from spacy.util import update_exc

from ...kazakh.lexicon import load_lexicon


def _abbreviation_exceptions() -> dict[str, list[dict]]:
    exceptions = {}
    for abbreviation, norm in load_lexicon().abbreviations.items():
        for form in {abbreviation, abbreviation.capitalize()}:
            exceptions[form] = [{ORTH: form, NORM: norm}]
    return exceptions


TOKENIZER_EXCEPTIONS = update_exc(BASE_EXCEPTIONS, _abbreviation_exceptions())
