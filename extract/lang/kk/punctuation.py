"""Tokenizer punctuation rules for Kazakh number writing.

spaCy's letter classes miss ғ, қ, ұ and other Kazakh letters, so the rules are built on an
alphabet that adds the letters from ``patterns/alphabet.toml``. Digits are split from what is
glued to them so that the number is a token of its own: ``29-орынға`` -> 29 | - | орынға,
``100ден`` -> 100 | ден, ``15-25%-ке`` -> 15 | - | 25 | % | - | ке. Decimal commas (32,8),
fractions and clock times (4/66, 18:00) stay one token.
"""

import re

import regex
from spacy.lang.char_classes import (
    ALPHA,
    ALPHA_UPPER,
    LIST_ELLIPSES,
    LIST_ICONS,
    LIST_PUNCT,
    LIST_QUOTES,
)
from spacy.lang.punctuation import TOKENIZER_PREFIXES as BASE_PREFIXES
from spacy.lang.tokenizer_exceptions import URL_PATTERN

from ...kazakh.lexicon import load_lexicon

_lex = load_lexicon()
KK_ALPHA = ALPHA + _lex.letters + _lex.latin_letters
KK_UPPER = ALPHA_UPPER + "".join(ch for ch in _lex.letters + _lex.latin_letters if ch.isupper())
_PERCENT = "".join(_lex.percent_symbols)
# currency signs that are not words (₸, $, R$): a multi-character one is an alternative of
# its own, as in a character class the R of R$ would split every word starting with R
_SIGNS = sorted((c for c in _lex.currency_symbols if not c.isalpha()), key=len, reverse=True)
_CURRENCY = "(?:" + "|".join(map(regex.escape, _SIGNS)) + ")"
_SIGN_ENDS = regex.escape("".join(sorted({sign[-1] for sign in _SIGNS})))
_DASHES = "-–—"
# An HTML tag without attributes, left in scraped text: <p>, </strong>, <br/>.
_TAG = r"</?[A-Za-z][A-Za-z0-9]{0,9}\s?/?>"
# A character entity: &nbsp;, &#160;, &#xA0;.
_ENTITY = r"&(?:[A-Za-z]{2,8}|#[0-9]{2,6}|#[xX][0-9A-Fa-f]{2,5});"
HTML_MARKUP = regex.compile(f"{_TAG}|{_ENTITY}")
# Markup the rules do not see, as they do not see a space: an entity or an inline tag.
INLINE_MARKUP = regex.compile(
    rf"{_ENTITY}|</?(?i:{'|'.join(sorted(_lex.grammar.inline_tags))})\s?/?>")
# Abbreviations that keep their stop (млн., тг.), longest first.
_STOPPED = sorted((a for a in _lex.abbreviations if a.endswith(".")), key=len, reverse=True)
_GLUED_ABBREVIATION = "(?i:" + "|".join(map(regex.escape, _STOPPED)) + f")[{KK_ALPHA}]"
# spaCy's URL rule, except for an abbreviation glued to the next word by its stop (млн.теңге
# looks like a domain name): the infixes split that one. A compiled pattern's ``match``, as
# spaCy saves and restores it.
URL_MATCH = re.compile(f"(?!{_GLUED_ABBREVIATION}){URL_PATTERN.removeprefix('^')}").match


def _glued_abbreviations() -> list[str]:
    """Zero-width infixes after the stop of an abbreviation glued to a word, one per length."""
    by_length: dict[int, list[str]] = {}
    for abbreviation in _STOPPED:
        by_length.setdefault(len(abbreviation), []).append(regex.escape(abbreviation))
    patterns = []
    for forms in by_length.values():
        either = "(?:" + "|".join(forms) + ")"
        patterns.append(rf"(?<=\.)(?=[{KK_ALPHA}])(?<={either})(?<![{KK_ALPHA}.]{either})")
    return patterns


TOKENIZER_PREFIXES = [_TAG, _ENTITY] + BASE_PREFIXES + [r"№", _CURRENCY]

TOKENIZER_SUFFIXES = (
    LIST_PUNCT
    + LIST_ELLIPSES
    + LIST_QUOTES
    + LIST_ICONS
    + [
        _TAG,
        _ENTITY,
        rf"(?<=[0-9])[{_PERCENT}]",
        rf"(?<=[0-9]){_CURRENCY}",
        # a full stop after a word, a number, a currency sign or a closing quote or
        # bracket: төрт»., (бес)., 5₸. (every sign ends in a mark: R$)
        rf"(?<=[0-9{KK_ALPHA}%»“”\"'’)\]{_SIGN_ENDS}])\.",
        r"—",
        r"–",
    ]
)

TOKENIZER_INFIXES = (
    LIST_ELLIPSES
    + LIST_ICONS
    + [
        _TAG,  # теңге</p><p>Ал: tags between words
        _ENTITY,  # 35&nbsp;млрд
        # a number glued to what follows it: 100ден, 3мыңнан, 30%, 5₸
        rf"(?<=[0-9])(?=[{KK_ALPHA}{_PERCENT}]|{_CURRENCY})",
        # the hyphen of a suffix or a range: 29-орынға, 30%-ға, 2017-2019, 15–25
        rf"(?<=[0-9{_PERCENT}])[{_DASHES}](?=[0-9{KK_ALPHA}])",
        # punctuation between words without a space: ауыл,қала; сөз.Сөз; a comma before a
        # number (босатылса,123 адам); = between a symbol and its value (mpv=3.9, K=9.0)
        rf"(?<=[{KK_ALPHA}])[,!?;:()\[\]](?=[{KK_ALPHA}])",
        rf"(?<=[{KK_ALPHA}]{{2}}),(?=[0-9])",
        rf"(?<=[{KK_ALPHA}])=(?=[0-9])",
        rf"(?<=[{KK_ALPHA}])\.(?=[{KK_UPPER}])",
        # an abbreviation's stop glued to the next word: 5 млн.теңге, 1,5 mld.teńge, not
        # the end of a longer word (жж. is not ж.); one pattern per length, as a lookbehind
        # has a fixed width, each behind a cheap test for the stop
        *_glued_abbreviations(),
        # a comma between numbers with a space after it is a list, not a decimal: 15,16
        rf"(?<=[0-9]),(?=[{KK_ALPHA}])",
        # a decimal part has one to three digits in practice (32,8; 1,125): a comma between
        # two numbers of four digits or more is a list written without a space (5000,6000)
        r"(?<=[0-9]{4}),(?=[0-9]{4})",
    ]
)
