"""Abbreviations that keep their full stop (ж., млн., т.б.), from patterns/abbreviations.toml;
and the signs of modifiers.toml written with punctuation inside (+/-), kept whole."""

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


def _sign_exceptions() -> dict[str, list[dict]]:
    signs = {m.phrase[0] for m in load_lexicon().modifiers if len(m.phrase) == 1}
    return {sign: [{ORTH: sign}] for sign in signs
            if len(sign) > 1 and not any(map(str.isalnum, sign))}


def _base_exceptions() -> dict[str, list[dict]]:
    """spaCy's exceptions without its lower-case letters with a full stop (a., y.): English
    initials, but in Kazakh Latin the last letters of a suffix at a sentence's end (90%-y.,
    5-i.), whose full stop ends the sentence. The abbreviations of our own (j., ǵ.) stay."""
    return {form: tokens for form, tokens in BASE_EXCEPTIONS.items()
            if not (len(form) == 2 and form[1] == "." and form[0].isalpha()
                    and form[0].islower())}


TOKENIZER_EXCEPTIONS = update_exc(_base_exceptions(), {**_abbreviation_exceptions(),
                                                      **_sign_exceptions()})
